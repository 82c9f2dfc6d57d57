// Once per run: a PostgreSQL server (TEST_DATABASE_URL, or an embedded throw-away cluster)
// with a migrated template database that every test file clones (test/setup-file.ts).
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../scripts/lib/embedded-postgres";
import { migrate } from "../scripts/lib/migrations";
import { databaseUrl } from "./db-url";

export const TEMPLATE_DATABASE = "bazaar_template";

export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let dataDir: string | undefined;
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    dataDir = path.resolve(import.meta.dirname, "..", ".data", `test-pg-${process.pid}`);
    embedded = await startEmbeddedPostgres({ dataDir, ephemeral: true });
    serverUrl = embedded.serverUrl;
  }

  try {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      // A leftover template (a previous run on TEST_DATABASE_URL) may predate new migrations.
      await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
    } finally {
      await admin.end();
    }
    await migrate(databaseUrl(serverUrl, TEMPLATE_DATABASE));
  } catch (error) {
    // Vitest skips the teardown when set-up throws: do not leave a server behind.
    await embedded?.stop().catch(() => {});
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  project.provide("serverUrl", serverUrl);
  project.provide("templateDatabase", TEMPLATE_DATABASE);

  return async () => {
    if (embedded) await embedded.stop();
    else {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`).catch(() => {});
      await client.end();
    }
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
