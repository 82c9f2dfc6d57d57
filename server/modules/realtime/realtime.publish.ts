// Server-side triggers with the official `pusher` SDK, to Pusher Channels or to the local
// server alike. Best effort: realtime is a convenience on top of what the pages read, so a
// failed trigger is logged and never fails the caller's work.
import "server-only";
import Pusher from "pusher";
import { authSecret, env } from "@/server/env";
import { logger } from "@/server/lib/logger";
import { pusherServerOptions, realtimeClientConfigOf, resolveRealtimeConfig, type RealtimeClientConfig, type RealtimeConfig } from "./realtime.config";

const log = logger.child({ component: "realtime" });

let config: RealtimeConfig | null = null;
let client: Pusher | null = null;

export function realtimeConfig(): RealtimeConfig {
  config ??= resolveRealtimeConfig({ ...env, AUTH_SECRET: authSecret });
  return config;
}

/** The SDK client for this process's config (also signs channel authorizations). */
export function pusherServer(): Pusher {
  client ??= new Pusher({ ...pusherServerOptions(realtimeConfig()), timeout: 5_000 });
  return client;
}

/** What the browser's pusher-js needs (key, host, port, TLS, cluster); never the secret. */
export function realtimeClientConfig(): RealtimeClientConfig {
  return realtimeClientConfigOf(realtimeConfig());
}

export interface PublishOptions {
  /** Leave out this connection (the one whose action caused the event). */
  socketId?: string;
  /** Another SDK client (tests). */
  pusher?: Pusher;
}

/**
 * Sends `event` with `data` (JSON, at most 10 KB) to one or more channels. Resolves to false
 * (and logs) when the realtime server refused or could not be reached.
 */
export async function publishRealtime(channel: string | string[], event: string, data: unknown, options: PublishOptions = {}): Promise<boolean> {
  const channels = Array.isArray(channel) ? channel : [channel];
  if (channels.length === 0) return true;
  try {
    const sdk = options.pusher ?? pusherServer();
    // The HTTP API takes at most 100 channels per trigger.
    for (let i = 0; i < channels.length; i += 100) {
      await sdk.trigger(channels.slice(i, i + 100), event, data, options.socketId ? { socket_id: options.socketId } : undefined);
    }
    return true;
  } catch (error) {
    const status = (error as { status?: number }).status;
    log.warn("realtime publish failed", { event, channels: channels.slice(0, 5), status, error: error instanceof Error ? error.message : String(error) });
    return false;
  }
}
