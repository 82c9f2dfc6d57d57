// Invitations, staff access to any vendor's members, profile media and createVendor races.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { AppError } from "@/server/lib/errors";
import { sha256 } from "@/server/lib/crypto";
import { createCaller } from "@/server/trpc/router";
import { actorFor, createStaffUser, createUser, meta, uniqueEmail, type TestUser } from "@/test/factories";
import {
  acceptInvitation, CreateVendorInput, createVendor, getInvitationByToken, InviteMemberInput, inviteMember, listInvitations, removeMember,
  revokeInvitation, updateShopProfile, UpdateShopProfileInput,
} from "./index";
import { invitationTokenFor } from "./vendors.test-helpers";

async function expectAppError(promise: Promise<unknown>, code: string, messageKey: string) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect({ code: (error as AppError).code, messageKey: (error as AppError).messageKey }).toEqual({ code, messageKey });
}

type TestActor = ReturnType<typeof actorFor>;

async function admin() {
  const { user } = await createStaffUser(db, ["vendors.manage"]);
  return { user, actor: actorFor(user, "session-of-admin") };
}

async function vendorWithOwner(adminActor: TestActor, name = "Green Grocer") {
  const owner = await createUser(db, { locale: "fr" });
  const vendor = await db.$transaction((tx) => createVendor(tx, adminActor, CreateVendorInput.parse({ name, ownerEmail: owner.email })));
  return { vendor, owner, ownerActor: actorFor(owner, "session-of-owner", { locale: "es" }) };
}

const invite = (actor: TestActor, vendorId: string, email: string, role: "OWNER" | "ADMIN" | "STAFF" = "STAFF", permissions: string[] = []) =>
  db.$transaction((tx) => inviteMember(tx, actor, InviteMemberInput.parse({ vendorId, email, role, permissions })));
const accept = (user: TestUser, token: string) => db.$transaction((tx) => acceptInvitation(tx, actorFor(user, `session-${user.id}`), token));

const callerFor = (user: Pick<TestUser, "id" | "email" | "name">) =>
  createCaller({ db, meta: meta(), session: { sessionId: "s", user: { id: user.id, email: user.email, name: user.name, locale: "en", twoFactor: false } } });

