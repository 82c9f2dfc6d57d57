import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { db, pool } from "@/server/db";
import { ListAuditLogInput, listAuditActions, listAuditLog, recordAudit } from "./index";

type Filter = z.input<typeof ListAuditLogInput>;
const list = (input: Filter = {}) => listAuditLog(db, ListAuditLogInput.parse(input));

describe("recordAudit", () => {
  it("stores who did what to which resource, from where", async () => {
    await recordAudit(
      db,
      { userId: "user_1", email: "ana@example.test", ip: "203.0.113.5", requestId: "req-1", locale: "en", userAgent: "UA" },
      { action: "vendor.approve", resourceType: "vendor", resourceId: "v_1", metadata: { reason: "docs ok", nested: { n: 1 } } },
    );
    const row = await db.auditLog.findFirstOrThrow({ where: { requestId: "req-1" } });
    expect(row).toMatchObject({
      actorId: "user_1", actorEmail: "ana@example.test", ip: "203.0.113.5", action: "vendor.approve",
      resourceType: "vendor", resourceId: "v_1", metadata: { reason: "docs ok", nested: { n: 1 } },
    });
    expect(typeof row.id).toBe("bigint");
    expect(Math.abs(row.at.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("accepts an anonymous actor and no metadata", async () => {
    await recordAudit(db, {}, { action: "system.anonymous", resourceType: "system" });
    const row = await db.auditLog.findFirstOrThrow({ where: { action: "system.anonymous" } });
    expect(row).toMatchObject({ actorId: null, actorEmail: null, ip: null, requestId: null, resourceId: null, metadata: {} });
  });

  it("is rolled back with the transaction it is part of", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await recordAudit(tx, { userId: "u" }, { action: "tx.rolledBack", resourceType: "test" });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await db.auditLog.count({ where: { action: "tx.rolledBack" } })).toBe(0);
  });
});

describe("the AuditLog table is append-only", () => {
  it("refuses UPDATE and DELETE (trigger), through Prisma and raw SQL", async () => {
    await recordAudit(db, { userId: "u_append" }, { action: "append.only", resourceType: "test" });
    const row = await db.auditLog.findFirstOrThrow({ where: { action: "append.only" } });
    await expect(db.auditLog.update({ where: { id: row.id }, data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    await expect(db.auditLog.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    await expect(pool.query(`UPDATE "AuditLog" SET "actorEmail" = 'x' WHERE id = $1`, [row.id.toString()])).rejects.toThrow(/AuditLog is append-only/);
    await expect(pool.query(`DELETE FROM "AuditLog"`)).rejects.toThrow(/AuditLog is append-only/);
    expect(await db.auditLog.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
  });
});

describe("listAuditLog", () => {
  const base = new Date("2020-03-01T12:00:00Z") // long before any entry the other tests write;
  const day = 86_400_000;

  beforeAll(async () => {
    const rows = [
      { actorId: "u_ana", actorEmail: "Ana@Example.test", action: "staffRole.create", resourceType: "staffRole", resourceId: "r1", at: new Date(base.getTime() - 2 * day) },
      { actorId: "u_ana", actorEmail: "Ana@Example.test", action: "staffRole.assign", resourceType: "user", resourceId: "u_bo", at: new Date(base.getTime() - day) },
      { actorId: "u_bo", actorEmail: "bo@example.test", action: "auth.signIn", resourceType: "session", resourceId: "s1", at: base },
      { actorId: "u_bo", actorEmail: "bo@example.test", action: "auth.signOut", resourceType: "session", resourceId: "s1", at: new Date(base.getTime() + day) },
      { actorId: "u_cy", actorEmail: "cy@example.test", action: "staffRole.delete", resourceType: "staffRole", resourceId: "r1", at: new Date(base.getTime() + 2 * day) },
    ].map((row) => ({ ...row, metadata: { seeded: true } }));
    for (const data of rows) await db.auditLog.create({ data }); // one by one: ids follow this order
  });

  const seededOnly = async (input: Filter) =>
    (await list({ ...input, limit: 200 })).entries.filter((e) => (e.metadata as { seeded?: boolean }).seeded);

  it("returns entries newest first with string ids", async () => {
    const entries = await seededOnly({});
    expect(entries.map((e) => e.action)).toEqual(["staffRole.delete", "auth.signOut", "auth.signIn", "staffRole.assign", "staffRole.create"]);
    for (const e of entries) expect(e.id).toMatch(/^\d+$/);
  });

  it("filters by actor email (case-insensitive, partial) or actor id", async () => {
    expect((await seededOnly({ actor: "ana@example" })).map((e) => e.action)).toEqual(["staffRole.assign", "staffRole.create"]);
    expect((await seededOnly({ actor: "u_bo" })).map((e) => e.action)).toEqual(["auth.signOut", "auth.signIn"]);
    expect(await seededOnly({ actor: "nobody@example.test" })).toEqual([]);
  });

  it("filters by action prefix and by resource", async () => {
    expect((await seededOnly({ action: "staffRole." })).map((e) => e.action)).toEqual(["staffRole.delete", "staffRole.assign", "staffRole.create"]);
    expect((await seededOnly({ action: "auth" })).map((e) => e.action)).toEqual(["auth.signOut", "auth.signIn"]);
    expect((await seededOnly({ resourceType: "staffRole", resourceId: "r1" })).map((e) => e.action)).toEqual(["staffRole.delete", "staffRole.create"]);
  });

  it("filters by date range (inclusive), with ISO strings coerced to dates", async () => {
    const from = new Date(base.getTime() - day).toISOString();
    const to = new Date(base.getTime() + day).toISOString();
    expect((await seededOnly({ from, to })).map((e) => e.action)).toEqual(["auth.signOut", "auth.signIn", "staffRole.assign"]);
    expect((await seededOnly({ from: new Date(base.getTime() + 1) })).map((e) => e.action)).toEqual(["staffRole.delete", "auth.signOut"]);
    expect((await seededOnly({ to: new Date(base.getTime() - 1) })).map((e) => e.action)).toEqual(["staffRole.assign", "staffRole.create"]);
  });

  it("paginates with a keyset cursor until there is no next page", async () => {
    const filter = { actor: "example.test", from: new Date(base.getTime() - 3 * day), to: new Date(base.getTime() + 3 * day) };
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await list({ ...filter, limit: 2, ...(cursor ? { cursor } : {}) });
      expect(page.entries.length).toBeLessThanOrEqual(2);
      seen.push(...page.entries.map((e) => e.action));
      cursor = page.nextCursor ?? undefined;
      if (cursor) expect(cursor).toBe(page.entries.at(-1)!.id);
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(["staffRole.delete", "auth.signOut", "auth.signIn", "staffRole.assign", "staffRole.create"]);
  });

  it("rejects malformed filters at the schema", () => {
    expect(ListAuditLogInput.safeParse({ cursor: "12abc" }).success).toBe(false);
    expect(ListAuditLogInput.safeParse({ limit: 0 }).success).toBe(false);
    expect(ListAuditLogInput.safeParse({ limit: 201 }).success).toBe(false);
    expect(ListAuditLogInput.safeParse({ actor: "x".repeat(201) }).success).toBe(false);
    expect(ListAuditLogInput.safeParse({ from: "not a date" }).success).toBe(false);
  });

  it("lists the distinct action names", async () => {
    const actions = await listAuditActions(db);
    expect(actions).toEqual(expect.arrayContaining(["auth.signIn", "auth.signOut", "staffRole.assign", "staffRole.create", "staffRole.delete"]));
    expect(new Set(actions).size).toBe(actions.length);
    expect(actions).toEqual([...actions].sort());
  });
});
