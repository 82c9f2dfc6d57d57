// A small server that speaks the Pusher Channels protocol (version 7), so the official
// `pusher` (server SDK) and `pusher-js` (browser/Node client) work against it unchanged when
// no Pusher account is configured. One HTTP server on one port carries both faces:
//   - WebSocket at /app/<key>: connection_established, ping/pong, subscribe/unsubscribe to
//     public, private-* and presence-* channels (auth signatures checked), presence members,
//     client events (client-*) on private/presence channels, relayed to the other subscribers;
//   - the signed HTTP API: POST /apps/<id>/events and /batch_events, GET /apps/<id>/channels,
//     /channels/<name> and /channels/<name>/users (auth_key, auth_timestamp within 600 s,
//     auth_version 1.0, body_md5, auth_signature = HMAC-SHA256 of "METHOD\npath\nsorted query").
// It keeps everything in memory: one process, no horizontal scaling (use Pusher or a
// Pusher-protocol server such as soketi for that). It imports nothing from the app, so the
// dev/start scripts can run it next to Next.js.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

export interface LocalRealtimeOptions {
  appId: string;
  key: string;
  secret: string;
  /** 0 picks a free port. */
  port: number;
  /** Interface to listen on (default: all). */
  host?: string;
  /** Seconds a client may stay silent before it should ping (sent in connection_established). */
  activityTimeout?: number;
  log?: (level: "info" | "warn", message: string, meta?: Record<string, unknown>) => void;
}

export interface LocalRealtimeServer {
  port: number;
  url: string;
  /** Connected sockets (tests and health). */
  connections(): number;
  close(): Promise<void>;
}

interface PresenceMember {
  user_id: string;
  user_info?: unknown;
}

interface Connection {
  id: string;
  ws: WebSocket;
  channels: Set<string>;
  /** presence channel → the member this socket joined as */
  presence: Map<string, PresenceMember>;
  alive: boolean;
  /** Client events sent in the current one-second window (Pusher allows 10 per second). */
  clientEvents: { windowStart: number; count: number };
}

interface Channel {
  sockets: Set<string>;
  /** presence only: user id → member info and the sockets it is joined with */
  members: Map<string, { info: unknown; sockets: Set<string> }>;
}

const CHANNEL_NAME = /^[A-Za-z0-9_\-=@,.;]{1,200}$/;
const MAX_EVENT_DATA = 10 * 1024;
const CLIENT_EVENTS_PER_SECOND = 10;
const MAX_TRIGGER_CHANNELS = 100;
const MAX_BATCH = 10;
const MAX_HTTP_BODY = 256 * 1024;
const TIMESTAMP_WINDOW_SECONDS = 600;

const isPrivate = (channel: string) => channel.startsWith("private-");
const isPresence = (channel: string) => channel.startsWith("presence-");

function hmac(secret: string, data: string) {
  return crypto.createHmac("sha256", secret).update(data, "utf8").digest("hex");
}