describe("vendor invitations", () => {
  it("stores only the token's hash, mails a translated link valid 7 days, and audits each step", async () => {
    const { actor } = await admin();
    const { vendor, ownerActor } = await vendorWithOwner(actor, "Maison Verte");
    const invitee = await createUser(db, { locale: "zh", name: "Li" });
    const before = Date.now();
    const invitation = await invite(ownerActor, vendor.id, invitee.email, "STAFF", ["products.write"]);
    expect(invitation).not.toHaveProperty("tokenHash");
    const token = await invitationTokenFor(db, invitee.email);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits, base64url
    const row = await db.vendorInvitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row.tokenHash).toBe(sha256(token));
    expect(row.tokenHash).not.toContain(token);
    expect(row.expiresAt.getTime() - before).toBeGreaterThanOrEqual(7 * 86_400_000 - 5_000);
    expect(row.expiresAt.getTime() - before).toBeLessThanOrEqual(7 * 86_400_000 + 5_000);
    // Rendered in the invitee's locale (they have an account), linking to that locale's page.
    const mail = await db.mailMessage.findFirstOrThrow({ where: { to: invitee.email, template: "vendorInvitation" } });
    expect(mail.subject).toContain("Maison Verte");
    expect(mail.subject).toMatch(/邀请/);
    expect(mail.text).toContain(`/zh/invitations/${token}`);
    // Someone without an account gets the inviter's locale.
    const stranger = uniqueEmail("stranger");
    await invite(ownerActor, vendor.id, stranger);
    const strangerMail = await db.mailMessage.findFirstOrThrow({ where: { to: stranger, template: "vendorInvitation" } });
    expect(strangerMail.text).toContain("/es/invitations/");
    expect(strangerMail.subject).toMatch(/invitan/);

    expect(await getInvitationByToken(db, token)).toMatchObject({ state: "PENDING", email: invitee.email, role: "STAFF", permissions: ["products.write"], vendor: { name: "Maison Verte" } });
    await accept(invitee, token);
    expect(await getInvitationByToken(db, token)).toMatchObject({ state: "ACCEPTED" });
    expect(await getInvitationByToken(db, "x".repeat(43))).toBeNull();
    const actions = (await db.auditLog.findMany({ where: { resourceId: vendor.id, action: { startsWith: "vendor.invitation" } }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["vendor.invitation.create", "vendor.invitation.create", "vendor.invitation.accept"]);
  });

  it("works once, even when the same link is clicked many times at once", async () => {
    const { actor } = await admin();
    for (let round = 0; round < 3; round += 1) {
      const { vendor, ownerActor } = await vendorWithOwner(actor);
      const invitee = await createUser(db);
      await invite(ownerActor, vendor.id, invitee.email, "ADMIN");
      const token = await invitationTokenFor(db, invitee.email);
      const results = await Promise.allSettled(Array.from({ length: 4 }, () => accept(invitee, token)));
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      for (const r of results.filter((r) => r.status === "rejected")) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
      expect(await db.vendorMembership.count({ where: { vendorId: vendor.id, userId: invitee.id } })).toBe(1);
      expect(await db.auditLog.count({ where: { resourceId: vendor.id, action: "vendor.invitation.accept" } })).toBe(1);
      await expectAppError(accept(invitee, token), "CONFLICT", "vendors.invitationUsed");
    }
  });

  it("refuses the wrong account, expired, revoked and unknown links", async () => {
    const { actor } = await admin();
    const { vendor, ownerActor } = await vendorWithOwner(actor);
    const invitee = await createUser(db);
    const someoneElse = await createUser(db);
    await invite(ownerActor, vendor.id, invitee.email);
    const token = await invitationTokenFor(db, invitee.email);
    await expectAppError(accept(someoneElse, token), "FORBIDDEN", "vendors.invitationWrongAccount");
    await expectAppError(accept(invitee, "y".repeat(43)), "NOT_FOUND", "vendors.invitationInvalid");

    // Expired.
    await db.vendorInvitation.updateMany({ where: { tokenHash: sha256(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getInvitationByToken(db, token)).toMatchObject({ state: "EXPIRED" });
    await expectAppError(accept(invitee, token), "CONFLICT", "vendors.invitationExpired");
    expect(await db.vendorMembership.count({ where: { vendorId: vendor.id, userId: invitee.id } })).toBe(0);
    // An expired invitation is still listed (flagged) and no longer blocks a new one.
    expect(await listInvitations(db, ownerActor, vendor.id)).toMatchObject([{ email: invitee.email, expired: true }]);

    // Revoked.
    const fresh = await invite(ownerActor, vendor.id, invitee.email);
    const freshToken = await invitationTokenFor(db, invitee.email);
    await expectAppError(invite(ownerActor, vendor.id, invitee.email), "CONFLICT", "vendors.alreadyInvited");
    await db.$transaction((tx) => revokeInvitation(tx, ownerActor, { vendorId: vendor.id, invitationId: fresh.id }));
    expect(await getInvitationByToken(db, freshToken)).toMatchObject({ state: "REVOKED" });
    await expectAppError(accept(invitee, freshToken), "CONFLICT", "vendors.invitationRevoked");
    await expectAppError(db.$transaction((tx) => revokeInvitation(tx, ownerActor, { vendorId: vendor.id, invitationId: fresh.id })), "NOT_FOUND", "vendors.invitationNotFound");
    expect(await db.vendorMembership.count({ where: { vendorId: vendor.id, userId: invitee.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { resourceId: vendor.id, action: "vendor.invitation.revoke" } })).toBe(1);
    expect((await listInvitations(db, ownerActor, vendor.id)).map((i) => i.id)).not.toContain(fresh.id);
  });

  it("refuses inviting a member, lets only owners invite (or revoke) owners, and refuses a closed shop", async () => {
    const { actor } = await admin();
    const { vendor, owner, ownerActor } = await vendorWithOwner(actor);
    await expectAppError(invite(ownerActor, vendor.id, owner.email), "CONFLICT", "vendors.alreadyMember");
    const manager = await createUser(db);
    await invite(ownerActor, vendor.id, manager.email, "ADMIN");
    await accept(manager, await invitationTokenFor(db, manager.email));
    const managerActor = actorFor(manager, "m");
    await expectAppError(invite(managerActor, vendor.id, uniqueEmail(), "OWNER"), "FORBIDDEN", "forbidden");
    const ownerInvite = await invite(ownerActor, vendor.id, uniqueEmail(), "OWNER");
    await expectAppError(db.$transaction((tx) => revokeInvitation(tx, managerActor, { vendorId: vendor.id, invitationId: ownerInvite.id })), "FORBIDDEN", "forbidden");
    // An invitation accepted after its invitee joined another way is refused, and rolled back.
    const later = await createUser(db);
    await invite(ownerActor, vendor.id, later.email);
    const laterToken = await invitationTokenFor(db, later.email);
    await db.vendorMembership.create({ data: { userId: later.id, vendorId: vendor.id, role: "STAFF", permissions: [] } });
    await expectAppError(accept(later, laterToken), "CONFLICT", "vendors.alreadyMember");
    expect(await getInvitationByToken(db, laterToken)).toMatchObject({ state: "PENDING" });
    // Closed shops take no one.
    const pendingInvitee = await createUser(db);
    await invite(ownerActor, vendor.id, pendingInvitee.email);
    const pendingToken = await invitationTokenFor(db, pendingInvitee.email);
    await db.vendor.update({ where: { id: vendor.id }, data: { status: "CLOSED" } });
    expect(await getInvitationByToken(db, pendingToken)).toMatchObject({ state: "CLOSED" });
    await expectAppError(accept(pendingInvitee, pendingToken), "CONFLICT", "vendors.closed");
  });
});

describe("vendor access across shops and for staff", () => {
  it("refuses a seller of vendor A every member procedure on vendor B, writing nothing", async () => {
    const { actor } = await admin();
    const mine = await vendorWithOwner(actor);
    const theirs = await vendorWithOwner(actor);
    const theirInvite = await invite(theirs.ownerActor, theirs.vendor.id, uniqueEmail());
    const seller = callerFor(mine.owner);
    const refused = (p: Promise<unknown>) => expect(p).rejects.toMatchObject({ code: "FORBIDDEN" });
    const before = await db.auditLog.count({ where: { resourceId: theirs.vendor.id } });
    const id = theirs.vendor.id;
    await refused(seller.vendors.listMembers({ vendorId: id }));
    await refused(seller.vendors.listInvitations({ vendorId: id }));
    await refused(seller.vendors.inviteMember({ vendorId: id, email: uniqueEmail(), role: "STAFF", permissions: [] }));
    await refused(seller.vendors.revokeInvitation({ vendorId: id, invitationId: theirInvite.id }));
    await refused(seller.vendors.removeMember({ vendorId: id, userId: theirs.owner.id }));
    await refused(seller.vendors.getShop({ vendorId: id }));
    // Passing another vendor's invitation id with one's own vendor id finds nothing.
    await expect(seller.vendors.revokeInvitation({ vendorId: mine.vendor.id, invitationId: theirInvite.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The services refuse on their own too (no router in between).
    await expectAppError(db.$transaction((tx) => revokeInvitation(tx, mine.ownerActor, { vendorId: id, invitationId: theirInvite.id })), "FORBIDDEN", "forbidden");
    await expectAppError(listInvitations(db, mine.ownerActor, id), "FORBIDDEN", "forbidden");
    // Nor do the admin procedures open up to a seller.
    await refused(seller.vendors.adminListMembers({ vendorId: id }));
    await refused(seller.vendors.adminInviteMember({ vendorId: id, email: uniqueEmail(), role: "STAFF", permissions: [] }));
    await refused(seller.vendors.adminRemoveMember({ vendorId: id, userId: theirs.owner.id }));
    await refused(seller.vendors.adminRevokeInvitation({ vendorId: id, invitationId: theirInvite.id }));
    expect(await db.auditLog.count({ where: { resourceId: theirs.vendor.id } })).toBe(before);
    expect(await db.vendorInvitation.findUniqueOrThrow({ where: { id: theirInvite.id } })).toMatchObject({ revokedAt: null });
    expect(await db.vendorMembership.count({ where: { vendorId: id } })).toBe(1);
  });

  it("lets staff with vendors.manage manage any vendor's members under the same rules, and refuses staff without it", async () => {
    const { user: adminUser, actor } = await admin();
    const { vendor, owner } = await vendorWithOwner(actor);
    const staffCaller = callerFor(adminUser);
    const { user: auditor } = await createStaffUser(db, ["audit.read", "users.manage"]);
    const auditorCaller = callerFor(auditor);
    const refused = (p: Promise<unknown>) => expect(p).rejects.toMatchObject({ code: "FORBIDDEN" });
    await refused(auditorCaller.vendors.adminListMembers({ vendorId: vendor.id }));
    await refused(auditorCaller.vendors.adminListInvitations({ vendorId: vendor.id }));
    await refused(auditorCaller.vendors.adminInviteMember({ vendorId: vendor.id, email: uniqueEmail(), role: "OWNER", permissions: [] }));
    await refused(auditorCaller.vendors.adminRemoveMember({ vendorId: vendor.id, userId: owner.id }));
    await refused(auditorCaller.vendors.listVendors({}));
    await refused(auditorCaller.vendors.createVendor({ name: "Nope", ownerEmail: owner.email }));

    // Staff may invite an owner, list, revoke, and remove, but never the last owner.
    const partner = await createUser(db);
    await staffCaller.vendors.adminInviteMember({ vendorId: vendor.id, email: partner.email, role: "OWNER", permissions: [] });
    await expect(staffCaller.vendors.adminInviteMember({ vendorId: vendor.id, email: owner.email, role: "STAFF", permissions: [] })).rejects.toMatchObject({ code: "CONFLICT" });
    const extra = await staffCaller.vendors.adminInviteMember({ vendorId: vendor.id, email: uniqueEmail(), role: "STAFF", permissions: ["orders.fulfil"] });
    expect((await staffCaller.vendors.adminListInvitations({ vendorId: vendor.id })).map((i) => i.email).sort()).toEqual([partner.email, extra.email].sort());
    await staffCaller.vendors.adminRevokeInvitation({ vendorId: vendor.id, invitationId: extra.id });
    await expect(staffCaller.vendors.adminRemoveMember({ vendorId: vendor.id, userId: owner.id })).rejects.toMatchObject({ code: "CONFLICT", message: "vendors.lastOwner" });
    await accept(partner, await invitationTokenFor(db, partner.email));
    await staffCaller.vendors.adminRemoveMember({ vendorId: vendor.id, userId: owner.id });
    expect((await staffCaller.vendors.adminListMembers({ vendorId: vendor.id })).map((m) => [m.user.email, m.role])).toEqual([[partner.email, "OWNER"]]);
    expect(await db.auditLog.findFirstOrThrow({ where: { resourceId: vendor.id, action: "vendor.member.remove" } })).toMatchObject({ actorId: adminUser.id, metadata: { via: "staff" } });
    await expect(staffCaller.vendors.adminListMembers({ vendorId: "no-such-vendor" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Staff access is only ever handed out by the admin procedures: calling a service without it checks membership.
    await expectAppError(db.$transaction((tx) => removeMember(tx, actor, { vendorId: vendor.id, userId: partner.id })), "FORBIDDEN", "forbidden");
  });
});

describe("shop profile", () => {
  it("edits name (slug stays), phone and policies with before/after audit, and accepts only this vendor's media", async () => {
    const { actor } = await admin();
    const mine = await vendorWithOwner(actor, "Tea House");
    const theirs = await vendorWithOwner(actor);
    const asset = (vendorId: string | null) => db.mediaAsset.create({
      data: { vendorId, storageKey: `k/${Math.random()}`, originalName: "a.png", width: 10, height: 10, byteSize: 100, widths: [10], formats: ["webp"] },
    });
    const [myLogo, myBanner, theirLogo, platformImage] = await Promise.all([asset(mine.vendor.id), asset(mine.vendor.id), asset(theirs.vendor.id), asset(null)]);
    const update = (input: Record<string, unknown>) =>
      db.$transaction((tx) => updateShopProfile(tx, mine.ownerActor, UpdateShopProfileInput.parse({ vendorId: mine.vendor.id, ...input })));
    const updated = await update({ name: "Tea House & Co", supportPhone: " +44 (20) 7946-0000 ", returnPolicy: "30 days", shippingPolicy: "2 days", logoId: myLogo.id, bannerId: myBanner.id });
    expect(updated).toMatchObject({ name: "Tea House & Co", slug: mine.vendor.slug, supportPhone: "+44 (20) 7946-0000", returnPolicy: "30 days", shippingPolicy: "2 days", logoId: myLogo.id, bannerId: myBanner.id });
    const audit = await db.auditLog.findFirstOrThrow({ where: { resourceId: mine.vendor.id, action: "vendor.profile" } });
    expect(audit.metadata).toMatchObject({ before: { name: "Tea House", supportPhone: null, logoId: null }, after: { name: "Tea House & Co", supportPhone: "+44 (20) 7946-0000", logoId: myLogo.id } });

    await expectAppError(update({ logoId: theirLogo.id }), "BAD_REQUEST", "vendors.mediaNotFound");
    await expectAppError(update({ bannerId: platformImage.id }), "BAD_REQUEST", "vendors.mediaNotFound");
    await expectAppError(update({ logoId: "no-such-asset" }), "BAD_REQUEST", "vendors.mediaNotFound");
    expect(await db.vendor.findUniqueOrThrow({ where: { id: mine.vendor.id } })).toMatchObject({ logoId: myLogo.id, bannerId: myBanner.id });
    // Clearing works; empty phone is stored as null.
    expect(await update({ logoId: null, supportPhone: "" })).toMatchObject({ logoId: null, supportPhone: null });
    // Limits.
    expect(UpdateShopProfileInput.safeParse({ vendorId: "v", returnPolicy: "x".repeat(5001) }).error?.issues[0]?.message).toBe("validation.tooLong");
    expect(UpdateShopProfileInput.safeParse({ vendorId: "v", supportPhone: "call me" }).error?.issues[0]?.message).toBe("validation.phone");
  });
});

describe("creating vendors at once", () => {
  it("gives two simultaneous vendors of the same name distinct slugs instead of a database error", async () => {
    const { actor } = await admin();
    for (let round = 0; round < 3; round += 1) {
      const name = `Twin Shop ${round} ${Date.now()}`;
      const [a, b] = await Promise.all([createUser(db), createUser(db)]);
      const results = await Promise.allSettled([a, b, a].map((owner) =>
        db.$transaction((tx) => createVendor(tx, actor, CreateVendorInput.parse({ name, ownerEmail: owner.email })))));
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled"]);
      const slugs = results.map((r) => (r as PromiseFulfilledResult<{ slug: string }>).value.slug).sort();
      expect(new Set(slugs).size).toBe(3);
    }
  });

  it("answers a translated conflict when two admins claim the same explicit slug at once", async () => {
    const { actor } = await admin();
    const owner = await createUser(db);
    const slug = `claimed-${Date.now()}`;
    const results = await Promise.allSettled([0, 1].map(() =>
      db.$transaction((tx) => createVendor(tx, actor, CreateVendorInput.parse({ name: "Claimed", slug, ownerEmail: owner.email })))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(AppError);
    expect(rejected.reason).toMatchObject({ code: "CONFLICT", messageKey: "vendors.slugTaken" });
  });
});
