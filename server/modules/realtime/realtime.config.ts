// Where realtime events go: Pusher Channels (or any Pusher-protocol server) when PUSHER_* is
// set, otherwise the local server that `npm run dev` / `npm start` run on REALTIME_PORT, with
// credentials derived from AUTH_SECRET (stable across restarts, never configured by hand).
// Pure functions of an environment record: the dev/start scripts call them before server/env
// can be parsed (it needs DATABASE_URL), the app calls them with the parsed env.
import crypto from "node:crypto";

export interface RealtimeEnv {
  AUTH_SECRET: string;
  APP_URL: string;
  REALTIME_PORT?: number | string;
  PUSHER_APP_ID?: string;
  PUSHER_KEY?: string;
  PUSHER_SECRET?: string;
  PUSHER_HOST?: string;
  PUSHER_PORT?: number | string;
  PUSHER_CLUSTER?: string;
  PUSHER_USE_TLS?: boolean | string;
}

export interface RealtimeConfig {
  /** "pusher": PUSHER_* (hosted or self-hosted); "local": the embedded server. */
  mode: "pusher" | "local";
  appId: string;
  key: string;
  secret: string;
  /** Server SDK and browser host; undefined for hosted Pusher (the cluster decides). */
  host?: string;
  port?: number;
  cluster: string;
  useTLS: boolean;
}

/** What pusher-js needs in the browser; never the secret. */
export interface RealtimeClientConfig {
  key: string;
  cluster: string;
  wsHost?: string;
  wsPort?: number;
  wssPort?: number;
  forceTLS: boolean;
}

export const DEFAULT_REALTIME_PORT = 6001;

function derive(secret: string, purpose: string, length: number) {
  return crypto.createHmac("sha256", secret).update(`bazaar-realtime:${purpose}`).digest("hex").slice(0, length);
}

/** The embedded server's credentials: the key is public (it is in every browser), the secret is not. */
export function localRealtimeCredentials(authSecret: string) {
  return { appId: "bazaar-local", key: `local-${derive(authSecret, "key", 20)}`, secret: derive(authSecret, "secret", 64) };
}

export function resolveRealtimeConfig(source: RealtimeEnv): RealtimeConfig {
  if (source.PUSHER_APP_ID && source.PUSHER_KEY && source.PUSHER_SECRET) {
    const useTLS = source.PUSHER_USE_TLS === undefined ? true : source.PUSHER_USE_TLS === true || source.PUSHER_USE_TLS === "true";
    return {
      mode: "pusher",
      appId: source.PUSHER_APP_ID,
      key: source.PUSHER_KEY,
      secret: source.PUSHER_SECRET,
      host: source.PUSHER_HOST || undefined,
      port: source.PUSHER_PORT ? Number(source.PUSHER_PORT) : undefined,
      cluster: source.PUSHER_CLUSTER || "mt1",
      useTLS,
    };
  }
  return {
    mode: "local",
    ...localRealtimeCredentials(source.AUTH_SECRET),
    host: new URL(source.APP_URL).hostname,
    port: Number(source.REALTIME_PORT ?? DEFAULT_REALTIME_PORT),
    // pusher-js insists on a cluster even when wsHost makes it irrelevant.
    cluster: "local",
    useTLS: false,
  };
}

/** The server SDK's options for this config (the SDK talks to the local server over 127.0.0.1). */
export function pusherServerOptions(config: RealtimeConfig) {
  if (config.mode === "local") return { appId: config.appId, key: config.key, secret: config.secret, host: "127.0.0.1", port: String(config.port), useTLS: false };
  return {
    appId: config.appId,
    key: config.key,
    secret: config.secret,
    useTLS: config.useTLS,
    ...(config.host ? { host: config.host, ...(config.port ? { port: String(config.port) } : {}) } : { cluster: config.cluster }),
  };
}

export function realtimeClientConfigOf(config: RealtimeConfig): RealtimeClientConfig {
  if (!config.host) return { key: config.key, cluster: config.cluster, forceTLS: config.useTLS };
  const port = config.port ?? (config.useTLS ? 443 : 80);
  return { key: config.key, cluster: config.cluster, wsHost: config.host, ...(config.useTLS ? { wssPort: port } : { wsPort: port }), forceTLS: config.useTLS };
}
