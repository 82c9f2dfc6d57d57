// `npm test`: lint, type check, i18n check, unit/integration tests (Vitest, real PostgreSQL),
// production build, end-to-end journeys (Playwright). Every step runs even if an earlier one
// failed, and the run ends with one plain line `N passed, N failed, N skipped` that sums the
// Vitest and Playwright results (each check step counts as one test).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);
const results = path.join(ROOT, "test-results");
fs.mkdirSync(results, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.CI ? "0" : "1" };

const totals = { passed: 0, failed: 0, skipped: 0 };
const summary: string[] = [];

function run(label: string, command: string, args: string[], extraEnv: Record<string, string> = {}): boolean {
  console.log(`\n━━ ${label} ━━`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env: { ...env, ...extraEnv } });
  const ok = result.status === 0;
  summary.push(`${ok ? "✓" : "✗"} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

function check(label: string, command: string, args: string[]) {
  if (run(label, command, args)) totals.passed++;
  else totals.failed++;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

check("lint", bin("eslint"), ["--max-warnings=0", "."]);
check("type check", bin("tsc"), ["--noEmit"]);
check("i18n check", bin("tsx"), ["scripts/i18n-check.ts"]);

// Unit and integration tests.
const vitestReport = path.join(results, "vitest.json");
fs.rmSync(vitestReport, { force: true });
const vitestOk = run("unit and integration tests", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`]);
const vitest = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(vitestReport);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
  if (!vitestOk && vitest.numFailedTests === 0) totals.failed++; // e.g. a file failed to load
} else if (!vitestOk) totals.failed++;

// End-to-end journeys against the production build.
if (process.env.SKIP_E2E === "1") {
  summary.push("- end-to-end skipped (SKIP_E2E=1)");
} else if (run("production build", bin("next"), ["build"], { NODE_ENV: "production" })) {
  const e2eReport = path.join(results, "e2e.json");
  fs.rmSync(e2eReport, { force: true });
  const e2eOk = run("end-to-end journeys", bin("playwright"), ["test"]);
  const e2e = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(e2eReport);
  if (e2e) {
    totals.passed += e2e.stats.expected + e2e.stats.flaky;
    totals.failed += e2e.stats.unexpected;
    totals.skipped += e2e.stats.skipped;
    if (!e2eOk && e2e.stats.unexpected === 0) totals.failed++;
  } else if (!e2eOk) totals.failed++;
} else {
  totals.failed++;
}

console.log(`\n━━ summary ━━\n${summary.join("\n")}\n`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
