import { describe, expect, it } from "vitest";
import type { StaffPermission } from "@/lib/permissions";
import { db } from "@/server/db";
import { AppError } from "@/server/lib/errors";
import { actorFor, createStaffUser, createUser, uniqueEmail } from "@/test/factories";
import {
  AssignStaffRoleInput, assignStaffRole, CreateStaffRoleInput, createStaffRole, deleteStaffRole, getStaffPermissions, isStaff,
  listStaffRoles, unassignStaffRole, UpdateStaffRoleInput, updateStaffRole,
} from "./index";

async function expectAppError(promise: Promise<unknown>, code: string, messageKey: string) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect({ code: (error as AppError).code, messageKey: (error as AppError).messageKey }).toEqual({ code, messageKey });
}

/** A staff manager and the actor they act as. */
async function manager() {
  const { user, role } = await createStaffUser(db, ["staff.manage"]);
  return { user, role, actor: actorFor(user, "session-of-manager") };
}

/** Snapshot of everything access changes touch, to prove a refused change left nothing behind. */
async function snapshot() {
  const [roles, assignments, audits] = await Promise.all([
    db.staffRole.findMany({ orderBy: { id: "asc" } }),
    db.staffAssignment.findMany({ orderBy: [{ userId: "asc" }, { roleId: "asc" }] }),
    db.auditLog.count(),
  ]);
  return { roles, assignments, audits };
}

const lastAudit = (action: string) => db.auditLog.findFirstOrThrow({ where: { action }, orderBy: { id: "desc" } });

describe("staff roles", () => {
  it("creates a role (permissions deduplicated and sorted) and audits it", async () => {
    const { actor } = await manager();
    const input = CreateStaffRoleInput.parse({ name: "  Support  ", permissions: ["users.read", "audit.read", "users.read"] });
    const role = await db.$transaction((tx) => createStaffRole(tx, actor, input));
    expect(role).toMatchObject({ name: "Support", description: "", permissions: ["audit.read", "users.read"] });
    expect(await lastAudit("staffRole.create")).toMatchObject({
      actorId: actor.userId, actorEmail: actor.email, resourceType: "staffRole", resourceId: role.id,
      metadata: { name: "Support", permissions: ["audit.read", "users.read"] },
    });
    await expectAppError(db.$transaction((tx) => createStaffRole(tx, actor, input)), "CONFLICT", "staff.roleNameTaken");
  });

  it("rejects unknown permissions and bad names at the schema", () => {
    expect(CreateStaffRoleInput.safeParse({ name: "X1", permissions: ["root.everything"] }).success).toBe(false);
    expect(CreateStaffRoleInput.safeParse({ name: "X", permissions: [] }).error?.issues[0]?.message).toBe("validation.tooShort");
    expect(CreateStaffRoleInput.safeParse({ name: "x".repeat(61), permissions: [] }).error?.issues[0]?.message).toBe("validation.tooLong");
  });

  it("updates a role and records before and after", async () => {
    const { actor } = await manager();
    const role = await db.$transaction((tx) => createStaffRole(tx, actor, CreateStaffRoleInput.parse({ name: "Moderators", permissions: ["catalog.moderate"] })));
    const updated = await db.$transaction((tx) =>
      updateStaffRole(tx, actor, UpdateStaffRoleInput.parse({ id: role.id, name: "Moderation", description: "Reviews listings", permissions: ["catalog.moderate", "content.manage"] })),
    );
    expect(updated).toMatchObject({ id: role.id, name: "Moderation", description: "Reviews listings", permissions: ["catalog.moderate", "content.manage"] });
    expect(await lastAudit("staffRole.update")).toMatchObject({
      resourceId: role.id,
      metadata: { before: { name: "Moderators", permissions: ["catalog.moderate"] }, after: { name: "Moderation", permissions: ["catalog.moderate", "content.manage"] } },
    });
    await expectAppError(
      db.$transaction((tx) => updateStaffRole(tx, actor, UpdateStaffRoleInput.parse({ id: "missing", name: "Nope", permissions: [] }))),
      "NOT_FOUND", "staff.roleNotFound",
    );
  });

  it("refuses to rename a role onto another role's name", async () => {
    const { actor } = await manager();
    await db.$transaction((tx) => createStaffRole(tx, actor, CreateStaffRoleInput.parse({ name: "Finance", permissions: ["payments.refund"] })));
    const other = await db.$transaction((tx) => createStaffRole(tx, actor, CreateStaffRoleInput.parse({ name: "Tax", permissions: ["tax.manage"] })));
    await expectAppError(
      db.$transaction((tx) => updateStaffRole(tx, actor, UpdateStaffRoleInput.parse({ id: other.id, name: "Finance", permissions: ["tax.manage"] }))),
      "CONFLICT", "staff.roleNameTaken",
    );
  });

  it("deletes a role (its holders lose it) and audits it", async () => {
    const { actor } = await manager();
    const { user, role } = await createStaffUser(db, ["analytics.read"]);
    expect(await isStaff(db, user.id)).toBe(true);
    await db.$transaction((tx) => deleteStaffRole(tx, actor, role.id));
    expect(await db.staffRole.findUnique({ where: { id: role.id } })).toBeNull();
    expect(await isStaff(db, user.id)).toBe(false);
    expect(await lastAudit("staffRole.delete")).toMatchObject({ resourceId: role.id, metadata: { name: role.name } });
    await expectAppError(db.$transaction((tx) => deleteStaffRole(tx, actor, role.id)), "NOT_FOUND", "staff.roleNotFound");
  });
});

