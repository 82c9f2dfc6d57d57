// Vendors: their lifecycle (admin), their shop profile and their members (seller center).
import { vendorPermissionsOf, type VendorPermission } from "@/lib/permissions";
import type { Prisma } from "@/prisma/generated/client/client";
import type { DbTx } from "@/server/db";
import { env } from "@/server/env";
import { publish } from "@/server/events";
import type { Actor } from "@/server/lib/actor";
import { randomToken, sha256 } from "@/server/lib/crypto";
import { badRequest, conflict, forbidden, notFound } from "@/server/lib/errors";
import { firstFreeSlug, slugify } from "@/server/lib/slugs";
import { recordAudit } from "@/server/modules/audit";
import { sendMail } from "@/server/modules/mail";
import {
  INVITATION_TTL_DAYS,
  type ChangeVendorStatusInput, type CreateVendorInput, type InviteMemberInput, type ListVendorsInput, type RemoveMemberInput, type RevokeInvitationInput,
  type SetAcceptingOrdersInput, type UpdateShopProfileInput, type UpdateVendorInput, type VendorStatusValue,
} from "./vendors.schema";

/**
 * How the actor reaches a vendor: as one of its members (with that membership's role and
 * permissions), or as platform staff holding `vendors.manage` (resolved by the admin
 * procedures). Staff act with an owner's reach, and the same rules (e.g. the last owner) hold.
 */
export type VendorAccess =
  | { via: "member"; role: "OWNER" | "ADMIN" | "STAFF"; permissions: ReadonlySet<VendorPermission> }
  | { via: "staff" };

/** The access of platform staff; only admin procedures (which checked `vendors.manage`) pass it. */
export const STAFF_VENDOR_ACCESS: VendorAccess = Object.freeze({ via: "staff" });

const canActAsOwner = (access: VendorAccess) => access.via === "staff" || access.role === "OWNER";

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

/** A URL slug from a shop's name ("Café Örn" → "cafe-orn"). */
export const shopSlug = (name: string) => slugify(name, "shop");

