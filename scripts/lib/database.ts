// Gets a database ready for the app: the one in DATABASE_URL, or an embedded PostgreSQL
// under .data/; migrations applied; demo data seeded on first start.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../prisma/generated/client/client";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { ensureDatabase, migrate } from "./migrations";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export interface PreparedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export function log(line: string) {
  console.log(`\x1b[36m[bazaar]\x1b[0m ${line}`);
}

/** Loads .env if present (never overriding the real environment). */
export function loadDotEnv() {
  const file = path.join(ROOT, ".env");
  if (fs.existsSync(file)) process.loadEnvFile(file);
}

export async function prepareDatabase(options: { dataDir: string; port?: number; fresh?: boolean; seed?: boolean }): Promise<PreparedDatabase> {
  let url = process.env.DATABASE_URL;
  let stop = async () => {};
  const embedded = !url;
  if (!url) {
    if (options.fresh) fs.rmSync(options.dataDir, { recursive: true, force: true });
    const started = Date.now();
    const pg = await startEmbeddedPostgres({ dataDir: options.dataDir, port: options.port, log: (l) => process.env.DEBUG_PG && log(l) });
    await ensureDatabase(pg.serverUrl, "bazaar");
    url = pg.urlFor("bazaar");
    stop = pg.stop;
    log(`embedded PostgreSQL ready on port ${pg.port} (${Date.now() - started} ms), data in ${path.relative(ROOT, options.dataDir)}`);
  }
  const applied = await migrate(url, log);
  if (applied.length === 0) log("migrations up to date");

  if (options.seed !== false) {
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    try {
      if ((await db.user.count()) === 0) {
        log("first start: seeding demo data…");
        await runSeed(url, db);
      } else await indexIfEmpty(url, db);
    } finally {
      await db.$disconnect();
    }
  }
  return { url, embedded, stop };
}

/**
 * Runs the demo seed. It stores pictures through the app's own media module, which reads the
 * environment when imported, so the database URL is set first and the seed imported after.
 * (Scripts run with `--conditions=react-server` so the app's "server-only" imports resolve.)
 */
export async function runSeed(url: string, db: PrismaClient) {
  process.env.DATABASE_URL ??= url;
  const { seed } = await import("../../prisma/seed");
  await seed(db, log);
}

/**
 * A database seeded before search existed (or whose index was emptied) gets its PostgreSQL search
 * index built once, so the storefront's search works on the next start. (Typesense is rebuilt
 * with `npm run search:reindex`.)
 */
async function indexIfEmpty(url: string, db: PrismaClient) {
  if (process.env.TYPESENSE_URL) return;
  const [state] = await db.$queryRaw<{ indexed: boolean; products: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "SearchDocument") AS indexed, EXISTS (SELECT 1 FROM "Product" WHERE status = 'ACTIVE') AS products`;
  if (!state || state.indexed || !state.products) return;
  process.env.DATABASE_URL ??= url;
  log("building the search index…");
  const started = Date.now();
  const { reindexAll, searchEngine } = await import("../../server/modules/search");
  const result = await reindexAll(db, searchEngine());
  log(`indexed ${result.products} products for search in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

/** AUTH_SECRET from the environment, else one generated once and kept in .data/. */
export function ensureAuthSecret(dataRoot: string): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataRoot, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataRoot, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}
