import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createScratchDatabase, withClient, type ScratchDatabase } from "@/test/databases";
import { migrate, MIGRATIONS_DIR, readMigrations } from "./migrations";

const scratch: ScratchDatabase[] = [];
const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(scratch.map((db) => db.drop()));
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function emptyDatabase() {
  const db = await createScratchDatabase();
  scratch.push(db);
  return db;
}

function migrationsDir(migrations: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bazaar-migrations-"));
  tempDirs.push(dir);
  for (const [name, sql] of Object.entries(migrations)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  fs.writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
  return dir;
}

async function recorded(url: string) {
  return withClient(url, async (client) =>
    (await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null; applied_steps_count: number }>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    )).rows,
  );
}

async function tableExists(url: string, table: string): Promise<boolean> {
  return withClient(url, async (client) => (await client.query("SELECT to_regclass($1) AS t", [`"${table}"`])).rows[0].t !== null);
}

describe("readMigrations", () => {
  it("reads the project's migrations in order with the sha256 of each file", () => {
    const migrations = readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    expect(migrations.map((m) => m.name)).toEqual([...migrations.map((m) => m.name)].sort());
    for (const migration of migrations) {
      const file = fs.readFileSync(path.join(MIGRATIONS_DIR, migration.name, "migration.sql"));
      expect(migration.checksum).toBe(crypto.createHash("sha256").update(file).digest("hex"));
    }
  });

  it("ignores files and folders without a migration.sql", () => {
    const dir = migrationsDir({ "002_b": "SELECT 1;", "001_a": "SELECT 1;" });
    fs.mkdirSync(path.join(dir, "003_empty"));
    expect(readMigrations(dir).map((m) => m.name)).toEqual(["001_a", "002_b"]);
  });
});

describe("migrate", () => {
  it("applies every migration once, records it like Prisma, and is a no-op the second time", async () => {
    const { url } = await emptyDatabase();
    const lines: string[] = [];
    const names = readMigrations().map((m) => m.name);
    expect(await migrate(url, (line) => lines.push(line))).toEqual(names);
    expect(lines).toEqual(names.map((name) => `applied ${name}`));

    const rows = await recorded(url);
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(readMigrations()[i]!.checksum);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    expect(await tableExists(url, "User")).toBe(true);

    expect(await migrate(url)).toEqual([]);
    expect(await recorded(url)).toEqual(rows);
  });

  it("applies only the new migrations and warns about an edited one", async () => {
    const { url } = await emptyDatabase();
    const dir = migrationsDir({ "001_a": `CREATE TABLE "a" (id int);` });
    expect(await migrate(url, () => {}, dir)).toEqual(["001_a"]);
    fs.writeFileSync(path.join(dir, "001_a", "migration.sql"), `CREATE TABLE "a" (id bigint);`);
    fs.mkdirSync(path.join(dir, "002_b"));
    fs.writeFileSync(path.join(dir, "002_b", "migration.sql"), `CREATE TABLE "b" (id int);`);
    const lines: string[] = [];
    expect(await migrate(url, (line) => lines.push(line), dir)).toEqual(["002_b"]);
    expect(lines).toEqual(["warning: migration 001_a was edited after it was applied", "applied 002_b"]);
  });

  it("rolls a failing migration back entirely and records nothing for it", async () => {
    const { url } = await emptyDatabase();
    const dir = migrationsDir({
      "001_ok": `CREATE TABLE "ok_table" (id int);`,
      "002_broken": `CREATE TABLE "half_done" (id int);\nINSERT INTO "ok_table" VALUES (1);\nSELECT 1 / 0;`,
      "003_after": `CREATE TABLE "never" (id int);`,
    });
    await expect(migrate(url, () => {}, dir)).rejects.toThrow(/migration 002_broken failed: division by zero/);

    expect(await tableExists(url, "ok_table")).toBe(true);
    expect(await tableExists(url, "half_done")).toBe(false);
    expect(await tableExists(url, "never")).toBe(false);
    expect(await withClient(url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM "ok_table"`)).rows[0].n)).toBe(0);
    expect((await recorded(url)).map((r) => r.migration_name)).toEqual(["001_ok"]);

    // Once fixed, the next run picks up where it stopped.
    fs.writeFileSync(path.join(dir, "002_broken", "migration.sql"), `CREATE TABLE "half_done" (id int);`);
    expect(await migrate(url, () => {}, dir)).toEqual(["002_broken", "003_after"]);
  });

  it("serialises concurrent runners: each migration is applied exactly once", async () => {
    const { url } = await emptyDatabase();
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    expect(results.flat()).toEqual(readMigrations().map((m) => m.name));
    expect(await recorded(url)).toHaveLength(readMigrations().length);
  });
});