describe("assignments", () => {
  it("assigns a role by email, grants its permissions, and audits it", async () => {
    const { actor } = await manager();
    const target = await createUser(db);
    const role = await db.$transaction((tx) => createStaffRole(tx, actor, CreateStaffRoleInput.parse({ name: "Orders desk", permissions: ["orders.manage", "disputes.manage"] })));
    expect(await getStaffPermissions(db, target.id)).toEqual(new Set());

    await db.$transaction((tx) => assignStaffRole(tx, actor, AssignStaffRoleInput.parse({ email: target.email.toUpperCase(), roleId: role.id })));
    expect(await getStaffPermissions(db, target.id)).toEqual(new Set<StaffPermission>(["orders.manage", "disputes.manage"]));
    expect(await lastAudit("staffRole.assign")).toMatchObject({ actorId: actor.userId, resourceType: "user", resourceId: target.id, metadata: { role: "Orders desk", email: target.email } });
    const listed = (await listStaffRoles(db)).find((r) => r.id === role.id);
    expect(listed?.assignments.map((a) => a.user.email)).toEqual([target.email]);

    await expectAppError(
      db.$transaction((tx) => assignStaffRole(tx, actor, { email: target.email, roleId: role.id })),
      "CONFLICT", "staff.alreadyAssigned",
    );
  });

  it("refuses an unknown email (staff.userNotFound) or role, writing nothing", async () => {
    const { actor, role } = await manager();
    const before = await snapshot();
    await expectAppError(db.$transaction((tx) => assignStaffRole(tx, actor, { email: uniqueEmail("nobody"), roleId: role.id })), "BAD_REQUEST", "staff.userNotFound");
    const someone = await createUser(db);
    await expectAppError(db.$transaction((tx) => assignStaffRole(tx, actor, { email: someone.email, roleId: "missing-role" })), "NOT_FOUND", "staff.roleNotFound");
    expect(await snapshot()).toEqual(before);
  });

  it("unassigns a role and audits it", async () => {
    const { actor } = await manager();
    const { user, role } = await createStaffUser(db, ["users.read"]);
    await db.$transaction((tx) => unassignStaffRole(tx, actor, { userId: user.id, roleId: role.id }));
    expect(await isStaff(db, user.id)).toBe(false);
    expect(await lastAudit("staffRole.unassign")).toMatchObject({ resourceId: user.id, metadata: { role: role.name, email: user.email } });
    await expectAppError(db.$transaction((tx) => unassignStaffRole(tx, actor, { userId: user.id, roleId: role.id })), "NOT_FOUND", "staff.assignmentNotFound");
  });
});

