// Vendors: their lifecycle (admin), their shop profile and their members (seller center).
import { vendorPermissionsOf, type VendorPermission } from "@/lib/permissions";
import type { Prisma } from "@/prisma/generated/client/client";
import type { DbTx } from "@/server/db";
import type { Actor } from "@/server/lib/actor";
import { badRequest, conflict, forbidden, notFound } from "@/server/lib/errors";
import { recordAudit } from "@/server/modules/audit";
import type {
  ChangeVendorStatusInput, CreateVendorInput, InviteMemberInput, ListVendorsInput, RemoveMemberInput, SetAcceptingOrdersInput,
  UpdateShopProfileInput, UpdateVendorInput, VendorStatusValue,
} from "./vendors.schema";

/** The user's membership of a vendor with its effective permissions, or null. */
export async function getVendorMembership(db: DbTx, userId: string, vendorId: string) {
  const membership = await db.vendorMembership.findUnique({
    where: { userId_vendorId: { userId, vendorId } },
    include: { vendor: { select: { id: true, name: true, slug: true, status: true } } },
  });
  if (!membership || membership.vendor.status === "CLOSED") return null;
  return { ...membership, effectivePermissions: new Set<VendorPermission>(vendorPermissionsOf(membership.role, membership.permissions)) };
}

/** Vendors the user belongs to (for the seller center's switcher). */
export async function listMyVendors(db: DbTx, userId: string) {
  const memberships = await db.vendorMembership.findMany({
    where: { userId, vendor: { status: { not: "CLOSED" } } },
    include: { vendor: { select: { id: true, name: true, slug: true, status: true } } },
    orderBy: { vendor: { name: "asc" } },
  });
  return memberships.map((m) => ({ ...m.vendor, role: m.role, permissions: vendorPermissionsOf(m.role, m.permissions) }));
}

// Which status each may move to: approve, suspend, reinstate, close. CLOSED is final.
const TRANSITIONS: Record<VendorStatusValue, readonly VendorStatusValue[]> = {
  PENDING: ["ACTIVE", "CLOSED"],
  ACTIVE: ["SUSPENDED", "CLOSED"],
  SUSPENDED: ["ACTIVE", "CLOSED"],
  CLOSED: [],
};

/** May a vendor move from `from` to `to`? */
export function canTransition(from: VendorStatusValue, to: VendorStatusValue): boolean {
  return TRANSITIONS[from].includes(to);
}

/** A URL slug made of the name's letters and digits ("Café Örn" → "cafe-orn"). */
export function slugify(name: string): string {
  const slug = name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 50).replace(/-+$/, "");
  return slug.length >= 2 ? slug : `shop${slug ? `-${slug}` : ""}`;
}

async function freeSlug(db: DbTx, base: string): Promise<string> {
  const taken = new Set((await db.vendor.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((v) => v.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

// Serialises membership changes of one vendor so the last-owner check is race-free.
async function lockVendor(db: DbTx, vendorId: string) {
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Vendor" WHERE "id" = ${vendorId} FOR UPDATE`;
  if (rows.length === 0) throw notFound("vendors.notFound");
}

/** Refuses unless the actor is a member of the (not closed) vendor holding `permission`. */
async function requireVendorPermission(db: DbTx, actor: Actor, vendorId: string, permission: VendorPermission) {
  const membership = await getVendorMembership(db, actor.userId, vendorId);
  if (!membership || !membership.effectivePermissions.has(permission)) throw forbidden();
  return membership;
}

/** Creates a PENDING vendor owned by a registered user. Call inside a transaction. */
export async function createVendor(db: DbTx, actor: Actor, input: CreateVendorInput) {
  const owner = await db.user.findUnique({ where: { email: input.ownerEmail } });
  if (!owner) throw badRequest("vendors.ownerNotFound");
  let slug: string;
  if (input.slug) {
    if (await db.vendor.findUnique({ where: { slug: input.slug } })) throw conflict("vendors.slugTaken");
    slug = input.slug;
  } else {
    slug = await freeSlug(db, slugify(input.name));
  }
  const vendor = await db.vendor.create({
    data: {
      name: input.name, slug, status: "PENDING",
      memberships: { create: { userId: owner.id, role: "OWNER", permissions: [] } },
      statusChanges: { create: { from: null, to: "PENDING", reason: "created", actorId: actor.userId } },
    },
  });
  await recordAudit(db, actor, { action: "vendor.create", resourceType: "vendor", resourceId: vendor.id, metadata: { name: vendor.name, slug, ownerEmail: owner.email } });
  return vendor;
}

/** Admin edit of a vendor's name, description and support address. Call inside a transaction. */
export async function updateVendor(db: DbTx, actor: Actor, input: UpdateVendorInput) {
  const before = await db.vendor.findUnique({ where: { id: input.vendorId } });
  if (!before) throw notFound("vendors.notFound");
  const vendor = await db.vendor.update({
    where: { id: input.vendorId },
    data: { name: input.name, description: input.description, supportEmail: input.supportEmail },
  });
  await recordAudit(db, actor, {
    action: "vendor.update", resourceType: "vendor", resourceId: vendor.id,
    metadata: {
      before: { name: before.name, description: before.description, supportEmail: before.supportEmail },
      after: { name: vendor.name, description: vendor.description, supportEmail: vendor.supportEmail },
    },
  });
  return vendor;
}

/**
 * Moves a vendor along its lifecycle. The update is conditional on the status read, so of two
 * admins acting at once only one wins. Call inside a transaction.
 */
export async function changeVendorStatus(db: DbTx, actor: Actor, input: ChangeVendorStatusInput) {
  const vendor = await db.vendor.findUnique({ where: { id: input.vendorId }, select: { id: true, status: true } });
  if (!vendor) throw notFound("vendors.notFound");
  const from = vendor.status;
  if (input.expectedStatus && input.expectedStatus !== from) throw conflict("vendors.statusChanged");
  if (!canTransition(from, input.to)) throw conflict("vendors.invalidTransition", { from, to: input.to });
  const { count } = await db.vendor.updateMany({ where: { id: vendor.id, status: from }, data: { status: input.to } });
  if (count !== 1) throw conflict("vendors.statusChanged");
  const change = await db.vendorStatusChange.create({ data: { vendorId: vendor.id, from, to: input.to, reason: input.reason, actorId: actor.userId } });
  await recordAudit(db, actor, { action: "vendor.status", resourceType: "vendor", resourceId: vendor.id, metadata: { from, to: input.to, reason: input.reason } });
  return change;
}

/** A page of vendors for the admin console, newest first, filtered by status and name/slug. */
export async function listVendors(db: DbTx, input: ListVendorsInput) {
  const limit = input.limit ?? 50;
  const where: Prisma.VendorWhereInput = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.query ? { OR: [{ name: { contains: input.query, mode: "insensitive" } }, { slug: { contains: input.query, mode: "insensitive" } }] } : {}),
  };
  const rows = await db.vendor.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    include: { _count: { select: { memberships: true } } },
  });
  const page = rows.slice(0, limit);
  return { vendors: page, nextCursor: rows.length > limit ? page[page.length - 1]!.id : null };
}

