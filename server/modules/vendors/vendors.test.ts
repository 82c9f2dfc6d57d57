import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { AppError } from "@/server/lib/errors";
import { createCaller } from "@/server/trpc/router";
import { actorFor, createStaffUser, createUser, meta, uniqueEmail, type TestUser } from "@/test/factories";
import {
  acceptInvitation, ChangeVendorStatusInput, changeVendorStatus, CreateVendorInput, createVendor, getVendorHistory, getVendorMembership,
  InviteMemberInput, inviteMember, listMembers, listVendors, removeMember, setAcceptingOrders, shopSlug, updateShopProfile, UpdateShopProfileInput,
  updateVendor, UpdateVendorInput,
} from "./index";
import { invitationTokenFor } from "./vendors.test-helpers";

/** Invites `user` and accepts as them: the only way into a shop. */
async function addMember(inviter: ReturnType<typeof actorFor>, vendorId: string, user: TestUser, role: "OWNER" | "ADMIN" | "STAFF" = "STAFF", permissions: string[] = []) {
  await db.$transaction((tx) => inviteMember(tx, inviter, InviteMemberInput.parse({ vendorId, email: user.email, role, permissions })));
  const token = await invitationTokenFor(db, user.email);
  await db.$transaction((tx) => acceptInvitation(tx, actorFor(user, `session-of-${user.id}`), token));
}

async function expectAppError(promise: Promise<unknown>, code: string, messageKey: string) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect({ code: (error as AppError).code, messageKey: (error as AppError).messageKey }).toEqual({ code, messageKey });
}

async function admin() {
  const { user } = await createStaffUser(db, ["vendors.manage"]);
  return actorFor(user, "session-of-admin");
}

/** A PENDING vendor with a fresh owner; returns the vendor, the owner and the owner's actor. */
async function vendorWithOwner(adminActor: Awaited<ReturnType<typeof admin>>, name = "Green Grocer") {
  const owner = await createUser(db);
  const vendor = await db.$transaction((tx) => createVendor(tx, adminActor, CreateVendorInput.parse({ name, ownerEmail: owner.email })));
  return { vendor, owner, ownerActor: actorFor(owner, "session-of-owner") };
}

const change = (actor: Awaited<ReturnType<typeof admin>>, vendorId: string, to: string, extra: Record<string, unknown> = {}) =>
  db.$transaction((tx) => changeVendorStatus(tx, actor, ChangeVendorStatusInput.parse({ vendorId, to, reason: `to ${to}`, ...extra })));

/** Everything a status change writes, to prove a refused one wrote nothing. */
async function snapshot(vendorId: string) {
  const [vendor, history, audits] = await Promise.all([
    db.vendor.findUniqueOrThrow({ where: { id: vendorId } }),
    db.vendorStatusChange.count({ where: { vendorId } }),
    db.auditLog.count({ where: { resourceId: vendorId } }),
  ]);
  return { vendor, history, audits };
}

