// The local realtime server against the official clients: `pusher-js` (its Node build) for
// connections and `pusher` (the server SDK) for triggers, each test on a fresh server on a
// free port.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Pusher from "pusher";
import PusherJS, { type Channel, type PresenceChannel } from "pusher-js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { userChannel, vendorChannel, vendorPresenceChannel } from "@/lib/realtime/channels";
import { pusherClientOptions } from "@/lib/realtime/client-options";
import { startLocalRealtimeServer, type LocalRealtimeServer } from "./local-server";
import { authorizeChannel, handleRealtimeAuth, type RealtimeSubject } from "./realtime.auth";
import { localRealtimeCredentials, pusherServerOptions, realtimeClientConfigOf, resolveRealtimeConfig } from "./realtime.config";
import { publishRealtime } from "./realtime.publish";

const APP_ID = "test-app";
const KEY = "test-key";
const SECRET = "test-secret-" + crypto.randomBytes(8).toString("hex");

let server: LocalRealtimeServer;
let sdk: Pusher;
const clients: PusherJS[] = [];

beforeEach(async () => {
  server = await startLocalRealtimeServer({ appId: APP_ID, key: KEY, secret: SECRET, port: 0, host: "127.0.0.1" });
  sdk = new Pusher({ appId: APP_ID, key: KEY, secret: SECRET, host: "127.0.0.1", port: String(server.port), useTLS: false });
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect();
  await server.close();
});

/** Resolves with the first `event` the target emits, or fails after `ms`. */
function next<T = unknown>(target: { bind(event: string, callback: (data: T) => void): unknown; unbind(event: string, callback: (data: T) => void): unknown }, event: string, ms = 3000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      target.unbind(event, handler);
      reject(new Error(`timed out waiting for ${event}`));
    }, ms);
    const handler = (data: T) => {
      clearTimeout(timer);
      target.unbind(event, handler);
      resolve(data);
    };
    target.bind(event, handler);
  });
}

/** Collects every `event` the target emits (to prove that something did NOT arrive). */
function collect<T = unknown>(target: { bind(event: string, callback: (data: T) => void): unknown }, event: string): T[] {
  const seen: T[] = [];
  target.bind(event, (data: T) => seen.push(data));
  return seen;
}

const settle = (ms = 150) => new Promise((resolve) => setTimeout(resolve, ms));

/** A connected pusher-js client; private/presence channels are authorized for `subject` by realtime.auth. */
async function connect(subject?: RealtimeSubject, options: { secret?: string } = {}) {
  const signer = options.secret ? new Pusher({ appId: APP_ID, key: KEY, secret: options.secret, host: "127.0.0.1", port: String(server.port), useTLS: false }) : sdk;
  const client = new PusherJS(KEY, {
    cluster: "local",
    wsHost: "127.0.0.1",
    wsPort: server.port,
    forceTLS: false,
    enabledTransports: ["ws"],
    disableStats: true,
    channelAuthorization: {
      customHandler: ({ socketId, channelName }, callback) => {
        if (!subject) return callback(new Error("no subject"), null);
        const result = authorizeChannel(signer, socketId, channelName, subject);
        if (result.ok) callback(null, result.body);
        else callback(new Error(result.reason), null);
      },
    },
  });
  clients.push(client);
  await next(client.connection, "connected");
  return client;
}

async function subscribed<C extends Channel>(client: PusherJS, name: string): Promise<C> {
  const channel = client.subscribe(name) as C;
  await next(channel, "pusher:subscription_succeeded");
  return channel;
}

const alice: RealtimeSubject = { userId: "user_alice", name: "Alice", vendorIds: ["vendor_a"] };
const bob: RealtimeSubject = { userId: "user_bob", name: "Bob", vendorIds: ["vendor_a"] };