/** A vendor's status changes, oldest first. */
export async function getVendorHistory(db: DbTx, vendorId: string) {
  return db.vendorStatusChange.findMany({ where: { vendorId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/** A seller opens or pauses the shop for new orders. Call inside a transaction. */
export async function setAcceptingOrders(db: DbTx, actor: Actor, input: SetAcceptingOrdersInput) {
  await requireVendorPermission(db, actor, input.vendorId, "shop.manage");
  const vendor = await db.vendor.update({ where: { id: input.vendorId }, data: { acceptingOrders: input.accepting } });
  await recordAudit(db, actor, { action: "vendor.acceptingOrders", resourceType: "vendor", resourceId: vendor.id, metadata: { accepting: input.accepting } });
  return vendor;
}

/** A seller edits the shop's description and support address. Call inside a transaction. */
export async function updateShopProfile(db: DbTx, actor: Actor, input: UpdateShopProfileInput) {
  await requireVendorPermission(db, actor, input.vendorId, "shop.manage");
  const vendor = await db.vendor.update({ where: { id: input.vendorId }, data: { description: input.description, supportEmail: input.supportEmail } });
  await recordAudit(db, actor, {
    action: "vendor.profile", resourceType: "vendor", resourceId: vendor.id,
    metadata: { description: vendor.description, supportEmail: vendor.supportEmail },
  });
  return vendor;
}

/** The vendor's members, owners first. */
export async function listMembers(db: DbTx, actor: Actor, vendorId: string) {
  await requireVendorPermission(db, actor, vendorId, "members.manage");
  const members = await db.vendorMembership.findMany({
    where: { vendorId }, include: { user: { select: { id: true, email: true, name: true } } }, orderBy: [{ role: "asc" }, { createdAt: "asc" }],
  });
  return members.map((m) => ({ ...m, permissions: vendorPermissionsOf(m.role, m.permissions) }));
}

/** Adds a registered user to the vendor; only an owner may add an owner. Call inside a transaction. */
export async function inviteMember(db: DbTx, actor: Actor, input: InviteMemberInput) {
  const mine = await requireVendorPermission(db, actor, input.vendorId, "members.manage");
  if (input.role === "OWNER" && mine.role !== "OWNER") throw forbidden();
  await lockVendor(db, input.vendorId);
  const user = await db.user.findUnique({ where: { email: input.email } });
  if (!user) throw badRequest("vendors.userNotFound");
  if (await db.vendorMembership.findUnique({ where: { userId_vendorId: { userId: user.id, vendorId: input.vendorId } } })) throw conflict("vendors.alreadyMember");
  const permissions = input.role === "STAFF" ? input.permissions : [];
  const membership = await db.vendorMembership.create({ data: { userId: user.id, vendorId: input.vendorId, role: input.role, permissions } });
  await recordAudit(db, actor, {
    action: "vendor.member.add", resourceType: "vendor", resourceId: input.vendorId,
    metadata: { userId: user.id, email: user.email, role: input.role, permissions },
  });
  return membership;
}

/** Removes a member; an owner only by an owner, and never the last owner. Call inside a transaction. */
export async function removeMember(db: DbTx, actor: Actor, input: RemoveMemberInput) {
  const mine = await requireVendorPermission(db, actor, input.vendorId, "members.manage");
  await lockVendor(db, input.vendorId);
  const membership = await db.vendorMembership.findUnique({
    where: { userId_vendorId: { userId: input.userId, vendorId: input.vendorId } }, include: { user: { select: { email: true } } },
  });
  if (!membership) throw notFound("vendors.memberNotFound");
  if (membership.role === "OWNER") {
    if (mine.role !== "OWNER") throw forbidden();
    const owners = await db.vendorMembership.count({ where: { vendorId: input.vendorId, role: "OWNER" } });
    if (owners <= 1) throw conflict("vendors.lastOwner");
  }
  await db.vendorMembership.delete({ where: { userId_vendorId: { userId: input.userId, vendorId: input.vendorId } } });
  await recordAudit(db, actor, {
    action: "vendor.member.remove", resourceType: "vendor", resourceId: input.vendorId,
    metadata: { userId: input.userId, email: membership.user.email, role: membership.role },
  });
}