describe("creating vendors", () => {
  it("creates a PENDING vendor with an OWNER membership, a first history row and an audit entry", async () => {
    const actor = await admin();
    const { vendor, owner } = await vendorWithOwner(actor, "Café Örn & Co");
    expect(vendor).toMatchObject({ name: "Café Örn & Co", slug: "cafe-orn-co", status: "PENDING", description: "", supportEmail: null, acceptingOrders: true });
    expect(await db.vendorMembership.findUnique({ where: { userId_vendorId: { userId: owner.id, vendorId: vendor.id } } })).toMatchObject({ role: "OWNER" });
    expect(await getVendorHistory(db, vendor.id)).toMatchObject([{ from: null, to: "PENDING", actorId: actor.userId }]);
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "vendor.create", resourceId: vendor.id } })).toMatchObject({
      actorId: actor.userId, resourceType: "vendor", metadata: { slug: "cafe-orn-co", ownerEmail: owner.email },
    });
  });

  it("keeps slugs unique with -2, -3 suffixes and refuses a taken explicit slug", async () => {
    const actor = await admin();
    const name = `Dup Shop ${Date.now()}`;
    const base = shopSlug(name);
    const slugs = [];
    for (let i = 0; i < 3; i += 1) slugs.push((await vendorWithOwner(actor, name)).vendor.slug);
    expect(slugs).toEqual([base, `${base}-2`, `${base}-3`]);
    const owner = await createUser(db);
    await expectAppError(db.$transaction((tx) => createVendor(tx, actor, CreateVendorInput.parse({ name: "Other", slug: base, ownerEmail: owner.email }))),
      "CONFLICT", "vendors.slugTaken");
  });

  it("refuses an owner who has no account, writing nothing", async () => {
    const actor = await admin();
    const before = await db.vendor.count();
    await expectAppError(db.$transaction((tx) => createVendor(tx, actor, CreateVendorInput.parse({ name: "Ghost Shop", ownerEmail: uniqueEmail("nobody") }))),
      "BAD_REQUEST", "vendors.ownerNotFound");
    expect(await db.vendor.count()).toBe(before);
  });

  it("lets an admin edit the name, description and support address, audited", async () => {
    const actor = await admin();
    const { vendor } = await vendorWithOwner(actor);
    const updated = await db.$transaction((tx) =>
      updateVendor(tx, actor, UpdateVendorInput.parse({ vendorId: vendor.id, name: "Blue Grocer", description: "Fresh", supportEmail: "Help@Shop.test" })));
    expect(updated).toMatchObject({ name: "Blue Grocer", description: "Fresh", supportEmail: "help@shop.test", slug: vendor.slug });
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "vendor.update", resourceId: vendor.id } })).toMatchObject({
      metadata: { before: { name: "Green Grocer" }, after: { name: "Blue Grocer" } },
    });
  });
});

