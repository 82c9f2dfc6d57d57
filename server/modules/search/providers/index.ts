// Which search engine serves this process: Typesense when TYPESENSE_* is set, else PostgreSQL
// full-text over the app's own database (the embedded default). One instance per process.
import { pool } from "@/server/db";
import type { SearchEngine } from "../search.types";
import { createPostgresEngine } from "./postgres";
import { createTypesenseEngine, typesenseConfigFromEnv } from "./typesense";

// Kept with the pool it was made for: a new pool (tests open one per file) gets a new engine.
const globals = globalThis as typeof globalThis & { __bazaarSearchEngine?: { pool: unknown; engine: SearchEngine } };

function createEngine(): SearchEngine {
  const typesense = typesenseConfigFromEnv();
  if (typesense) return createTypesenseEngine(typesense);
  return createPostgresEngine(pool);
}

/** The process's search engine. */
export function searchEngine(): SearchEngine {
  const cached = globals.__bazaarSearchEngine;
  if (cached && cached.pool === pool) return cached.engine;
  const engine = createEngine();
  globals.__bazaarSearchEngine = { pool, engine };
  return engine;
}

/** Replaces the process's engine (tests, benchmarks); returns the previous one. */
export function setSearchEngine(engine: SearchEngine | undefined): SearchEngine | undefined {
  const previous = globals.__bazaarSearchEngine?.engine;
  globals.__bazaarSearchEngine = engine ? { pool, engine } : undefined;
  return previous;
}
