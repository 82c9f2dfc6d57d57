// `npm run bench:storefront [-- --products 100000 --connections 20 --seconds 15 --no-build]`
// Builds, fills a benchmark database with the demo data plus a large generated catalog (once;
// kept in .data/bench-storefront), starts the production server, and loads with `connections`
// keep-alive clients for `seconds` each:
//   - product pages (a sample of random live products), in English. They are rendered on first
//     request and then served from the page cache until a change revalidates them, so each is
//     requested once first ("first render" row, sequential) and then loaded ("product page");
//   - category pages (the busiest leaf categories, first page, default sort);
//   - a static file on the same server: the machine's ceiling for this server.
// Prints requests/s and p50/p95/p99 latency for each. Target: product page p95 < 50 ms at 20
// connections with 100k products. The load generator shares the machine with the server, so
// read the figures against the static-file row.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { ensureAuthSecret, log, prepareDatabase, ROOT } from "../lib/database";
import { runLoad, type LoadResult } from "./lib/http-load";
import { numberArg } from "./lib/args";

const PRODUCTS = numberArg("products", 100_000);
const CONNECTIONS = numberArg("connections", 20);
const SECONDS = numberArg("seconds", 15);
const PORT = numberArg("port", 3199);
const PG_PORT = 54339;
const DATA_DIR = path.join(ROOT, ".data/bench-storefront");
const nextBin = path.join(ROOT, "node_modules/.bin/next");
const tsxBin = path.join(ROOT, "node_modules/.bin/tsx");

function run(bin: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(bin, args, { cwd: ROOT, stdio: "inherit", env });
  if (result.status !== 0) throw new Error(`${path.basename(bin)} ${args.join(" ")} failed`);
}

if (!process.argv.includes("--no-build")) {
  log("building for production…");
  run(nextBin, ["build"], { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
}
log(`benchmark catalog: demo data + ${PRODUCTS} generated products`);
run(tsxBin, ["--conditions=react-server", "scripts/seed-large.ts", "--products", String(PRODUCTS), "--data-dir", DATA_DIR, "--if-missing"], {
  ...process.env, EMBEDDED_PG_PORT: String(PG_PORT),
});

const database = await prepareDatabase({ dataDir: DATA_DIR, port: PG_PORT, seed: false });
const pool = new pg.Pool({ connectionString: database.url, max: 1 });
const products = (await pool.query<{ slug: string }>(`
  SELECT slug FROM "Product" WHERE status = 'ACTIVE' AND moderation = 'APPROVED' ORDER BY md5(id) LIMIT 500`)).rows.map((r) => r.slug);
const categories = (await pool.query<{ slug: string }>(`
  SELECT c.slug FROM "Category" c JOIN "Product" p ON p."categoryId" = c.id AND p.status = 'ACTIVE' AND p.moderation = 'APPROVED'
  GROUP BY c.slug ORDER BY count(*) DESC LIMIT 10`)).rows.map((r) => r.slug);
const productCount = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Product"`)).rows[0]!.n;
await pool.end();

const base = `http://127.0.0.1:${PORT}`;
const dataRoot = path.join(ROOT, ".data");
const server = spawn(nextBin, ["start", "--port", String(PORT)], {
  cwd: ROOT,
  stdio: ["ignore", "ignore", "inherit"],
  env: {
    ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn", DATABASE_URL: database.url,
    AUTH_SECRET: ensureAuthSecret(dataRoot), APP_URL: base, NEXTAUTH_URL: base,
  },
});
/** Latency figures of one-at-a-time requests (req/s = 1000 / mean). */
function sequentialResult(latencies: number[]): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const total = sorted.reduce((a, b) => a + b, 0);
  return { requests: sorted.length, errors: 0, seconds: total / 1000, perSecond: total > 0 ? (1000 * sorted.length) / total : 0, p50: at(0.5), p95: at(0.95), p99: at(0.99), bytes: 0 };
}

const stop = async () => {
  server.kill("SIGTERM");
  await database.stop().catch(() => {});
};

try {
  for (let i = 0; ; i += 1) {
    const ready = await fetch(`${base}/en`).then((r) => r.ok, () => false);
    if (ready) break;
    if (i > 120) throw new Error("the server did not start");
    await new Promise((r) => setTimeout(r, 500));
  }
  const chunkDir = path.join(ROOT, ".next/static/chunks");
  const staticFile = fs.readdirSync(chunkDir).find((f) => f.endsWith(".js"));
  const targets: { name: string; urls: string[] }[] = [
    { name: "product page", urls: products.map((slug) => `${base}/en/p/${slug}`) },
    { name: "category page", urls: categories.map((slug) => `${base}/en/c/${slug}`) },
    { name: "static file (ceiling)", urls: [`${base}/_next/static/chunks/${staticFile}`] },
  ];
  log(`${productCount} products; ${CONNECTIONS} connections, ${SECONDS}s per target`);
  const results: [string, LoadResult][] = [];
  for (const target of targets) {
    // Warm-up: every URL once (timed), so the first-hit costs (module loading, rendering into the
    // page cache) are reported apart from the steady state.
    const firstHits: number[] = [];
    for (const url of target.urls) {
      const started = performance.now();
      await fetch(url).then((r) => r.arrayBuffer());
      firstHits.push(performance.now() - started);
    }
    if (target.name === "product page") results.push(["product first render", sequentialResult(firstHits)]);
    results.push([target.name, await runLoad(target.urls, { connections: CONNECTIONS, seconds: SECONDS })]);
  }
  const ms = (n: number) => `${n.toFixed(1)} ms`.padStart(10);
  console.log(`\n${"target".padEnd(24)}${"req/s".padStart(10)}${"p50".padStart(10)}${"p95".padStart(10)}${"p99".padStart(10)}${"errors".padStart(8)}`);
  for (const [name, r] of results) {
    console.log(`${name.padEnd(24)}${r.perSecond.toFixed(0).padStart(10)}${ms(r.p50)}${ms(r.p95)}${ms(r.p99)}${String(r.errors).padStart(8)}`);
  }
  const product = results.find(([name]) => name === "product page")![1];
  console.log(`\nproduct page p95 ${product.p95.toFixed(1)} ms at ${CONNECTIONS} connections (target < 50 ms): ${product.p95 < 50 ? "met" : "not met"}`);
} finally {
  await stop();
}
