import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import type { PrismaClient } from "@/prisma/generated/client/client";
import { seedShippingRules } from "@/prisma/seed/shipping";
import { callerFor, createShop } from "@/test/catalog-factories";
import { createUser } from "@/test/factories";
import { listActiveShippingRules, shippingPrice } from "./index";

const rule = (vendorId: string, overrides: Record<string, unknown> = {}) => ({
  vendorId, name: "Standard", price: 499, currency: "USD" as const, freeOver: 5000, minDays: 3, maxDays: 7, ...overrides,
});

async function failure(promise: Promise<unknown>) {
  const error = (await promise.then(() => null, (e: unknown) => e)) as { code?: string; cause?: { messageKey?: string; issues?: { path: PropertyKey[]; message: string }[] } } | null;
  expect(error).not.toBeNull();
  const fields = Object.fromEntries((error!.cause?.issues ?? []).map((i) => [i.path.join("."), i.message]));
  return { code: error!.code, key: error!.cause?.messageKey, fields };
}

describe("shipping rules (seller center)", () => {
  it("creates, lists in position order, edits and deletes, auditing each change", async () => {
    const { vendor, owner } = await createShop(db);
    const caller = callerFor(db, owner);
    const standard = await caller.shipping.createRule(rule(vendor.id));
    const express = await caller.shipping.createRule(rule(vendor.id, { name: "Express", price: 1499, freeOver: null, minDays: 1, maxDays: 2 }));
    expect([standard.position, express.position]).toEqual([0, 1]);
    expect(standard).toMatchObject({ currency: "USD", active: true });
    const updated = await caller.shipping.updateRule({ ...rule(vendor.id, { price: 599, active: false, position: 5 }), id: standard.id });
    expect(updated).toMatchObject({ price: 599, active: false, position: 5 });
    expect((await caller.shipping.listRules({ vendorId: vendor.id })).map((r) => r.name)).toEqual(["Express", "Standard"]);
    await caller.shipping.deleteRule({ vendorId: vendor.id, id: express.id });
    expect((await caller.shipping.listRules({ vendorId: vendor.id })).map((r) => r.id)).toEqual([standard.id]);
    const audits = await db.auditLog.findMany({ where: { resourceType: "shippingRule" }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.action, a.actorId])).toEqual([
      ["shipping.rule.create", owner.id], ["shipping.rule.create", owner.id], ["shipping.rule.update", owner.id], ["shipping.rule.delete", owner.id],
    ]);
    expect(audits[2]!.metadata).toMatchObject({ vendorId: vendor.id, before: { price: 499, active: true }, after: { price: 599, active: false } });
  });

  it("validates amounts, days and currency", async () => {
    const { vendor, owner } = await createShop(db);
    const caller = callerFor(db, owner);
    expect((await failure(caller.shipping.createRule(rule(vendor.id, { minDays: 5, maxDays: 2 })))).fields).toEqual({ maxDays: "shipping.daysOrder" });
    expect((await failure(caller.shipping.createRule(rule(vendor.id, { price: -1 })))).fields).toEqual({ price: "shipping.amountInvalid" });
    expect((await failure(caller.shipping.createRule(rule(vendor.id, { price: 4.5 })))).fields).toEqual({ price: "validation.invalid" });
    expect((await failure(caller.shipping.createRule(rule(vendor.id, { currency: "XXX" })))).fields).toEqual({ currency: "shipping.currencyInvalid" });
    expect((await failure(caller.shipping.createRule(rule(vendor.id, { name: " " })))).fields).toEqual({ name: "validation.required" });
    expect(await db.shippingRule.count({ where: { vendorId: vendor.id } })).toBe(0);
  });

  it("refuses strangers, members without shop.manage, and another shop's rule id", async () => {
    const { vendor, owner } = await createShop(db);
    const other = await createShop(db);
    const theirs = await callerFor(db, other.owner).shipping.createRule(rule(other.vendor.id));
    const stranger = await createUser(db);
    expect(await failure(callerFor(db, stranger).shipping.listRules({ vendorId: vendor.id }))).toMatchObject({ code: "FORBIDDEN" });
    const packer = await createUser(db);
    await db.vendorMembership.create({ data: { userId: packer.id, vendorId: vendor.id, role: "STAFF", permissions: ["orders.fulfil"] } });
    expect(await failure(callerFor(db, packer).shipping.createRule(rule(vendor.id)))).toMatchObject({ code: "FORBIDDEN" });
    const caller = callerFor(db, owner);
    expect(await failure(caller.shipping.updateRule({ ...rule(vendor.id, { price: 1 }), id: theirs.id }))).toMatchObject({ code: "NOT_FOUND", key: "shipping.ruleNotFound" });
    expect(await failure(caller.shipping.deleteRule({ vendorId: vendor.id, id: theirs.id }))).toMatchObject({ code: "NOT_FOUND", key: "shipping.ruleNotFound" });
    expect(await db.shippingRule.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ price: 499 });
  });

  it("checkout reads active methods per shop and prices them against the subtotal", async () => {
    const { vendor, owner } = await createShop(db);
    const caller = callerFor(db, owner);
    const standard = await caller.shipping.createRule(rule(vendor.id));
    await caller.shipping.createRule(rule(vendor.id, { name: "Hidden", active: false }));
    const rules = await listActiveShippingRules(db, [vendor.id, "no-shop"]);
    expect(rules.get(vendor.id)!.map((r) => r.id)).toEqual([standard.id]);
    expect(rules.get("no-shop")).toBeUndefined();
    expect([shippingPrice(standard, 4999), shippingPrice(standard, 5000), shippingPrice({ price: 300, freeOver: null }, 1e9)]).toEqual([499, 0, 300]);
  });
});

describe("seedShippingRules", () => {
  it("adds Standard and Express to every shop in its products' currency, once", async () => {
    const { vendor } = await createShop(db);
    const [category] = await db.category.findMany({ take: 1 });
    const categoryId = category?.id ?? (await db.category.create({ data: { slug: "seed-cat", names: { en: "Seed" }, ancestorIds: [] } })).id;
    await db.product.create({ data: { vendorId: vendor.id, slug: "yen-product", title: "Tea", categoryId, categoryPath: [categoryId], currency: "JPY" } });
    const first = await seedShippingRules(db as unknown as PrismaClient);
    expect(first).toBeGreaterThanOrEqual(2);
    expect(await seedShippingRules(db as unknown as PrismaClient)).toBe(0);
    const rules = await db.shippingRule.findMany({ where: { vendorId: vendor.id }, orderBy: { position: "asc" } });
    expect(rules.map((r) => [r.name, r.currency, r.price, r.freeOver, r.minDays, r.maxDays])).toEqual([
      ["Standard", "JPY", 5, 50, 3, 7],
      ["Express", "JPY", 15, null, 1, 2],
    ]);
  });
});
