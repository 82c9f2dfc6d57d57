// The local realtime server (Pusher protocol) that `npm run dev` / `npm start` run next to
// Next.js when PUSHER_* is unset. It runs inside the orchestrating process (not the worker,
// which `--no-worker` turns off), on REALTIME_PORT, with credentials derived from AUTH_SECRET;
// Next.js and the worker get the same REALTIME_PORT and AUTH_SECRET, so they derive the same.
import { startLocalRealtimeServer } from "@/server/modules/realtime/local-server";
import { resolveRealtimeConfig, type RealtimeEnv } from "@/server/modules/realtime/realtime.config";
import { log } from "./database";

export interface RealtimeProcess {
  stop(): Promise<void>;
}

/** REALTIME_PORT, or the app's port + 3001 (3000 → 6001) so side-by-side checkouts do not collide. */
export function realtimePortFor(appPort: string): string {
  return process.env.REALTIME_PORT ?? String(Number(appPort) + 3001);
}

export async function startRealtime(env: NodeJS.ProcessEnv & { AUTH_SECRET: string; APP_URL: string }): Promise<RealtimeProcess | null> {
  const config = resolveRealtimeConfig(env as RealtimeEnv);
  if (config.mode === "pusher") {
    log(`realtime: Pusher Channels (${config.host ? `${config.host}${config.port ? `:${config.port}` : ""}` : `cluster ${config.cluster}`})`);
    return null;
  }
  try {
    const server = await startLocalRealtimeServer({
      appId: config.appId,
      key: config.key,
      secret: config.secret,
      port: config.port!,
      log: (level, message, meta) => level === "warn" && log(`realtime: ${message} ${JSON.stringify(meta ?? {})}`),
    });
    log(`realtime server (Pusher protocol) on ws://${config.host}:${server.port}`);
    return { stop: () => server.close() };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    log(`realtime server not started (${code ?? String(error)}): port ${config.port} — set REALTIME_PORT; live updates are off until then`);
    return null;
  }
}
