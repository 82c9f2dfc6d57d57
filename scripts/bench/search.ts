// `npm run bench:search [-- --products 100000 --iterations 300 --seconds 10 --reindex]`
// Fills a benchmark database with the demo data plus a large generated catalog (once; kept in
// .data/bench-search, like bench:storefront), indexes it for search (when the index does not
// match the catalog, or with --reindex), then times, one query at a time:
//   - single-word, multi-word, typo and facet-filtered searches, and category browsing, through
//     the search service (engine + product cards + facet labels, what the page waits for);
//   - the same single-word searches on the engine alone;
//   - typeahead suggestions through the service;
// and the queries/s of a mix of all of them at 8 concurrent clients.
// Targets on a 2-core machine with the PostgreSQL engine: search p95 < 30 ms, suggest p95 < 15 ms.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { log, prepareDatabase, ROOT } from "../lib/database";
import { numberArg } from "./lib/args";

const PRODUCTS = numberArg("products", 100_000);
const ITERATIONS = numberArg("iterations", 300);
const SECONDS = numberArg("seconds", 10);
const CLIENTS = numberArg("clients", 8);
const PG_PORT = 54349;
const DATA_DIR = path.join(ROOT, ".data/bench-search");

log(`benchmark catalog: demo data + ${PRODUCTS} generated products`);
const seeded = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/seed-large.ts", "--products", String(PRODUCTS), "--data-dir", DATA_DIR, "--if-missing"], {
  cwd: ROOT, stdio: "inherit", env: { ...process.env, EMBEDDED_PG_PORT: String(PG_PORT) },
});
if (seeded.status !== 0) throw new Error("seed-large failed");

const database = await prepareDatabase({ dataDir: DATA_DIR, port: PG_PORT, seed: false });
process.env.DATABASE_URL = database.url;
process.env.LOG_LEVEL ??= "error";
const { db, pool } = await import("../../server/db");
const { reindexAll, searchEngine, searchProducts, suggest } = await import("../../server/modules/search");
const { visibleProductWhere } = await import("../../server/modules/products/products.storefront");
const engine = searchEngine();

