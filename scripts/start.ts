// `npm start`: production build (skip with --no-build), database (embedded unless
// DATABASE_URL), migrations, demo data on first start, then `next start` and the background worker.
//   --fresh           wipe the embedded database first (e2e runs)
//   --data-dir=DIR    where the embedded database lives (default .data/postgres)
//   --no-worker       do not start the background worker (e2e: reservations also expire lazily)
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { ensureAuthSecret, loadDotEnv, log, prepareDatabase, ROOT } from "./lib/database";
import { realtimePortFor, startRealtime } from "./lib/realtime-server";
import { startWorker } from "./lib/worker-process";

loadDotEnv();
process.env.NEXT_TELEMETRY_DISABLED = "1";
const args = new Set(process.argv.slice(2));
const dataDirArg = process.argv.find((a) => a.startsWith("--data-dir="))?.split("=")[1];
const port = process.env.PORT ?? "3000";
const dataRoot = path.join(ROOT, ".data");
const nextBin = path.join(ROOT, "node_modules/.bin/next");

if (!args.has("--no-build")) {
  log("building for production…");
  const build = spawnSync(nextBin, ["build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const database = await prepareDatabase({
  dataDir: dataDirArg ? path.resolve(ROOT, dataDirArg) : path.join(dataRoot, "postgres"),
  port: dataDirArg ? undefined : 54329,
  fresh: args.has("--fresh"),
});
const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
const env = {
  ...process.env,
  NODE_ENV: "production" as const,
  DATABASE_URL: database.url,
  AUTH_SECRET: ensureAuthSecret(dataRoot),
  APP_URL: appUrl,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? appUrl,
  REALTIME_PORT: realtimePortFor(port),
};
// The local Pusher-protocol server, unless PUSHER_* points at Pusher Channels.
const realtime = await startRealtime(env);

log(`serving on ${appUrl}`);
const server = spawn(nextBin, ["start", "--port", port], { cwd: ROOT, env, stdio: "inherit" });
// The background worker (outbox relay, event handlers, timed jobs) with the same environment.
const worker = startWorker(env);

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  server.kill("SIGTERM");
  await worker?.stop();
  await realtime?.stop().catch(() => {});
  await database.stop().catch(() => {});
  process.exit(code);
}
server.on("exit", (code) => void shutdown(code ?? 0));
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
