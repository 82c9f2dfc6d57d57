// Runs in every test file before its own imports: a fresh database cloned from the migrated
// template, and the environment server/env.ts and server/db.ts read when they are imported.
import crypto from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { databaseUrl } from "./db-url";

const serverUrl = inject("serverUrl");
const template = inject("templateDatabase");
const database = `t_${crypto.randomBytes(6).toString("hex")}`;

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

await admin((client) => client.query(`CREATE DATABASE "${database}" TEMPLATE "${template}"`));

process.env.DATABASE_URL = databaseUrl(serverUrl, database);
(process.env as Record<string, string | undefined>).NODE_ENV = "test";
process.env.APP_URL = "http://localhost:3000";
process.env.AUTH_SECRET = "test-secret-0123456789-abcdefghijklmnopq"; // 40 characters
delete process.env.RATE_LIMIT_STORE; // postgres
delete process.env.REDIS_URL;
delete process.env.SMTP_URL; // mails go to the dev mailbox
delete process.env.NEXT_PHASE;
delete process.env.DEV_MAILBOX;
delete process.env.TRUSTED_ORIGINS;

afterAll(async () => {
  // server/db.ts keeps its pool and client on globalThis; close them only if a test loaded it.
  const globals = globalThis as typeof globalThis & {
    __bazaarDb?: { pool?: pg.Pool; prisma?: { $disconnect(): Promise<void> } };
  };
  const cached = globals.__bazaarDb;
  if (cached) {
    await cached.prisma?.$disconnect().catch(() => {});
    await cached.pool?.end().catch(() => {});
    delete globals.__bazaarDb;
  }
  await admin((client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
});