try {
  const visible = await db.product.count({ where: visibleProductWhere });
  const indexed = (await pool.query<{ n: number }>(`SELECT count(DISTINCT "productId")::int AS n FROM "SearchDocument"`)).rows[0]!.n;
  if (indexed !== visible || process.argv.includes("--reindex")) {
    log(`indexing ${visible} products (${indexed} in the index)…`);
    const started = Date.now();
    let last = 0;
    const result = await reindexAll(db, engine, {
      onProgress: (done, total) => {
        if (Date.now() - last > 10_000 || done === total) {
          last = Date.now();
          log(`search index: ${done} / ${total} products`);
        }
      },
    });
    await pool.query(`ANALYZE "SearchDocument"; ANALYZE "SearchVocabulary"`);
    log(`indexed ${result.documents} documents in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  }
  const size = (await pool.query<{ table: string; index: string }>(`
    SELECT pg_size_pretty(pg_table_size('"SearchDocument"')) AS table, pg_size_pretty(pg_indexes_size('"SearchDocument"')) AS index`)).rows[0]!;
  log(`SearchDocument: ${size.table} of rows, ${size.index} of indexes`);

  // Deterministic query sets drawn from the catalog's vocabulary.
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const nouns = ["headphones", "lamp", "backpack", "sneakers", "tent", "laptop", "dress", "candle", "pillow", "keyboard", "vase", "puzzle", "speaker", "jacket", "mascara", "duvet"];
  const adjectives = ["wireless", "organic", "compact", "waterproof", "lightweight", "premium", "handmade", "portable", "vintage", "smart", "travel", "kids"];
  const brands = (await db.brand.findMany({ select: { name: true, slug: true } }));
  const leaves = (await pool.query<{ slug: string }>(`
    SELECT c.slug FROM "Category" c WHERE NOT EXISTS (SELECT 1 FROM "Category" k WHERE k."parentId" = c.id) ORDER BY c.slug`)).rows.map((r) => r.slug);
  const roots = (await db.category.findMany({ where: { parentId: null }, select: { slug: true } })).map((c) => c.slug);
  const typo = (word: string) => {
    const i = 1 + Math.floor(rand() * (word.length - 2));
    return rand() < 0.5 ? word.slice(0, i) + word.slice(i + 1) : word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  };

  type Run = () => Promise<unknown>;
  const sets: { name: string; make: () => Run; target?: number }[] = [
    { name: "search: single word", target: 30, make: () => { const q = pick([...nouns, ...adjectives]); return () => searchProducts(db, { q }); } },
    { name: "search: multi-word", target: 30, make: () => { const q = `${pick(brands).name} ${pick(adjectives)} ${pick(nouns)}`; return () => searchProducts(db, { q }); } },
    { name: "search: typo", target: 30, make: () => { const q = typo(pick(nouns)); return () => searchProducts(db, { q }); } },
    {
      name: "search: facet-filtered", target: 30, make: () => {
        const q = pick(adjectives);
        const input = { q, category: pick(roots), brands: [pick(brands).slug, pick(brands).slug], minPrice: 1000, maxPrice: 30000, sort: pick(["relevance", "priceAsc", "newest"] as const) };
        return () => searchProducts(db, input);
      },
    },
    { name: "browse: category page", target: 30, make: () => { const category = pick([...leaves, ...roots]); return () => searchProducts(db, { category }); } },
    { name: "engine only: single word", make: () => { const text = pick([...nouns, ...adjectives]); return () => engine.search({ text, locale: "en", filters: {}, sort: "relevance", page: 1, pageSize: 24 }); } },
    {
      name: "suggest", target: 15, make: () => {
        const word = pick([...nouns, ...adjectives, ...brands.map((b) => b.name.toLowerCase())]);
        const prefix = word.slice(0, 2 + Math.floor(rand() * Math.max(1, word.length - 2)));
        return () => suggest(db, { prefix });
      },
    },
  ];

  const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const ms = (n: number) => `${n.toFixed(1)} ms`.padStart(10);
  const rows: string[] = [];
  const verdicts: string[] = [];
  for (const set of sets) {
    for (let i = 0; i < 20; i++) await set.make()(); // warm-up
    const times: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const run = set.make();
      const started = performance.now();
      await run();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 0.95);
    rows.push(`${set.name.padEnd(28)}${ms(percentile(times, 0.5))}${ms(p95)}${ms(percentile(times, 0.99))}`);
    if (set.target) verdicts.push(`${set.name}: p95 ${p95.toFixed(1)} ms (target < ${set.target} ms) ${p95 < set.target ? "met" : "NOT met"}`);
  }

  // Throughput: CLIENTS loops running the mix for SECONDS.
  const mixed = sets.filter((s) => !s.name.startsWith("engine"));
  let done = 0;
  const latencies: number[] = [];
  const deadline = performance.now() + SECONDS * 1000;
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (performance.now() < deadline) {
      const run = pick(mixed).make();
      const started = performance.now();
      await run();
      latencies.push(performance.now() - started);
      done += 1;
    }
  }));
  latencies.sort((a, b) => a - b);

  const products = await db.product.count();
  console.log(`\n${products} products, ${ITERATIONS} sequential queries per row\n`);
  console.log(`${"query".padEnd(28)}${"p50".padStart(10)}${"p95".padStart(10)}${"p99".padStart(10)}`);
  for (const row of rows) console.log(row);
  console.log(`\n${CLIENTS} concurrent clients, mixed queries for ${SECONDS}s: ${(done / SECONDS).toFixed(0)} queries/s (p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p95 ${percentile(latencies, 0.95).toFixed(1)} ms)`);
  console.log(`\n${verdicts.join("\n")}`);
} finally {
  await db.$disconnect();
  await pool.end().catch(() => {});
  await database.stop();
}
