// `npm run dev`: database (embedded unless DATABASE_URL), migrations, demo data, then `next dev` and the background worker.
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureAuthSecret, loadDotEnv, log, prepareDatabase, ROOT } from "./lib/database";
import { realtimePortFor, startRealtime } from "./lib/realtime-server";
import { startWorker } from "./lib/worker-process";

loadDotEnv();
process.env.NEXT_TELEMETRY_DISABLED = "1";
const port = process.env.PORT ?? "3000";
const dataRoot = path.join(ROOT, ".data");

// EMBEDDED_PG_PORT lets two checkouts run side by side.
const database = await prepareDatabase({ dataDir: path.join(dataRoot, "postgres"), port: Number(process.env.EMBEDDED_PG_PORT ?? 54329) });
const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
const env = {
  ...process.env,
  DATABASE_URL: database.url,
  AUTH_SECRET: ensureAuthSecret(dataRoot),
  APP_URL: appUrl,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? appUrl,
  REALTIME_PORT: realtimePortFor(port),
};
// The local Pusher-protocol server, unless PUSHER_* points at Pusher Channels.
const realtime = await startRealtime(env);

log(`starting Next.js on ${appUrl}`);
const next = spawn(path.join(ROOT, "node_modules/.bin/next"), ["dev", "--port", port], { cwd: ROOT, env, stdio: "inherit" });
// The background worker (outbox relay, event handlers, timed jobs) with the same environment.
const worker = startWorker(env);

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  next.kill("SIGTERM");
  await worker?.stop();
  await realtime?.stop().catch(() => {});
  await database.stop().catch(() => {});
  process.exit(code);
}
next.on("exit", (code) => void shutdown(code ?? 0));
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