describe("local realtime server", () => {
  it("connects, subscribes to a public channel and receives a trigger from the pusher SDK", async () => {
    const client = await connect();
    expect(client.connection.socket_id).toMatch(/^\d+\.\d+$/);
    const channel = await subscribed(client, "catalog");
    const received = next(channel, "price-changed");
    await sdk.trigger("catalog", "price-changed", { productId: "p1", price: 1250 });
    expect(await received).toEqual({ productId: "p1", price: 1250 });
    expect(server.connections()).toBe(1);
  });

  it("answers pusher:ping with pusher:pong", async () => {
    const client = await connect();
    const pong = next(client.connection, "message", 3000);
    client.send_event("pusher:ping", {});
    expect(await pong).toMatchObject({ event: "pusher:pong" });
  });

  it("delivers batches and leaves out the socket named by socket_id", async () => {
    const a = await connect();
    const b = await connect();
    const channelA = await subscribed(a, "news");
    const channelB = await subscribed(b, "news");
    const seenByA = collect(channelA, "posted");
    const toB = next(channelB, "posted");
    await sdk.trigger("news", "posted", { id: 1 }, { socket_id: a.connection.socket_id });
    expect(await toB).toEqual({ id: 1 });

    const batch = next(channelB, "second");
    await sdk.triggerBatch([
      { channel: "news", name: "second", data: { id: 2 } },
      { channel: "other", name: "second", data: { id: 3 } },
    ]);
    expect(await batch).toEqual({ id: 2 });
    await settle();
    expect(seenByA).toEqual([]);
  });

  it("stops delivering after unsubscribe", async () => {
    const client = await connect();
    const channel = await subscribed(client, "news");
    const seen = collect(channel, "posted");
    client.unsubscribe("news");
    await settle();
    await sdk.trigger("news", "posted", { id: 1 });
    await settle();
    expect(seen).toEqual([]);
  });

  it("subscribes to a private channel with an authorization from realtime.auth and receives publishRealtime", async () => {
    const client = await connect(alice);
    const channel = await subscribed(client, userChannel(alice.userId));
    const received = next(channel, "notification");
    expect(await publishRealtime(userChannel(alice.userId), "notification", { title: "Order shipped" }, { pusher: sdk })).toBe(true);
    expect(await received).toEqual({ title: "Order shipped" });
  });

  it("refuses a private subscription signed with another secret, and delivers nothing on it", async () => {
    const client = await connect(alice, { secret: "not-the-secret" });
    const channel = client.subscribe(userChannel(alice.userId));
    const seen = collect(channel, "notification");
    const refusal = await next<{ status: number; error: string }>(channel, "pusher:subscription_error");
    expect(refusal.status).toBe(401);
    expect(refusal.error).toMatch(/Invalid signature/);
    expect(channel.subscribed).toBe(false);
    await sdk.trigger(userChannel(alice.userId), "notification", { title: "secret" });
    await settle();
    expect(seen).toEqual([]);
  });

  it("refuses a private subscription without any auth (a hand-made subscribe)", async () => {
    const client = await connect();
    const error = next<{ type: string; data: { code: number; message: string } }>(client.connection, "error");
    client.send_event("pusher:subscribe", { channel: "private-user-someone" });
    expect((await error).data).toMatchObject({ code: 4009 });
  });

  it("tells presence members about each other, and about a member who leaves", async () => {
    const a = await connect(alice);
    const presenceA = await subscribed<PresenceChannel>(a, vendorPresenceChannel("vendor_a"));
    expect(presenceA.members.count).toBe(1);
    expect(presenceA.members.me).toMatchObject({ id: alice.userId, info: { name: "Alice" } });

    const added = next<{ id: string; info: unknown }>(presenceA, "pusher:member_added");
    const b = await connect(bob);
    const presenceB = await subscribed<PresenceChannel>(b, vendorPresenceChannel("vendor_a"));
    expect(await added).toEqual({ id: bob.userId, info: { name: "Bob" } });
    expect(presenceB.members.count).toBe(2);
    const ids: string[] = [];
    presenceB.members.each((member: { id: string }) => ids.push(member.id));
    expect(ids.sort()).toEqual([alice.userId, bob.userId].sort());

    const users = (await (await sdk.get({ path: `/channels/${vendorPresenceChannel("vendor_a")}/users` })).json()) as { users: { id: string }[] };
    expect(users.users.map((u) => u.id).sort()).toEqual([alice.userId, bob.userId].sort());

    const removed = next<{ id: string }>(presenceA, "pusher:member_removed");
    b.disconnect();
    expect((await removed).id).toBe(bob.userId);
    expect(presenceA.members.count).toBe(1);
  });

  it("counts a user with two connections once in a presence channel", async () => {
    const a1 = await connect(alice);
    const a2 = await connect(alice);
    const observer = await connect(bob);
    const channel = await subscribed<PresenceChannel>(observer, vendorPresenceChannel("vendor_a"));
    const added = collect(channel, "pusher:member_added");
    const removed = collect(channel, "pusher:member_removed");
    await subscribed(a1, vendorPresenceChannel("vendor_a"));
    await subscribed(a2, vendorPresenceChannel("vendor_a"));
    a1.disconnect();
    await settle(300);
    expect(added).toHaveLength(1);
    expect(removed).toHaveLength(0);
    expect(channel.members.count).toBe(2);
  });

  it("relays client events between private-channel subscribers, not back to the sender", async () => {
    const a = await connect(alice);
    const b = await connect(bob);
    const channelA = await subscribed(a, vendorChannel("vendor_a"));
    const channelB = await subscribed(b, vendorChannel("vendor_a"));
    const echoed = collect(channelA, "client-typing");
    const received = next(channelB, "client-typing");
    expect(channelA.trigger("client-typing", { draft: "hello" })).toBe(true);
    expect(await received).toEqual({ draft: "hello" });
    await settle();
    expect(echoed).toEqual([]);
  });

  it("adds the sender's user_id to client events on presence channels", async () => {
    const a = await connect(alice);
    const b = await connect(bob);
    const channelA = await subscribed(a, vendorPresenceChannel("vendor_a"));
    const channelB = await subscribed(b, vendorPresenceChannel("vendor_a"));
    const received = new Promise<{ data: unknown; userId?: string }>((resolve) => channelB.bind("client-wave", (data: unknown, metadata?: { user_id?: string }) => resolve({ data, userId: metadata?.user_id })));
    channelA.trigger("client-wave", { hi: true });
    expect(await received).toEqual({ data: { hi: true }, userId: alice.userId });
  });

  it("refuses client events on public channels and from sockets that are not subscribed", async () => {
    const a = await connect();
    const b = await connect();
    const publicA = await subscribed(a, "news");
    const publicB = await subscribed(b, "news");
    const seen = collect(publicB, "client-spam");
    const refused = next<{ data: { message: string } }>(a.connection, "error");
    publicA.trigger("client-spam", { x: 1 });
    expect((await refused).data.message).toMatch(/only supported on private and presence channels/);

    // A socket that never subscribed cannot inject into a private channel.
    const member = await connect(bob);
    const privateChannel = await subscribed(member, vendorChannel("vendor_a"));
    const injected = collect(privateChannel, "client-spam");
    const notSubscribed = next<{ data: { message: string } }>(b.connection, "error");
    b.send_event("client-spam", { x: 2 }, vendorChannel("vendor_a"));
    expect((await notSubscribed).data.message).toMatch(/not subscribed/);
    await settle();
    expect(seen).toEqual([]);
    expect(injected).toEqual([]);
  });

  it("limits client events to 10 per second per connection", async () => {
    const a = await connect(alice);
    const b = await connect(bob);
    const channelA = await subscribed(a, vendorChannel("vendor_a"));
    const channelB = await subscribed(b, vendorChannel("vendor_a"));
    const received = collect(channelB, "client-burst");
    const limited = next<{ data: { code: number } }>(a.connection, "error");
    for (let i = 0; i < 12; i++) channelA.trigger("client-burst", { i });
    expect((await limited).data.code).toBe(4301);
    await settle();
    expect(received).toHaveLength(10);
  });

  it("refuses triggers signed with the wrong secret (401) and delivers nothing", async () => {
    const client = await connect();
    const channel = await subscribed(client, "news");
    const seen = collect(channel, "posted");
    const impostor = new Pusher({ appId: APP_ID, key: KEY, secret: "wrong-secret", host: "127.0.0.1", port: String(server.port), useTLS: false });
    await expect(impostor.trigger("news", "posted", { forged: true })).rejects.toMatchObject({ status: 401 });
    await expect(impostor.triggerBatch([{ channel: "news", name: "posted", data: {} }])).rejects.toMatchObject({ status: 401 });
    // A failed publish is logged and reported, never thrown.
    expect(await publishRealtime("news", "posted", { forged: true }, { pusher: impostor })).toBe(false);
    await settle();
    expect(seen).toEqual([]);
  });

  it("refuses unsigned, tampered and stale HTTP requests", async () => {
    const base = `http://127.0.0.1:${server.port}/apps/${APP_ID}/events`;
    const body = JSON.stringify({ name: "posted", channels: ["news"], data: "{}" });
    const unsigned = await fetch(base, { method: "POST", body, headers: { "content-type": "application/json" } });
    expect(unsigned.status).toBe(401);

    // Signed for one body, sent with another.
    const query = sdk.createSignedQueryString({ method: "POST", path: `/apps/${APP_ID}/events`, body });
    const tampered = await fetch(`${base}?${query}`, { method: "POST", body: body.replace("news", "other"), headers: { "content-type": "application/json" } });
    expect(tampered.status).toBe(401);
    const genuine = await fetch(`${base}?${query}`, { method: "POST", body, headers: { "content-type": "application/json" } });
    expect(genuine.status).toBe(200);

    // Correctly signed, but 11 minutes old.
    const old = Math.floor(Date.now() / 1000) - 660;
    const params = { auth_key: KEY, auth_timestamp: String(old), auth_version: "1.0", body_md5: crypto.createHash("md5").update(body).digest("hex") };
    const sorted = Object.entries(params)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}=${v}`)
      .join("&");
    const signature = crypto.createHmac("sha256", SECRET).update(`POST\n/apps/${APP_ID}/events\n${sorted}`).digest("hex");
    const stale = await fetch(`${base}?${sorted}&auth_signature=${signature}`, { method: "POST", body, headers: { "content-type": "application/json" } });
    expect(stale.status).toBe(401);
    expect(await stale.text()).toMatch(/Timestamp/);
  });

  it("answers channel info through the signed HTTP API", async () => {
    const client = await connect();
    await subscribed(client, "news");
    const info = (await (await sdk.get({ path: "/channels/news", params: { info: "subscription_count" } })).json()) as { occupied: boolean; subscription_count: number };
    expect(info).toMatchObject({ occupied: true, subscription_count: 1 });
    const list = (await (await sdk.get({ path: "/channels" })).json()) as { channels: Record<string, unknown> };
    expect(Object.keys(list.channels)).toEqual(["news"]);
  });

  it("refuses connections to another app key", async () => {
    const client = new PusherJS("another-key", { cluster: "local", wsHost: "127.0.0.1", wsPort: server.port, forceTLS: false, enabledTransports: ["ws"], disableStats: true });
    clients.push(client);
    const error = await next<{ error?: { data?: { code?: number } } }>(client.connection, "error");
    expect(error.error?.data?.code).toBe(4001);
    expect(client.connection.state).not.toBe("connected");
    expect(server.connections()).toBe(0);
  });

  it("works end to end with the app's own settings: derived credentials, browser options, auth endpoint", async () => {
    // The app's local-mode config (credentials from AUTH_SECRET) on a server of its own.
    const authSecret = "d".repeat(40);
    const appServer = await startLocalRealtimeServer({ ...localRealtimeCredentials(authSecret), port: 0, host: "127.0.0.1" });
    const config = resolveRealtimeConfig({ AUTH_SECRET: authSecret, APP_URL: "http://127.0.0.1:3000", REALTIME_PORT: appServer.port });
    const appSdk = new Pusher(pusherServerOptions(config));
    // A stand-in for the Next route: same handler, the request's Origin set as a browser would.
    const endpoint = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const request = new Request(`http://localhost:3000${req.url}`, {
        method: req.method,
        headers: { "content-type": String(req.headers["content-type"] ?? ""), origin: "http://localhost:3000" },
        body: Buffer.concat(chunks),
      });
      const response = await handleRealtimeAuth(request, { getSubject: async () => alice, pusher: () => appSdk });
      res.writeHead(response.status, { "content-type": "application/json" });
      res.end(await response.text());
    });
    await new Promise<void>((resolve) => endpoint.listen(0, "127.0.0.1", resolve));
    try {
      const authUrl = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/api/realtime/auth`;
      // Exactly the options the browser hook builds from realtime.clientConfig.
      const client = new PusherJS(config.key, pusherClientOptions(realtimeClientConfigOf(config), authUrl));
      clients.push(client);
      await next(client.connection, "connected");
      const mine = await subscribed(client, userChannel(alice.userId));
      const received = next(mine, "notification");
      expect(await publishRealtime(userChannel(alice.userId), "notification", { ok: true }, { pusher: appSdk })).toBe(true);
      expect(await received).toEqual({ ok: true });

      const theirs = client.subscribe(userChannel(bob.userId));
      const refusal = await next<{ status: number }>(theirs, "pusher:subscription_error");
      expect(refusal.status).toBe(403);
    } finally {
      for (const client of clients.splice(0)) client.disconnect();
      await new Promise((resolve) => endpoint.close(resolve));
      await appServer.close();
    }
  });
});