async function freeSlug(db: DbTx, base: string): Promise<string> {
  return firstFreeSlug(base, (await db.vendor.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((v) => v.slug));
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

/**
 * The given access (staff) or the actor's membership holding `permission`, else FORBIDDEN.
 * Staff reach any vendor that exists; members only their own, not closed, vendor.
 */
async function resolveAccess(db: DbTx, actor: Actor, vendorId: string, permission: VendorPermission, access?: VendorAccess): Promise<VendorAccess> {
  if (access?.via === "staff") {
    if (!(await db.vendor.findUnique({ where: { id: vendorId }, select: { id: true } }))) throw notFound("vendors.notFound");
    return access;
  }
  const membership = await requireVendorPermission(db, actor, vendorId, permission);
  return { via: "member", role: membership.role, permissions: membership.effectivePermissions };
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "P2002";

/** Creates a PENDING vendor owned by a registered user. Call inside a transaction. */
export async function createVendor(db: DbTx, actor: Actor, input: CreateVendorInput) {
  const owner = await db.user.findUnique({ where: { email: input.ownerEmail } });
  if (!owner) throw badRequest("vendors.ownerNotFound");
  const base = input.slug ?? shopSlug(input.name);
  // Two admins creating "Green Grocer" at once: the second waits here until the first commits,
  // then sees its slug taken and picks the next free one instead of hitting the unique index.
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`bazaar:vendor-slug:${base}`}))`;
  let slug: string;
  if (input.slug) {
    if (await db.vendor.findUnique({ where: { slug: input.slug } })) throw conflict("vendors.slugTaken");
    slug = input.slug;
  } else {
    slug = await freeSlug(db, base);
  }
  let vendor;
  try {
    vendor = await db.vendor.create({
      data: {
        name: input.name, slug, status: "PENDING",
        memberships: { create: { userId: owner.id, role: "OWNER", permissions: [] } },
        statusChanges: { create: { from: null, to: "PENDING", reason: "created", actorId: actor.userId } },
      },
    });
  } catch (error) {
    // A slug of another base can still collide (e.g. an explicit "shop-2" against "shop"'s second).
    if (isUniqueViolation(error)) throw conflict("vendors.slugTaken");
    throw error;
  }
  await recordAudit(db, actor, { action: "vendor.create", resourceType: "vendor", resourceId: vendor.id, metadata: { name: vendor.name, slug, ownerEmail: owner.email } });
  return vendor;
}

type ProfileInput = Pick<UpdateShopProfileInput, "name" | "description" | "supportEmail" | "supportPhone" | "returnPolicy" | "shippingPolicy">;
type ProfileRow = { name: string; description: string; supportEmail: string | null; supportPhone: string | null; returnPolicy: string; shippingPolicy: string; logoId: string | null; bannerId: string | null };

const profileData = (input: ProfileInput) => ({
  name: input.name, description: input.description, supportEmail: input.supportEmail,
  supportPhone: input.supportPhone, returnPolicy: input.returnPolicy, shippingPolicy: input.shippingPolicy,
});

/** The profile fields of a vendor row, for the audit log's before/after. */
const profileOf = (v: ProfileRow) => ({
  name: v.name, description: v.description, supportEmail: v.supportEmail, supportPhone: v.supportPhone,
  returnPolicy: v.returnPolicy, shippingPolicy: v.shippingPolicy, logoId: v.logoId, bannerId: v.bannerId,
});

/** A new shop name reaches search documents through the outbox. */
async function announceRename(db: DbTx, before: { name: string }, after: { id: string; name: string }) {
  if (before.name !== after.name) await publish(db, { type: "catalog.labelsChanged", aggregateType: "vendor", aggregateId: after.id, payload: { scope: "vendor", id: after.id } });
}

/** Admin edit of a vendor's name, description and support address. Call inside a transaction. */
export async function updateVendor(db: DbTx, actor: Actor, input: UpdateVendorInput) {
  const before = await db.vendor.findUnique({ where: { id: input.vendorId } });
  if (!before) throw notFound("vendors.notFound");
  const vendor = await db.vendor.update({ where: { id: input.vendorId }, data: profileData(input) });
  await announceRename(db, before, vendor);
  await recordAudit(db, actor, {
    action: "vendor.update", resourceType: "vendor", resourceId: vendor.id,
    metadata: { before: profileOf(before), after: profileOf(vendor) },
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
  await publish(db, { type: "vendor.statusChanged", aggregateType: "vendor", aggregateId: vendor.id, payload: { vendorId: vendor.id, from, to: input.to } });
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

/** A vendor's status changes, oldest first, with who made each (when that account still exists). */
export async function getVendorHistory(db: DbTx, vendorId: string) {
  const changes = await db.vendorStatusChange.findMany({ where: { vendorId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const actorIds = [...new Set(changes.map((c) => c.actorId).filter((id): id is string => !!id))];
  const users = new Map((await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } })).map((u) => [u.id, u]));
  return changes.map((c) => ({ ...c, actor: c.actorId ? (users.get(c.actorId) ?? null) : null }));
}

/** One vendor with its full profile, for the admin console. */
export async function getVendor(db: DbTx, vendorId: string) {
  const vendor = await db.vendor.findUnique({ where: { id: vendorId }, include: { _count: { select: { memberships: true } } } });
  if (!vendor) throw notFound("vendors.notFound");
  return { ...vendor, nextStatuses: TRANSITIONS[vendor.status] };
}

/** The allowed next statuses of a vendor (for the admin console's lifecycle buttons). */
export function nextStatuses(from: VendorStatusValue): readonly VendorStatusValue[] {
  return TRANSITIONS[from];
}

/** The shop profile for the seller center's shop page. */
export async function getShop(db: DbTx, actor: Actor, vendorId: string) {
  await requireVendorPermission(db, actor, vendorId, "shop.manage");
  const media = { select: { id: true, storageKey: true, width: true, height: true, placeholder: true } } as const;
  return db.vendor.findUniqueOrThrow({ where: { id: vendorId }, include: { logo: media, banner: media } });
}

/** A seller opens or pauses the shop for new orders. Call inside a transaction. */
export async function setAcceptingOrders(db: DbTx, actor: Actor, input: SetAcceptingOrdersInput) {
  await requireVendorPermission(db, actor, input.vendorId, "shop.manage");
  const vendor = await db.vendor.update({ where: { id: input.vendorId }, data: { acceptingOrders: input.accepting } });
  await recordAudit(db, actor, { action: "vendor.acceptingOrders", resourceType: "vendor", resourceId: vendor.id, metadata: { accepting: input.accepting } });
  return vendor;
}

/**
 * A seller edits the shop profile: name (the slug stays), description, support contacts,
 * policies, and the logo and banner, which must be media of this vendor. Call inside a transaction.
 */
export async function updateShopProfile(db: DbTx, actor: Actor, input: UpdateShopProfileInput) {
  await requireVendorPermission(db, actor, input.vendorId, "shop.manage");
  for (const id of [input.logoId, input.bannerId]) {
    if (!id) continue;
    const asset = await db.mediaAsset.findUnique({ where: { id }, select: { vendorId: true } });
    if (!asset || asset.vendorId !== input.vendorId) throw badRequest("vendors.mediaNotFound");
  }
  const before = await db.vendor.findUniqueOrThrow({ where: { id: input.vendorId } });
  const vendor = await db.vendor.update({
    where: { id: input.vendorId },
    data: { ...profileData(input), logoId: input.logoId, bannerId: input.bannerId },
  });
  await announceRename(db, before, vendor);
  await recordAudit(db, actor, {
    action: "vendor.profile", resourceType: "vendor", resourceId: vendor.id,
    metadata: { before: profileOf(before), after: profileOf(vendor) },
  });
  return vendor;
}

/** The vendor's members, owners first. */
export async function listMembers(db: DbTx, actor: Actor, vendorId: string, access?: VendorAccess) {
  await resolveAccess(db, actor, vendorId, "members.manage", access);
  const members = await db.vendorMembership.findMany({
    where: { vendorId }, include: { user: { select: { id: true, email: true, name: true } } }, orderBy: [{ role: "asc" }, { createdAt: "asc" }],
  });
  return members.map((m) => ({ ...m, permissions: vendorPermissionsOf(m.role, m.permissions) }));
}

const appUrl = (path: string) => new URL(path, env.APP_URL).toString();

/**
 * Invites someone by email to join the vendor: stores a 256-bit token's SHA-256, valid
 * INVITATION_TTL_DAYS, and mails the link (in the invitee's locale if they have an account,
 * else the inviter's). Only an owner (or staff) may invite an owner. Call inside a transaction.
 */
export async function inviteMember(db: DbTx, actor: Actor, input: InviteMemberInput, access?: VendorAccess) {
  const mine = await resolveAccess(db, actor, input.vendorId, "members.manage", access);
  if (input.role === "OWNER" && !canActAsOwner(mine)) throw forbidden();
  await lockVendor(db, input.vendorId);
  const vendor = await db.vendor.findUniqueOrThrow({ where: { id: input.vendorId }, select: { id: true, name: true, status: true } });
  if (vendor.status === "CLOSED") throw conflict("vendors.closed");
  const invitee = await db.user.findUnique({ where: { email: input.email }, select: { id: true, name: true, locale: true } });
  if (invitee && (await db.vendorMembership.findUnique({ where: { userId_vendorId: { userId: invitee.id, vendorId: vendor.id } } }))) {
    throw conflict("vendors.alreadyMember");
  }
  const pending = await db.vendorInvitation.findFirst({
    where: { vendorId: vendor.id, email: input.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
  });
  if (pending) throw conflict("vendors.alreadyInvited");
  const permissions = input.role === "STAFF" ? input.permissions : [];
  const token = randomToken(32);
  const invitation = await db.vendorInvitation.create({
    select: { id: true, vendorId: true, email: true, role: true, permissions: true, invitedById: true, expiresAt: true, createdAt: true },
    data: {
      vendorId: vendor.id, email: input.email, role: input.role, permissions, tokenHash: sha256(token), invitedById: actor.userId,
      expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000),
    },
  });
  const inviter = await db.user.findUnique({ where: { id: actor.userId }, select: { name: true } });
  const locale = invitee?.locale ?? actor.locale;
  await sendMail(db, {
    to: input.email, locale, template: "vendorInvitation",
    vars: {
      name: invitee?.name ?? input.email, inviter: inviter?.name || actor.email, shop: vendor.name, role: input.role,
      url: appUrl(`/${locale}/invitations/${token}`), days: INVITATION_TTL_DAYS,
    },
  });
  await recordAudit(db, actor, {
    action: "vendor.invitation.create", resourceType: "vendor", resourceId: vendor.id,
    metadata: { invitationId: invitation.id, email: input.email, role: input.role, permissions, via: mine.via },
  });
  return invitation;
}

/** Invitations not accepted nor revoked, newest first; expired ones are flagged. */
export async function listInvitations(db: DbTx, actor: Actor, vendorId: string, access?: VendorAccess) {
  await resolveAccess(db, actor, vendorId, "members.manage", access);
  const rows = await db.vendorInvitation.findMany({
    where: { vendorId, acceptedAt: null, revokedAt: null },
    select: { id: true, email: true, role: true, permissions: true, invitedById: true, expiresAt: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const now = Date.now();
  return rows.map((r) => ({ ...r, permissions: vendorPermissionsOf(r.role, r.permissions), expired: r.expiresAt.getTime() <= now }));
}

/** Revokes a pending invitation (an owner's only by an owner or staff). Call inside a transaction. */
export async function revokeInvitation(db: DbTx, actor: Actor, input: RevokeInvitationInput, access?: VendorAccess) {
  const mine = await resolveAccess(db, actor, input.vendorId, "members.manage", access);
  const invitation = await db.vendorInvitation.findFirst({ where: { id: input.invitationId, vendorId: input.vendorId } });
  if (!invitation) throw notFound("vendors.invitationNotFound");
  if (invitation.role === "OWNER" && !canActAsOwner(mine)) throw forbidden();
  const { count } = await db.vendorInvitation.updateMany({
    where: { id: invitation.id, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() },
  });
  if (count !== 1) throw notFound("vendors.invitationNotFound");
  await recordAudit(db, actor, {
    action: "vendor.invitation.revoke", resourceType: "vendor", resourceId: input.vendorId,
    metadata: { invitationId: invitation.id, email: invitation.email, role: invitation.role, via: mine.via },
  });
}

export type InvitationState = "PENDING" | "EXPIRED" | "REVOKED" | "ACCEPTED" | "CLOSED";

/** What the accept page shows for a link: the shop, the role and whether it can still be used. */
export async function getInvitationByToken(db: DbTx, token: string) {
  const invitation = await db.vendorInvitation.findUnique({
    where: { tokenHash: sha256(token) },
    include: { vendor: { select: { id: true, name: true, slug: true, status: true } } },
  });
  if (!invitation) return null;
  const state: InvitationState = invitation.acceptedAt ? "ACCEPTED" : invitation.revokedAt ? "REVOKED"
    : invitation.vendor.status === "CLOSED" ? "CLOSED" : invitation.expiresAt.getTime() <= Date.now() ? "EXPIRED" : "PENDING";
  return {
    state, email: invitation.email, role: invitation.role, permissions: vendorPermissionsOf(invitation.role, invitation.permissions),
    expiresAt: invitation.expiresAt, vendor: { id: invitation.vendor.id, name: invitation.vendor.name, slug: invitation.vendor.slug },
  };
}

/**
 * Accepts an invitation as the signed-in account, whose email must be the invitation's. The
 * claim is one conditional UPDATE, so of concurrent clicks exactly one creates the membership.
 * Call inside a transaction.
 */
export async function acceptInvitation(db: DbTx, actor: Actor, token: string) {
  const tokenHash = sha256(token);
  const invitation = await db.vendorInvitation.findUnique({ where: { tokenHash }, include: { vendor: { select: { status: true } } } });
  if (!invitation) throw notFound("vendors.invitationInvalid");
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true } });
  if (user.email.toLowerCase() !== invitation.email.toLowerCase()) throw forbidden("vendors.invitationWrongAccount");
  if (invitation.revokedAt) throw conflict("vendors.invitationRevoked");
  if (invitation.acceptedAt) throw conflict("vendors.invitationUsed");
  if (invitation.vendor.status === "CLOSED") throw conflict("vendors.closed");
  if (invitation.expiresAt.getTime() <= Date.now()) throw conflict("vendors.invitationExpired");
  const now = new Date();
  const { count } = await db.vendorInvitation.updateMany({
    where: { tokenHash, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } }, data: { acceptedAt: now },
  });
  if (count !== 1) throw conflict("vendors.invitationUsed");
  if (await db.vendorMembership.findUnique({ where: { userId_vendorId: { userId: actor.userId, vendorId: invitation.vendorId } } })) {
    throw conflict("vendors.alreadyMember");
  }
  const membership = await db.vendorMembership.create({
    data: { userId: actor.userId, vendorId: invitation.vendorId, role: invitation.role, permissions: invitation.permissions },
  });
  await recordAudit(db, actor, {
    action: "vendor.invitation.accept", resourceType: "vendor", resourceId: invitation.vendorId,
    metadata: { invitationId: invitation.id, email: invitation.email, role: invitation.role, permissions: invitation.permissions },
  });
  return membership;
}

/** Removes a member; an owner only by an owner (or staff), and never the last owner. Call inside a transaction. */
export async function removeMember(db: DbTx, actor: Actor, input: RemoveMemberInput, access?: VendorAccess) {
  const mine = await resolveAccess(db, actor, input.vendorId, "members.manage", access);
  await lockVendor(db, input.vendorId);
  const membership = await db.vendorMembership.findUnique({
    where: { userId_vendorId: { userId: input.userId, vendorId: input.vendorId } }, include: { user: { select: { email: true } } },
  });
  if (!membership) throw notFound("vendors.memberNotFound");
  if (membership.role === "OWNER") {
    if (!canActAsOwner(mine)) throw forbidden();
    const owners = await db.vendorMembership.count({ where: { vendorId: input.vendorId, role: "OWNER" } });
    if (owners <= 1) throw conflict("vendors.lastOwner");
  }
  await db.vendorMembership.delete({ where: { userId_vendorId: { userId: input.userId, vendorId: input.vendorId } } });
  await recordAudit(db, actor, {
    action: "vendor.member.remove", resourceType: "vendor", resourceId: input.vendorId,
    metadata: { userId: input.userId, email: membership.user.email, role: membership.role, via: mine.via },
  });
}
