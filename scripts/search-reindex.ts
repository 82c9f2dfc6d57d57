// `npm run search:reindex [-- --batch 500]`: empties the search engine (PostgreSQL tables, or the
// Typesense collection when TYPESENSE_* is set) and indexes every visible product again from the
// database, in batches, printing progress. Uses DATABASE_URL, else the embedded dev database.
//   --data-dir DIR   the embedded database to use (default .data/postgres)
import path from "node:path";
import { loadDotEnv, log, prepareDatabase, ROOT } from "./lib/database";

const batchIndex = process.argv.indexOf("--batch");
const batchSize = batchIndex >= 0 ? Number(process.argv[batchIndex + 1]) : 500;
if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5000) throw new Error("--batch must be a whole number from 1 to 5000");
const dataDirIndex = process.argv.indexOf("--data-dir");
const dataDir = path.resolve(ROOT, dataDirIndex >= 0 ? process.argv[dataDirIndex + 1]! : ".data/postgres");

loadDotEnv();
const database = await prepareDatabase({ dataDir, port: Number(process.env.EMBEDDED_PG_PORT ?? 54329), seed: false });
// The app's modules read the environment when imported.
process.env.DATABASE_URL = database.url;
const { db, pool } = await import("../server/db");
const { reindexAll, searchEngine } = await import("../server/modules/search");

const engine = searchEngine();
const started = Date.now();
let lastLog = 0;
log(`reindexing into the ${engine.name} engine, ${batchSize} products per batch…`);
try {
  const result = await reindexAll(db, engine, {
    batchSize,
    onProgress: (done, total) => {
      if (Date.now() - lastLog < 2000 && done < total) return;
      lastLog = Date.now();
      const seconds = (Date.now() - started) / 1000;
      log(`search index: ${done} / ${total} products (${Math.round(done / Math.max(seconds, 0.001))}/s)`);
    },
  });
  log(`indexed ${result.products} products (${result.documents} documents) in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  const health = await engine.health();
  log(`engine health: ${health.ok ? "ok" : "NOT OK"}${health.detail ? ` (${health.detail})` : ""}`);
} finally {
  await db.$disconnect();
  await pool.end().catch(() => {});
  await database.stop();
}
