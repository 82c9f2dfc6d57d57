// Which engine synonym changes are pushed to. The search module's providers/index.ts
// (`searchEngine()`, built on another branch) is the one place that chooses; until it is merged
// this stand-in pushes to Typesense when TYPESENSE_* is set and otherwise does nothing (the
// PostgreSQL engine's setSynonyms arrives with providers/postgres.ts).
// TODO(merge): replace `synonymEngine()` with `searchEngine()` from "./providers".
import type { SynonymEngine } from "./search.synonyms";
import { createTypesenseEngine, typesenseConfigFromEnv } from "./providers/typesense";

let engine: SynonymEngine | null = null;

export function synonymEngine(): SynonymEngine {
  if (engine) return engine;
  const config = typesenseConfigFromEnv();
  engine = config ? createTypesenseEngine(config) : { setSynonyms: async () => {} };
  return engine;
}