describe("vendor lifecycle", () => {
  it("approves, suspends, reinstates and closes, one history row and one audit entry per change", async () => {
    const actor = await admin();
    const { vendor } = await vendorWithOwner(actor);
    for (const to of ["ACTIVE", "SUSPENDED", "ACTIVE", "CLOSED"]) await change(actor, vendor.id, to);
    expect((await db.vendor.findUniqueOrThrow({ where: { id: vendor.id } })).status).toBe("CLOSED");
    const history = await getVendorHistory(db, vendor.id);
    expect(history.map((h) => [h.from, h.to, h.reason])).toEqual([
      [null, "PENDING", "created"], ["PENDING", "ACTIVE", "to ACTIVE"], ["ACTIVE", "SUSPENDED", "to SUSPENDED"],
      ["SUSPENDED", "ACTIVE", "to ACTIVE"], ["ACTIVE", "CLOSED", "to CLOSED"],
    ]);
    const audits = await db.auditLog.findMany({ where: { action: "vendor.status", resourceId: vendor.id }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.metadata)).toEqual([
      { from: "PENDING", to: "ACTIVE", reason: "to ACTIVE" }, { from: "ACTIVE", to: "SUSPENDED", reason: "to SUSPENDED" },
      { from: "SUSPENDED", to: "ACTIVE", reason: "to ACTIVE" }, { from: "ACTIVE", to: "CLOSED", reason: "to CLOSED" },
    ]);
  });

  it("closes straight from pending and from suspended", async () => {
    const actor = await admin();
    const a = await vendorWithOwner(actor);
    await change(actor, a.vendor.id, "CLOSED");
    const b = await vendorWithOwner(actor);
    await change(actor, b.vendor.id, "ACTIVE");
    await change(actor, b.vendor.id, "SUSPENDED");
    await change(actor, b.vendor.id, "CLOSED");
    expect((await db.vendor.findUniqueOrThrow({ where: { id: b.vendor.id } })).status).toBe("CLOSED");
  });

  it("refuses every invalid transition with CONFLICT and writes nothing", async () => {
    const actor = await admin();
    const invalid: Record<string, string[]> = {
      PENDING: ["PENDING", "SUSPENDED"], ACTIVE: ["ACTIVE", "PENDING"], SUSPENDED: ["SUSPENDED", "PENDING"], CLOSED: ["PENDING", "ACTIVE", "SUSPENDED", "CLOSED"],
    };
    const path: Record<string, string[]> = { PENDING: [], ACTIVE: ["ACTIVE"], SUSPENDED: ["ACTIVE", "SUSPENDED"], CLOSED: ["CLOSED"] };
    for (const [from, targets] of Object.entries(invalid)) {
      const { vendor } = await vendorWithOwner(actor);
      for (const step of path[from]!) await change(actor, vendor.id, step);
      const before = await snapshot(vendor.id);
      expect(before.vendor.status).toBe(from);
      for (const to of targets) await expectAppError(change(actor, vendor.id, to), "CONFLICT", "vendors.invalidTransition");
      expect(await snapshot(vendor.id)).toEqual(before);
    }
  });

  it("requires a reason of 1–500 characters and refuses unknown vendors", async () => {
    expect(ChangeVendorStatusInput.safeParse({ vendorId: "v", to: "ACTIVE", reason: "   " }).error?.issues[0]?.message).toBe("validation.required");
    expect(ChangeVendorStatusInput.safeParse({ vendorId: "v", to: "ACTIVE", reason: "x".repeat(501) }).error?.issues[0]?.message).toBe("validation.tooLong");
    expect(ChangeVendorStatusInput.safeParse({ vendorId: "v", to: "ACTIVE", reason: "x".repeat(500) }).success).toBe(true);
    await expectAppError(change(await admin(), "no-such-vendor", "ACTIVE"), "NOT_FOUND", "vendors.notFound");
  });

  it("lets exactly one of a racing approve and suspend win on a pending vendor", async () => {
    const actor = await admin();
    const other = await admin();
    for (let round = 0; round < 5; round += 1) {
      const { vendor } = await vendorWithOwner(actor);
      // Both admins act on the PENDING vendor they see: one approves, the other suspends.
      const results = await Promise.allSettled([
        change(actor, vendor.id, "ACTIVE", { expectedStatus: "PENDING" }),
        change(other, vendor.id, "SUSPENDED", { expectedStatus: "PENDING" }),
      ]);
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected"]);
      expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
      expect((await getVendorHistory(db, vendor.id)).map((h) => h.to)).toEqual(["PENDING", "ACTIVE"]);
      expect(await db.auditLog.count({ where: { action: "vendor.status", resourceId: vendor.id } })).toBe(1);
    }
  });

  it("lets exactly one of two racing admins win (suspend vs close as seen on screen)", async () => {
    const actor = await admin();
    const other = await admin();
    for (let round = 0; round < 5; round += 1) {
      const { vendor } = await vendorWithOwner(actor);
      await change(actor, vendor.id, "ACTIVE");
      // Both admins look at the ACTIVE vendor: one suspends it, the other closes it.
      const results = await Promise.allSettled([
        change(actor, vendor.id, "SUSPENDED", { expectedStatus: "ACTIVE" }),
        change(other, vendor.id, "CLOSED", { expectedStatus: "ACTIVE" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(rejected.reason).toBeInstanceOf(AppError);
      expect((rejected.reason as AppError).code).toBe("CONFLICT");
      const history = await getVendorHistory(db, vendor.id);
      expect(history.filter((h) => h.from === "ACTIVE")).toHaveLength(1);
      expect(await db.auditLog.count({ where: { action: "vendor.status", resourceId: vendor.id } })).toBe(2);
    }
  });

  it("lets exactly one of two simultaneous approvals through", async () => {
    const actor = await admin();
    const other = await admin();
    const { vendor } = await vendorWithOwner(actor);
    const results = await Promise.allSettled([change(actor, vendor.id, "ACTIVE"), change(other, vendor.id, "ACTIVE")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await getVendorHistory(db, vendor.id)).filter((h) => h.to === "ACTIVE")).toHaveLength(1);
  });

  it("lists vendors by status and query, a page at a time", async () => {
    const actor = await admin();
    const tag = `List${Date.now()}`;
    const made = [];
    for (let i = 0; i < 3; i += 1) made.push((await vendorWithOwner(actor, `${tag} ${i}`)).vendor);
    await change(actor, made[0]!.id, "ACTIVE");
    const first = await listVendors(db, { query: tag.toLowerCase(), limit: 2 });
    expect(first.vendors).toHaveLength(2);
    const second = await listVendors(db, { query: tag, limit: 2, cursor: first.nextCursor! });
    expect(second).toMatchObject({ nextCursor: null });
    expect([...first.vendors, ...second.vendors].map((v) => v.id).sort()).toEqual(made.map((v) => v.id).sort());
    expect((await listVendors(db, { query: tag, status: "ACTIVE" })).vendors.map((v) => v.id)).toEqual([made[0]!.id]);
  });

  it("takes a closed vendor out of its members' reach", async () => {
    const actor = await admin();
    const { vendor, owner } = await vendorWithOwner(actor);
    expect(await getVendorMembership(db, owner.id, vendor.id)).not.toBeNull();
    await change(actor, vendor.id, "CLOSED");
    expect(await getVendorMembership(db, owner.id, vendor.id)).toBeNull();
  });
});

describe("seller center", () => {
  it("lets the owner pause orders and edit the profile, audited", async () => {
    const actor = await admin();
    const { vendor, ownerActor } = await vendorWithOwner(actor);
    await db.$transaction((tx) => setAcceptingOrders(tx, ownerActor, { vendorId: vendor.id, accepting: false }));
    await db.$transaction((tx) => updateShopProfile(tx, ownerActor, UpdateShopProfileInput.parse({ vendorId: vendor.id, description: "Hello", supportEmail: null })));
    expect(await db.vendor.findUniqueOrThrow({ where: { id: vendor.id } })).toMatchObject({ acceptingOrders: false, description: "Hello", supportEmail: null });
    expect(await db.auditLog.count({ where: { resourceId: vendor.id, action: { in: ["vendor.acceptingOrders", "vendor.profile"] }, actorId: ownerActor.userId } })).toBe(2);
  });

  it("refuses a seller acting on another vendor with FORBIDDEN, writing nothing", async () => {
    const actor = await admin();
    const mine = await vendorWithOwner(actor);
    const theirs = await vendorWithOwner(actor);
    const before = await snapshot(theirs.vendor.id);
    await expectAppError(db.$transaction((tx) => setAcceptingOrders(tx, mine.ownerActor, { vendorId: theirs.vendor.id, accepting: false })), "FORBIDDEN", "forbidden");
    await expectAppError(db.$transaction((tx) => updateShopProfile(tx, mine.ownerActor, UpdateShopProfileInput.parse({ vendorId: theirs.vendor.id, description: "pwned" }))), "FORBIDDEN", "forbidden");
    await expectAppError(db.$transaction((tx) => inviteMember(tx, mine.ownerActor, InviteMemberInput.parse({ vendorId: theirs.vendor.id, email: mine.owner.email, role: "OWNER" }))), "FORBIDDEN", "forbidden");
    await expectAppError(db.$transaction((tx) => removeMember(tx, mine.ownerActor, { vendorId: theirs.vendor.id, userId: theirs.owner.id })), "FORBIDDEN", "forbidden");
    expect(await snapshot(theirs.vendor.id)).toEqual(before);
  });

  it("adds members through invitations, limits staff to their permissions and protects the last owner", async () => {
    const actor = await admin();
    const { vendor, owner, ownerActor } = await vendorWithOwner(actor);
    const clerk = await createUser(db);
    await db.$transaction((tx) => inviteMember(tx, ownerActor, InviteMemberInput.parse({ vendorId: vendor.id, email: clerk.email.toUpperCase(), permissions: ["orders.fulfil", "orders.fulfil"] })));
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "vendor.invitation.create", resourceId: vendor.id } })).toMatchObject({ metadata: { email: clerk.email, role: "STAFF", permissions: ["orders.fulfil"] } });
    const clerkToken = await invitationTokenFor(db, clerk.email);
    await db.$transaction((tx) => acceptInvitation(tx, actorFor(clerk, "session-of-clerk"), clerkToken));
    expect(await db.vendorMembership.findUniqueOrThrow({ where: { userId_vendorId: { userId: clerk.id, vendorId: vendor.id } } })).toMatchObject({ role: "STAFF", permissions: ["orders.fulfil"] });
    await expectAppError(db.$transaction((tx) => inviteMember(tx, ownerActor, InviteMemberInput.parse({ vendorId: vendor.id, email: clerk.email }))), "CONFLICT", "vendors.alreadyMember");
    // Staff without members.manage can't manage members.
    const clerkActor = actorFor(clerk, "session-of-clerk");
    await expectAppError(db.$transaction((tx) => setAcceptingOrders(tx, clerkActor, { vendorId: vendor.id, accepting: false })), "FORBIDDEN", "forbidden");
    await expectAppError(db.$transaction((tx) => removeMember(tx, clerkActor, { vendorId: vendor.id, userId: owner.id })), "FORBIDDEN", "forbidden");
    await expectAppError(db.$transaction((tx) => inviteMember(tx, clerkActor, InviteMemberInput.parse({ vendorId: vendor.id, email: uniqueEmail() }))), "FORBIDDEN", "forbidden");

    // The only owner can't be removed, even by themselves.
    await expectAppError(db.$transaction((tx) => removeMember(tx, ownerActor, { vendorId: vendor.id, userId: owner.id })), "CONFLICT", "vendors.lastOwner");
    // An admin member may not add or remove owners.
    const manager = await createUser(db);
    await addMember(ownerActor, vendor.id, manager, "ADMIN");
    const managerActor = actorFor(manager, "session-of-manager");
    await expectAppError(db.$transaction((tx) => removeMember(tx, managerActor, { vendorId: vendor.id, userId: owner.id })), "FORBIDDEN", "forbidden");
    await expectAppError(db.$transaction((tx) => inviteMember(tx, managerActor, InviteMemberInput.parse({ vendorId: vendor.id, email: uniqueEmail(), role: "OWNER" }))), "FORBIDDEN", "forbidden");
    // With a second owner, the first may leave.
    const partner = await createUser(db);
    await addMember(ownerActor, vendor.id, partner, "OWNER");
    await db.$transaction((tx) => removeMember(tx, ownerActor, { vendorId: vendor.id, userId: owner.id }));
    await db.$transaction((tx) => removeMember(tx, managerActor, { vendorId: vendor.id, userId: clerk.id }));
    await expectAppError(db.$transaction((tx) => removeMember(tx, managerActor, { vendorId: vendor.id, userId: clerk.id })), "NOT_FOUND", "vendors.memberNotFound");
    const members = await listMembers(db, actorFor(partner, "session-of-partner"), vendor.id);
    expect(members.map((m) => [m.user.email, m.role])).toEqual([[partner.email, "OWNER"], [manager.email, "ADMIN"]]);
    expect(await db.auditLog.count({ where: { action: "vendor.member.remove", resourceId: vendor.id } })).toBe(2);
  });

  it("refuses two owners removing each other at once from leaving the shop ownerless", async () => {
    const actor = await admin();
    const { vendor, owner, ownerActor } = await vendorWithOwner(actor);
    const partner = await createUser(db);
    await addMember(ownerActor, vendor.id, partner, "OWNER");
    const results = await Promise.allSettled([
      db.$transaction((tx) => removeMember(tx, ownerActor, { vendorId: vendor.id, userId: partner.id })),
      db.$transaction((tx) => removeMember(tx, actorFor(partner, "s"), { vendorId: vendor.id, userId: owner.id })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.vendorMembership.count({ where: { vendorId: vendor.id, role: "OWNER" } })).toBe(1);
  });
});

describe("vendors router", () => {
  const callerFor = (user: Pick<TestUser, "id" | "email" | "name">) =>
    createCaller({ db, meta: meta(), session: { sessionId: "s", user: { id: user.id, email: user.email, name: user.name, locale: "en", twoFactor: false } } });

  it("refuses a seller changing another vendor, and a non-admin changing a status, with FORBIDDEN", async () => {
    const actor = await admin();
    const mine = await vendorWithOwner(actor);
    const theirs = await vendorWithOwner(actor);
    const seller = callerFor(mine.owner);
    const refused = (p: Promise<unknown>) => expect(p).rejects.toMatchObject({ code: "FORBIDDEN" });
    await refused(seller.vendors.setAcceptingOrders({ vendorId: theirs.vendor.id, accepting: false }));
    await refused(seller.vendors.updateShopProfile({ vendorId: theirs.vendor.id, description: "pwned" }));
    await refused(seller.vendors.removeMember({ vendorId: theirs.vendor.id, userId: theirs.owner.id }));
    await refused(seller.vendors.changeVendorStatus({ vendorId: mine.vendor.id, to: "ACTIVE", reason: "self-approval" }));
    expect((await db.vendor.findUniqueOrThrow({ where: { id: theirs.vendor.id } })).acceptingOrders).toBe(true);
    // Their own shop works through the same procedures.
    await seller.vendors.setAcceptingOrders({ vendorId: mine.vendor.id, accepting: false });
    const adminUser = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
    const approved = await callerFor(adminUser).vendors.changeVendorStatus({ vendorId: mine.vendor.id, to: "ACTIVE", reason: "ok" });
    expect(approved).toMatchObject({ from: "PENDING", to: "ACTIVE" });
  });
});