describe("nobody can remove the last staff manager", () => {
  // Each scenario starts from a clean slate: only one person holds staff.manage.
  async function soleManager() {
    await db.staffAssignment.deleteMany({});
    await db.staffRole.deleteMany({});
    return manager();
  }

  it("refuses unassigning the last holder of staff.manage, and changes nothing", async () => {
    const { user, role, actor } = await soleManager();
    const before = await snapshot();
    await expectAppError(db.$transaction((tx) => unassignStaffRole(tx, actor, { userId: user.id, roleId: role.id })), "CONFLICT", "staff.lastManager");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses deleting the only role that grants staff.manage, and changes nothing", async () => {
    const { role, actor } = await soleManager();
    const before = await snapshot();
    await expectAppError(db.$transaction((tx) => deleteStaffRole(tx, actor, role.id)), "CONFLICT", "staff.lastManager");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses removing staff.manage from the only role that has it, and changes nothing", async () => {
    const { role, actor } = await soleManager();
    const before = await snapshot();
    await expectAppError(
      db.$transaction((tx) => updateStaffRole(tx, actor, UpdateStaffRoleInput.parse({ id: role.id, name: role.name, permissions: ["users.read"] }))),
      "CONFLICT", "staff.lastManager",
    );
    expect(await snapshot()).toEqual(before);
  });

  it("allows it once someone else also manages staff", async () => {
    const { user, role, actor } = await soleManager();
    const second = await createUser(db);
    await db.$transaction((tx) => assignStaffRole(tx, actor, { email: second.email, roleId: role.id }));
    await db.$transaction((tx) => unassignStaffRole(tx, actor, { userId: user.id, roleId: role.id }));
    expect(await getStaffPermissions(db, user.id)).toEqual(new Set());
    expect(await getStaffPermissions(db, second.id)).toEqual(new Set(["staff.manage"]));
  });

  it("holds when two managers remove each other at the same time", async () => {
    const { user: first, role } = await soleManager();
    const second = await createUser(db);
    await db.staffAssignment.create({ data: { userId: second.id, roleId: role.id } });
    const results = await Promise.allSettled([
      db.$transaction((tx) => unassignStaffRole(tx, actorFor(first, "s1"), { userId: second.id, roleId: role.id })),
      db.$transaction((tx) => unassignStaffRole(tx, actorFor(second, "s2"), { userId: first.id, roleId: role.id })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { messageKey: "staff.lastManager" } });
    expect(await db.staffAssignment.count({ where: { roleId: role.id } })).toBe(1);
  });
});

describe("permissions added after a database was created", () => {
  it("reach the roles that manage staff through the data migration, and only those", async () => {
    const { readFile } = await import("node:fs/promises");
    const sql = await readFile("prisma/migrations/20261206140000_staff_managers_new_permissions/migration.sql", "utf8");
    const manager = await db.staffRole.create({ data: { name: `Old super ${uniqueEmail()}`, permissions: ["staff.manage", "users.read"] } });
    const support = await db.staffRole.create({ data: { name: `Old support ${uniqueEmail()}`, permissions: ["users.read"] } });
    // The migration's own file, scoped to this test's roles (other test files share the
    // database); the ids travel as bound parameters, never inside the SQL text.
    const scoped = sql.replace("WHERE 'staff.manage'", `WHERE "id" IN ($1, $2) AND 'staff.manage'`);
    expect(scoped).not.toBe(sql);
    await db.$executeRawUnsafe(scoped, manager.id, support.id);
    await db.$executeRawUnsafe(scoped, manager.id, support.id); // a second run changes nothing
    expect((await db.staffRole.findUniqueOrThrow({ where: { id: manager.id } })).permissions).toEqual(["staff.manage", "users.read", "search.manage", "notifications.manage"]);
    expect((await db.staffRole.findUniqueOrThrow({ where: { id: support.id } })).permissions).toEqual(["users.read"]);
  });
});
