// pusher-js options for the server-provided realtime settings (shared by the browser hook and
// the tests that run pusher-js against the local server).
import type { Options } from "pusher-js";

export interface RealtimeBrowserConfig {
  key: string;
  cluster: string;
  wsHost?: string;
  wsPort?: number;
  wssPort?: number;
  forceTLS: boolean;
}

export const REALTIME_AUTH_ENDPOINT = "/api/realtime/auth";

export function pusherClientOptions(config: RealtimeBrowserConfig, authEndpoint = REALTIME_AUTH_ENDPOINT): Options {
  return {
    cluster: config.cluster,
    forceTLS: config.forceTLS,
    // A self-hosted or local server: connect straight to it over WebSocket (no Pusher fallbacks).
    ...(config.wsHost
      ? { wsHost: config.wsHost, wsPort: config.wsPort, wssPort: config.wssPort, enabledTransports: config.forceTLS ? ["wss" as const] : ["ws" as const] }
      : {}),
    disableStats: true,
    channelAuthorization: { endpoint: authEndpoint, transport: "ajax" },
  };
}
