import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;

// Journeys run against the production build (`npm run build` first) with a fresh embedded
// database; the web server command starts PostgreSQL, migrates and seeds, then `next start`.
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  outputDir: "test-results/e2e-artifacts",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-features=AutofillServerCommunication",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "npx tsx --conditions=react-server scripts/start.ts --no-build --fresh --data-dir=.data/e2e",
    url: `${baseURL}/api/health`,
    // Migrate + seed (~1-2 min on a busy machine), then Next.js, the realtime server and the worker.
    timeout: 240_000,
    reuseExistingServer: !process.env.CI,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      APP_URL: baseURL,
      NEXTAUTH_URL: baseURL,
      DEV_MAILBOX: "on",
      AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
      LOG_LEVEL: "warn",
      // The journeys sign in ~50 times from one address; production budgets would block them.
      RATE_LIMIT_SCALE: "20",
    },
  },
});