function safeEqual(a: string, b: string) {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

/** Pusher's wire format: data travels as a JSON string inside the JSON message. */
function frame(event: string, data: unknown, channel?: string, extra?: Record<string, unknown>) {
  return JSON.stringify({ event, ...(channel ? { channel } : {}), data: typeof data === "string" ? data : JSON.stringify(data), ...extra });
}

export async function startLocalRealtimeServer(options: LocalRealtimeOptions): Promise<LocalRealtimeServer> {
  const { appId, key, secret } = options;
  const activityTimeout = options.activityTimeout ?? 120;
  const log = options.log ?? (() => {});
  const connections = new Map<string, Connection>();
  const channels = new Map<string, Channel>();

  const newSocketId = () => `${crypto.randomInt(1, 2 ** 31)}.${crypto.randomInt(1, 2 ** 31)}`;

  function send(connection: Connection, message: string) {
    if (connection.ws.readyState === connection.ws.OPEN) connection.ws.send(message);
  }

  /** Sends to every subscriber of the channel except `exceptSocketId`. */
  function broadcast(channelName: string, message: string, exceptSocketId?: string) {
    const channel = channels.get(channelName);
    if (!channel) return;
    for (const socketId of channel.sockets) {
      if (socketId === exceptSocketId) continue;
      const connection = connections.get(socketId);
      if (connection) send(connection, message);
    }
  }

  function sendError(connection: Connection, code: number | null, message: string) {
    send(connection, frame("pusher:error", { code, message }));
  }

  function refuseSubscription(connection: Connection, channelName: string, status: number, message: string) {
    // pusher-js emits a server-sent pusher:subscription_error on the channel (bindable like
    // the one it raises itself when the auth endpoint refuses); pusher:error reaches the
    // connection's "error" listeners, as Pusher's own refusal does.
    send(connection, frame("pusher:subscription_error", { type: "AuthError", error: message, status }, channelName));
    sendError(connection, 4009, message);
  }

  function subscribe(connection: Connection, data: { channel?: unknown; auth?: unknown; channel_data?: unknown }) {
    const channelName = data.channel;
    if (typeof channelName !== "string" || !CHANNEL_NAME.test(channelName)) {
      sendError(connection, 4009, "Invalid channel name");
      return;
    }
    let member: PresenceMember | null = null;
    if (isPrivate(channelName) || isPresence(channelName)) {
      const channelData = typeof data.channel_data === "string" ? data.channel_data : undefined;
      const signed = isPresence(channelName) ? `${connection.id}:${channelName}:${channelData ?? ""}` : `${connection.id}:${channelName}`;
      const auth = typeof data.auth === "string" ? data.auth : "";
      const [authKey, signature] = auth.split(":");
      if (authKey !== key || !signature || !safeEqual(signature, hmac(secret, signed))) {
        refuseSubscription(connection, channelName, 401, `Invalid signature: expected HMAC SHA256 hex digest of ${signed}`);
        return;
      }
      if (isPresence(channelName)) {
        try {
          const parsed = JSON.parse(channelData ?? "") as { user_id?: unknown; user_info?: unknown };
          if (typeof parsed.user_id !== "string" && typeof parsed.user_id !== "number") throw new Error("no user_id");
          member = { user_id: String(parsed.user_id), user_info: parsed.user_info };
        } catch {
          refuseSubscription(connection, channelName, 400, "Invalid channel_data: a JSON object with user_id is required");
          return;
        }
      }
    }

    const channel = channels.get(channelName) ?? { sockets: new Set<string>(), members: new Map() };
    channels.set(channelName, channel);
    channel.sockets.add(connection.id);
    connection.channels.add(channelName);
    if (!member) {
      send(connection, frame("pusher_internal:subscription_succeeded", {}, channelName));
      return;
    }
    // Subscribing again (same user) adds no second member_added; as another user, leave first.
    const previous = connection.presence.get(channelName);
    if (previous && previous.user_id !== member.user_id) leavePresence(connection, channelName);
    connection.presence.set(channelName, member);
    const existing = channel.members.get(member.user_id);
    if (existing) existing.sockets.add(connection.id);
    else {
      channel.members.set(member.user_id, { info: member.user_info, sockets: new Set([connection.id]) });
      broadcast(channelName, frame("pusher_internal:member_added", { user_id: member.user_id, user_info: member.user_info }, channelName), connection.id);
    }
    const hash: Record<string, unknown> = {};
    for (const [userId, entry] of channel.members) hash[userId] = entry.info ?? null;
    send(connection, frame("pusher_internal:subscription_succeeded", { presence: { ids: Object.keys(hash), hash, count: channel.members.size } }, channelName));
  }

  function leavePresence(connection: Connection, channelName: string) {
    const member = connection.presence.get(channelName);
    connection.presence.delete(channelName);
    const channel = channels.get(channelName);
    if (!member || !channel) return;
    const entry = channel.members.get(member.user_id);
    if (!entry) return;
    entry.sockets.delete(connection.id);
    if (entry.sockets.size === 0) {
      channel.members.delete(member.user_id);
      broadcast(channelName, frame("pusher_internal:member_removed", { user_id: member.user_id }, channelName), connection.id);
    }
  }

  function unsubscribe(connection: Connection, channelName: string) {
    if (!connection.channels.delete(channelName)) return;
    const channel = channels.get(channelName);
    channel?.sockets.delete(connection.id);
    if (isPresence(channelName)) leavePresence(connection, channelName);
    if (channel && channel.sockets.size === 0) channels.delete(channelName);
  }

  function clientEvent(connection: Connection, message: { event: string; channel?: unknown; data?: unknown }) {
    const channelName = typeof message.channel === "string" ? message.channel : "";
    if (!isPrivate(channelName) && !isPresence(channelName)) {
      sendError(connection, null, `Client event rejected - only supported on private and presence channels (${message.event})`);
      return;
    }
    if (!connection.channels.has(channelName)) {
      sendError(connection, null, `Cannot broadcast client event (connection not subscribed to channel ${channelName})`);
      return;
    }
    const now = Date.now();
    if (now - connection.clientEvents.windowStart >= 1000) connection.clientEvents = { windowStart: now, count: 0 };
    if (++connection.clientEvents.count > CLIENT_EVENTS_PER_SECOND) {
      sendError(connection, 4301, "Client event rejected due to rate limit");
      return;
    }
    const payload = typeof message.data === "string" ? message.data : JSON.stringify(message.data ?? null);
    if (Buffer.byteLength(payload) > MAX_EVENT_DATA) {
      sendError(connection, null, "Client event rejected - data too large");
      return;
    }
    const member = connection.presence.get(channelName);
    broadcast(channelName, frame(message.event, payload, channelName, member ? { user_id: member.user_id } : undefined), connection.id);
  }

  function onMessage(connection: Connection, raw: string) {
    let message: { event?: unknown; channel?: unknown; data?: unknown };
    try {
      message = JSON.parse(raw) as typeof message;
    } catch {
      sendError(connection, null, "Invalid JSON");
      return;
    }
    if (typeof message.event !== "string") return;
    let data = message.data;
    if (typeof data === "string" && message.event.startsWith("pusher:")) {
      try {
        data = JSON.parse(data);
      } catch {
        // keep the string
      }
    }
    switch (message.event) {
      case "pusher:ping":
        send(connection, frame("pusher:pong", {}));
        return;
      case "pusher:pong":
        return;
      case "pusher:subscribe":
        subscribe(connection, (data ?? {}) as Parameters<typeof subscribe>[1]);
        return;
      case "pusher:unsubscribe": {
        const channelName = (data as { channel?: unknown } | null)?.channel;
        if (typeof channelName === "string") unsubscribe(connection, channelName);
        return;
      }
      default:
        if (message.event.startsWith("client-")) clientEvent(connection, { event: message.event, channel: message.channel, data: message.data });
        // Other pusher:* events (signin, cache…) are not supported; ignore them like unknown ones.
    }
  }

  // ── HTTP API ──────────────────────────────────────────────────────────────────────────────

  function json(response: http.ServerResponse, status: number, body: unknown) {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  }

  /** Checks Pusher's request signature; returns an error message or null. */
  function verifyRequest(method: string, path: string, query: URLSearchParams, body: string): string | null {
    const params: Record<string, string> = {};
    for (const [name, value] of query) params[name] = value;
    const signature = params.auth_signature;
    delete params.auth_signature;
    if (params.auth_key !== key) return "Unknown auth_key";
    if (params.auth_version !== "1.0") return "Invalid auth_version";
    const timestamp = Number(params.auth_timestamp);
    if (!Number.isFinite(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > TIMESTAMP_WINDOW_SECONDS) return "Timestamp expired: given auth_timestamp is too far from the server time";
    if (body.length > 0 && params.body_md5 !== crypto.createHash("md5").update(body, "utf8").digest("hex")) return "Invalid body_md5";
    const sorted = Object.keys(params)
      .sort()
      .map((name) => `${name}=${params[name]}`)
      .join("&");
    const expected = hmac(secret, `${method}\n${path}\n${sorted}`);
    if (!signature || !safeEqual(signature, expected)) return "Invalid signature: you should have sent HmacSHA256Hex(string_to_sign, your_secret)";
    return null;
  }

  interface TriggerEvent {
    name?: unknown;
    data?: unknown;
    channel?: unknown;
    channels?: unknown;
    socket_id?: unknown;
  }

  /** Validates one event of /events or /batch_events; returns the deliveries or an error message. */
  function parseTrigger(event: TriggerEvent): { name: string; data: string; channels: string[]; socketId?: string } | string {
    if (typeof event.name !== "string" || event.name.length === 0 || event.name.length > 200) return "name must be a string of at most 200 characters";
    if (typeof event.data !== "string") return "data must be a string";
    if (Buffer.byteLength(event.data) > MAX_EVENT_DATA) return "data is too large (10 KB at most)";
    const list = event.channels ?? (event.channel !== undefined ? [event.channel] : undefined);
    if (!Array.isArray(list) || list.length === 0 || list.length > MAX_TRIGGER_CHANNELS) return `channels must list 1 to ${MAX_TRIGGER_CHANNELS} channels`;
    if (!list.every((c): c is string => typeof c === "string" && CHANNEL_NAME.test(c))) return "invalid channel name";
    if (event.socket_id !== undefined && (typeof event.socket_id !== "string" || !/^\d+\.\d+$/.test(event.socket_id))) return "invalid socket_id";
    return { name: event.name, data: event.data, channels: list, socketId: event.socket_id as string | undefined };
  }

  function deliver(trigger: { name: string; data: string; channels: string[]; socketId?: string }) {
    for (const channelName of trigger.channels) broadcast(channelName, frame(trigger.name, trigger.data, channelName), trigger.socketId);
  }

  function channelInfo(channelName: string) {
    const channel = channels.get(channelName);
    const info: Record<string, unknown> = { occupied: Boolean(channel && channel.sockets.size > 0), subscription_count: channel?.sockets.size ?? 0 };
    if (isPresence(channelName)) info.user_count = channel?.members.size ?? 0;
    return info;
  }

  async function onRequest(request: http.IncomingMessage, response: http.ServerResponse) {
    const url = new URL(request.url ?? "/", "http://local");
    const method = request.method ?? "GET";
    const match = /^\/apps\/([^/]+)(\/.*)$/.exec(url.pathname);
    if (!match) return json(response, 404, { error: "Not found" });
    if (decodeURIComponent(match[1]!) !== appId) return json(response, 404, { error: "Unknown app" });

    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_HTTP_BODY) return json(response, 413, { error: "Request body too large" });
      chunks.push(chunk);
    }
    const body = Buffer.concat(chunks).toString("utf8");
    const problem = verifyRequest(method, url.pathname, url.searchParams, body);
    if (problem) return json(response, 401, { error: problem });

    const route = match[2]!;
    if (method === "POST" && (route === "/events" || route === "/batch_events")) {
      let parsed: { batch?: unknown } & TriggerEvent;
      try {
        parsed = JSON.parse(body) as typeof parsed;
      } catch {
        return json(response, 400, { error: "Body must be JSON" });
      }
      const events = route === "/events" ? [parsed] : parsed.batch;
      if (!Array.isArray(events) || events.length === 0 || events.length > MAX_BATCH) return json(response, 400, { error: `batch must hold 1 to ${MAX_BATCH} events` });
      const triggers = [];
      for (const event of events as TriggerEvent[]) {
        const trigger = parseTrigger(event);
        if (typeof trigger === "string") return json(response, 400, { error: trigger });
        triggers.push(trigger);
      }
      triggers.forEach(deliver);
      return json(response, 200, route === "/events" ? {} : { batch: triggers.map(() => ({})) });
    }
    if (method === "GET" && route === "/channels") {
      const prefix = url.searchParams.get("filter_by_prefix") ?? "";
      const withUserCount = (url.searchParams.get("info") ?? "").split(",").includes("user_count");
      const list: Record<string, unknown> = {};
      for (const [name, channel] of channels) {
        if (!name.startsWith(prefix) || channel.sockets.size === 0) continue;
        list[name] = withUserCount && isPresence(name) ? { user_count: channel.members.size } : {};
      }
      return json(response, 200, { channels: list });
    }
    const channelRoute = /^\/channels\/([^/]+)(\/users)?$/.exec(route);
    if (method === "GET" && channelRoute) {
      const channelName = decodeURIComponent(channelRoute[1]!);
      if (channelRoute[2]) {
        if (!isPresence(channelName)) return json(response, 400, { error: "users are only available for presence channels" });
        return json(response, 200, { users: [...(channels.get(channelName)?.members.keys() ?? [])].map((id) => ({ id })) });
      }
      return json(response, 200, channelInfo(channelName));
    }
    return json(response, 404, { error: "Not found" });
  }

  // ── wiring ────────────────────────────────────────────────────────────────────────────────

  const server = http.createServer((request, response) => {
    onRequest(request, response).catch((error: unknown) => {
      log("warn", "realtime HTTP request failed", { error: String(error) });
      if (!response.headersSent) json(response, 500, { error: "Internal error" });
      else response.end();
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });

  server.on("upgrade", (request, socket, head) => {
    const url = new URL(request.url ?? "/", "http://local");
    const match = /^\/app\/([^/]+)$/.exec(url.pathname);
    if (!match) {
      socket.end("HTTP/1.1 404 Not Found\r\n\r\n");
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      if (decodeURIComponent(match[1]!) !== key) {
        // Protocol: 4001 "application does not exist".
        ws.send(frame("pusher:error", { code: 4001, message: `App key ${match[1]} not in this cluster` }));
        ws.close(4001, "Application does not exist");
        return;
      }
      const protocol = Number(url.searchParams.get("protocol") ?? "7");
      if (protocol < 5 || protocol > 7) {
        ws.send(frame("pusher:error", { code: 4007, message: "Unsupported protocol version" }));
        ws.close(4007, "Unsupported protocol version");
        return;
      }
      const connection: Connection = { id: newSocketId(), ws, channels: new Set(), presence: new Map(), alive: true, clientEvents: { windowStart: 0, count: 0 } };
      connections.set(connection.id, connection);
      ws.on("message", (raw) => onMessage(connection, raw.toString()));
      ws.on("pong", () => (connection.alive = true));
      ws.on("close", () => {
        for (const channelName of [...connection.channels]) unsubscribe(connection, channelName);
        connections.delete(connection.id);
      });
      ws.on("error", () => ws.terminate());
      send(connection, frame("pusher:connection_established", { socket_id: connection.id, activity_timeout: activityTimeout }));
    });
  });

  // Drops sockets that stopped answering WebSocket pings (a vanished laptop keeps no presence).
  const heartbeat = setInterval(() => {
    for (const connection of connections.values()) {
      if (!connection.alive) {
        connection.ws.terminate();
        continue;
      }
      connection.alive = false;
      connection.ws.ping();
    }
  }, Math.max(10, activityTimeout) * 1000);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `ws://${options.host && options.host !== "0.0.0.0" ? options.host : "localhost"}:${port}`;
  log("info", "realtime server listening", { url });

  return {
    port,
    url,
    connections: () => connections.size,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        for (const connection of connections.values()) connection.ws.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
