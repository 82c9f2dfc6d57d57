import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrate } from "@/scripts/lib/migrations";
import { createScratchDatabase, withClient, type ScratchDatabase } from "@/test/databases";
import { compareSchemaToDatabase, SCHEMA_DIR } from "./schema-drift";

const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const step of cleanup) await step();
});

async function migratedScratch(): Promise<ScratchDatabase> {
  const db = await createScratchDatabase();
  cleanup.push(() => db.drop());
  await migrate(db.url);
  return db;
}

describe("Prisma schema vs. migrations", () => {
  it("the migrated database matches prisma/schema exactly", async () => {
    const differences = await compareSchemaToDatabase(process.env.DATABASE_URL!);
    expect(differences, `schema drift:\n  ${differences.join("\n  ")}`).toEqual([]);
  });
});

describe("compareSchemaToDatabase catches drift", () => {
  it("reports a dropped column and a dropped index, and nothing else", async () => {
    const db = await migratedScratch();
    expect(await compareSchemaToDatabase(db.url)).toEqual([]);
    await withClient(db.url, (c) => c.query(`ALTER TABLE "Session" DROP COLUMN "os"; DROP INDEX "AuditLog_action_at_idx";`));
    expect(await compareSchemaToDatabase(db.url)).toEqual([
      `model Session: column "Session"."os" is missing from the database`,
      `model AuditLog: index "AuditLog_action_at_idx" on "AuditLog"(action, at) is missing from the database`,
    ]);
  });

  it("reports type, nullability, default, uniqueness, sort order, foreign key, enum and extra-object drift", async () => {
    const db = await createScratchDatabase({ fromTemplate: true });
    cleanup.push(() => db.drop());
    await withClient(db.url, (c) =>
      c.query(`
        ALTER TABLE "Vendor" ALTER COLUMN "slug" TYPE varchar(50);
        ALTER TABLE "User" ALTER COLUMN "name" DROP NOT NULL;
        ALTER TABLE "User" ALTER COLUMN "locale" SET DEFAULT 'fr';
        ALTER TABLE "rate_limits" ALTER COLUMN "points" DROP DEFAULT;
        DROP INDEX "AuthToken_tokenHash_key"; CREATE INDEX "AuthToken_tokenHash_key" ON "AuthToken"("tokenHash");
        DROP INDEX "AuditLog_at_idx"; CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");
        ALTER TABLE "Session" DROP CONSTRAINT "Session_userId_fkey";
        ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
        ALTER TABLE "RecoveryCode" DROP CONSTRAINT "RecoveryCode_userId_fkey";
        ALTER TYPE "VendorStatus" ADD VALUE 'ARCHIVED';
        CREATE TYPE "Mood" AS ENUM ('HAPPY');
        ALTER TABLE "MailMessage" ADD COLUMN "extra" text;
        CREATE INDEX "User_name_idx" ON "User"("name");
        CREATE TABLE "Orphan" ("id" integer PRIMARY KEY);
      `),
    );
    const differences = await compareSchemaToDatabase(db.url);
    const expected = [
      `model User: column "User"."name" is nullable in the database but required in the schema`,
      `model User: column "User"."locale" has default 'fr'::text in the database, 'en' in the schema`,
      `model Vendor: column "Vendor"."slug" has type character varying(50) in the database, text in the schema`,
      `model RateLimit: column "rate_limits"."points" has no default in the database, '0' in the schema`,
      `model MailMessage: column "MailMessage"."extra" is in the database but not in the schema`,
      `model AuthToken: unique index "AuthToken_tokenHash_key" on "AuthToken"(tokenHash) is missing from the database`,
      `table "AuthToken": index "AuthToken_tokenHash_key" (tokenHash) is in the database but not in the schema`,
      `model AuditLog: index "AuditLog_at_idx" on "AuditLog"(at) is sorted (ASC) in the database, (DESC) in the schema`,
      `table "User": index "User_name_idx" (name) is in the database but not in the schema`,
      `model Session: foreign key "Session_userId_fkey" "Session"(userId) -> "User"(id) is ON DELETE SetNull in the database, Cascade in the schema`,
      `model RecoveryCode: foreign key "RecoveryCode_userId_fkey" "RecoveryCode"(userId) -> "User"(id) is missing from the database`,
      `enum VendorStatus: value "ARCHIVED" is in the database but not in the schema`,
      `enum type "Mood" is in the database but not in the schema`,
      `table "Orphan" is in the database but no model maps to it`,
    ];
    expect([...differences].sort()).toEqual([...expected].sort());
  });

  it("reports schema changes that have no migration (the other direction)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bazaar-schema-"));
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    for (const file of fs.readdirSync(SCHEMA_DIR)) fs.copyFileSync(path.join(SCHEMA_DIR, file), path.join(dir, file));
    fs.appendFileSync(
      path.join(dir, "platform.prisma"),
      `\nenum Flavour {\n  PLAIN\n}\n\nmodel FeatureFlag {\n  key     String  @id\n  flavour Flavour @default(PLAIN)\n  notes   String? @map("note_text") @db.VarChar(200)\n\n  @@unique([flavour, notes])\n  @@map("feature_flags")\n}\n`,
    );
    const vendors = fs.readFileSync(path.join(dir, "vendors.prisma"), "utf8");
    const edited = vendors
      .replace("  CLOSED\n", "  CLOSED\n  BANNED\n")
      .replace(/^( +slug +String +@unique\n)/m, "$1  tagline String?\n")
      .replace(/^( +name +String)\n/m, '$1 @map("display_name")\n');
    expect(edited).not.toBe(vendors);
    fs.writeFileSync(path.join(dir, "vendors.prisma"), edited);

    const differences = await compareSchemaToDatabase(process.env.DATABASE_URL!, dir);
    expect([...differences].sort()).toEqual([
      `enum Flavour: type "Flavour" is missing from the database`,
      `enum VendorStatus: value "BANNED" is missing from the database`,
      `model FeatureFlag: table "feature_flags" is missing from the database`,
      `model Vendor: column "Vendor"."display_name" is missing from the database`,
      `model Vendor: column "Vendor"."name" is in the database but not in the schema`,
      `model Vendor: column "Vendor"."tagline" is missing from the database`,
    ]);
  });
});
