// Starts scripts/worker.ts as a child process next to Next.js, restarts it if it crashes
// (with a growing pause), and stops it on shutdown. `--no-worker` or WORKER=off skips it.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { log, ROOT } from "./database";

export interface WorkerProcess {
  stop(): Promise<void>;
}

export function startWorker(env: NodeJS.ProcessEnv): WorkerProcess | null {
  if (process.argv.includes("--no-worker") || env.WORKER === "off") {
    log("background worker disabled");
    return null;
  }
  let child: ChildProcess | null = null;
  let stopping = false;
  let restarts = 0;
  const launch = () => {
    log("starting the background worker");
    const started = Date.now();
    child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/worker.ts"], { cwd: ROOT, env, stdio: "inherit" });
    child.on("exit", (code, signal) => {
      child = null;
      if (stopping) return;
      restarts = Date.now() - started > 60_000 ? 0 : restarts + 1;
      const delay = Math.min(30_000, 1000 * 2 ** restarts);
      log(`background worker exited (${signal ?? code}); restarting in ${delay / 1000}s`);
      setTimeout(() => !stopping && launch(), delay).unref();
    });
  };
  launch();
  return {
    stop: () => new Promise<void>((resolve) => {
      stopping = true;
      const running = child;
      if (!running) return resolve();
      const timer = setTimeout(() => running.kill("SIGKILL"), 15_000);
      running.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      running.kill("SIGTERM");
    }),
  };
}
