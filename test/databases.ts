// Scratch databases on the test server, for tests that need a database of their own shape
// (migrations, drift detection) rather than the per-file clone in DATABASE_URL.
import crypto from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { databaseUrl } from "./db-url";

export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function onServer<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("serverUrl") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** An empty database, or a clone of the migrated template with `{ fromTemplate: true }`. */
export async function createScratchDatabase(options: { fromTemplate?: boolean } = {}): Promise<ScratchDatabase> {
  const name = `s_${crypto.randomBytes(6).toString("hex")}`;
  const template = options.fromTemplate ? ` TEMPLATE "${inject("templateDatabase")}"` : "";
  await onServer((client) => client.query(`CREATE DATABASE "${name}"${template}`));
  return {
    name,
    url: databaseUrl(inject("serverUrl"), name),
    drop: () => onServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}

/** Runs `run` with a connected client on `url`, closing it afterwards. */
export async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
