// A shop's flat shipping methods (price, free-over threshold, estimated days) until the
// shipping issue replaces them with zones and carriers. Sellers with `shop.manage` edit them;
// every change is audited.
import type { DbTx } from "@/server/db";
import type { Actor } from "@/server/lib/actor";
import { badRequest, forbidden, notFound } from "@/server/lib/errors";
import { recordAudit } from "@/server/modules/audit";
import { getVendorMembership } from "@/server/modules/vendors";
import { MAX_SHIPPING_RULES, type CreateShippingRuleInput, type UpdateShippingRuleInput } from "./shipping.schema";

type Rule = { id: string; name: string; price: number; currency: string; freeOver: number | null; minDays: number; maxDays: number; active: boolean; position: number };

const view = <T extends Rule>(r: T) => ({ ...r, currency: r.currency.trim() });
const auditView = (r: Rule) => ({ name: r.name, price: r.price, currency: r.currency.trim(), freeOver: r.freeOver, minDays: r.minDays, maxDays: r.maxDays, active: r.active, position: r.position });

/** Refuses unless the actor is a member of the vendor holding shop.manage (the procedure checked too). */
async function requireShopManager(db: DbTx, actor: Actor, vendorId: string) {
  const membership = await getVendorMembership(db, actor.userId, vendorId);
  if (!membership || !membership.effectivePermissions.has("shop.manage")) throw forbidden();
}

async function ownRule(db: DbTx, vendorId: string, id: string) {
  const rule = await db.shippingRule.findFirst({ where: { id, vendorId } });
  if (!rule) throw notFound("shipping.ruleNotFound");
  return rule;
}

/** The shop's methods, in position order (seller center). */
export async function listShippingRules(db: DbTx, actor: Actor, vendorId: string) {
  await requireShopManager(db, actor, vendorId);
  const rules = await db.shippingRule.findMany({ where: { vendorId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
  return rules.map(view);
}

/** Adds a method (last unless a position is given). Call inside a transaction. */
export async function createShippingRule(db: DbTx, actor: Actor, input: CreateShippingRuleInput) {
  await requireShopManager(db, actor, input.vendorId);
  // Serialises additions per shop so the limit holds.
  await db.$queryRaw`SELECT id FROM "Vendor" WHERE id = ${input.vendorId} FOR UPDATE`;
  const existing = await db.shippingRule.aggregate({ where: { vendorId: input.vendorId }, _count: true, _max: { position: true } });
  if (existing._count >= MAX_SHIPPING_RULES) throw badRequest("shipping.tooMany", { max: MAX_SHIPPING_RULES });
  const { vendorId, position, ...fields } = input;
  const rule = await db.shippingRule.create({ data: { ...fields, vendorId, position: position ?? (existing._max.position ?? -1) + 1 } });
  await recordAudit(db, actor, { action: "shipping.rule.create", resourceType: "shippingRule", resourceId: rule.id, metadata: { vendorId, after: auditView(rule) } });
  return view(rule);
}

/** Edits one of the shop's methods. Call inside a transaction. */
export async function updateShippingRule(db: DbTx, actor: Actor, input: UpdateShippingRuleInput) {
  await requireShopManager(db, actor, input.vendorId);
  const before = await ownRule(db, input.vendorId, input.id);
  const { vendorId, id, position, ...fields } = input;
  const rule = await db.shippingRule.update({ where: { id }, data: { ...fields, ...(position !== undefined ? { position } : {}) } });
  await recordAudit(db, actor, { action: "shipping.rule.update", resourceType: "shippingRule", resourceId: id, metadata: { vendorId, before: auditView(before), after: auditView(rule) } });
  return view(rule);
}

/** Deletes one of the shop's methods. Call inside a transaction. */
export async function deleteShippingRule(db: DbTx, actor: Actor, input: { vendorId: string; id: string }) {
  await requireShopManager(db, actor, input.vendorId);
  const before = await ownRule(db, input.vendorId, input.id);
  await db.shippingRule.delete({ where: { id: before.id } });
  await recordAudit(db, actor, { action: "shipping.rule.delete", resourceType: "shippingRule", resourceId: before.id, metadata: { vendorId: input.vendorId, before: auditView(before) } });
}

/** Active methods of each shop, in position order (checkout). */
export async function listActiveShippingRules(db: DbTx, vendorIds: readonly string[]) {
  const rules = await db.shippingRule.findMany({ where: { vendorId: { in: [...vendorIds] }, active: true }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
  const out = new Map<string, ReturnType<typeof view<(typeof rules)[number]>>[]>();
  for (const rule of rules) out.set(rule.vendorId, [...(out.get(rule.vendorId) ?? []), view(rule)]);
  return out;
}

/** What a method costs for a shop subtotal in the method's currency: free at or over `freeOver`. */
export function shippingPrice(rule: { price: number; freeOver: number | null }, subtotal: number): number {
  return rule.freeOver !== null && subtotal >= rule.freeOver ? 0 : rule.price;
}
