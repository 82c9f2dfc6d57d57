// Platform staff: roles made of named permissions and who holds them.
import { isStaffPermission, type StaffPermission } from "@/lib/permissions";
import type { DbTx } from "@/server/db";
import type { Actor } from "@/server/lib/actor";
import { badRequest, conflict, notFound } from "@/server/lib/errors";
import { recordAudit } from "@/server/modules/audit";
import type { AssignStaffRoleInput, CreateStaffRoleInput, UnassignStaffRoleInput, UpdateStaffRoleInput } from "./access.schema";

/** Every staff permission the user holds through their roles (empty for non-staff). */
export async function getStaffPermissions(db: DbTx, userId: string): Promise<Set<StaffPermission>> {
  const assignments = await db.staffAssignment.findMany({ where: { userId }, select: { role: { select: { permissions: true } } } });
  return new Set(assignments.flatMap((a) => a.role.permissions).filter(isStaffPermission));
}

/** Is the user platform staff (holds any staff role)? */
export async function isStaff(db: DbTx, userId: string): Promise<boolean> {
  return (await db.staffAssignment.count({ where: { userId } })) > 0;
}

// Serialises changes to roles so the "someone can still manage staff" check is race-free.
async function lockStaffRoles(db: DbTx) {
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('bazaar:staff-roles'))`;
}

/** Refuses a change that would leave nobody able to manage staff (admin lock-out). */
async function assertSomeoneManagesStaff(db: DbTx) {
  const managers = await db.staffAssignment.count({ where: { role: { permissions: { has: "staff.manage" } } } });
  if (managers === 0) throw conflict("staff.lastManager");
}

export async function listStaffRoles(db: DbTx) {
  return db.staffRole.findMany({
    orderBy: { name: "asc" },
    include: { assignments: { include: { user: { select: { id: true, email: true, name: true } } }, orderBy: { createdAt: "asc" } } },
  });
}

/** Creates a role. Call inside a transaction. */
export async function createStaffRole(db: DbTx, actor: Actor, input: CreateStaffRoleInput) {
  await lockStaffRoles(db);
  if (await db.staffRole.findUnique({ where: { name: input.name } })) throw conflict("staff.roleNameTaken");
  const role = await db.staffRole.create({ data: input });
  await recordAudit(db, actor, { action: "staffRole.create", resourceType: "staffRole", resourceId: role.id, metadata: { name: role.name, permissions: role.permissions } });
  return role;
}

/** Renames a role or changes its permissions. Call inside a transaction. */
export async function updateStaffRole(db: DbTx, actor: Actor, input: UpdateStaffRoleInput) {
  await lockStaffRoles(db);
  const before = await db.staffRole.findUnique({ where: { id: input.id } });
  if (!before) throw notFound("staff.roleNotFound");
  const clash = await db.staffRole.findUnique({ where: { name: input.name } });
  if (clash && clash.id !== input.id) throw conflict("staff.roleNameTaken");
  const role = await db.staffRole.update({ where: { id: input.id }, data: { name: input.name, description: input.description, permissions: input.permissions } });
  await assertSomeoneManagesStaff(db);
  await recordAudit(db, actor, {
    action: "staffRole.update", resourceType: "staffRole", resourceId: role.id,
    metadata: { before: { name: before.name, permissions: before.permissions }, after: { name: role.name, permissions: role.permissions } },
  });
  return role;
}

/** Deletes a role (its holders lose it). Call inside a transaction. */
export async function deleteStaffRole(db: DbTx, actor: Actor, id: string) {
  await lockStaffRoles(db);
  const role = await db.staffRole.findUnique({ where: { id } });
  if (!role) throw notFound("staff.roleNotFound");
  await db.staffRole.delete({ where: { id } });
  await assertSomeoneManagesStaff(db);
  await recordAudit(db, actor, { action: "staffRole.delete", resourceType: "staffRole", resourceId: id, metadata: { name: role.name } });
}

/** Gives a registered user a staff role. Call inside a transaction. */
export async function assignStaffRole(db: DbTx, actor: Actor, input: AssignStaffRoleInput) {
  await lockStaffRoles(db);
  const user = await db.user.findUnique({ where: { email: input.email } });
  if (!user) throw badRequest("staff.userNotFound");
  const role = await db.staffRole.findUnique({ where: { id: input.roleId } });
  if (!role) throw notFound("staff.roleNotFound");
  const existing = await db.staffAssignment.findUnique({ where: { userId_roleId: { userId: user.id, roleId: role.id } } });
  if (existing) throw conflict("staff.alreadyAssigned");
  await db.staffAssignment.create({ data: { userId: user.id, roleId: role.id } });
  await recordAudit(db, actor, { action: "staffRole.assign", resourceType: "user", resourceId: user.id, metadata: { role: role.name, email: user.email } });
}

/** Takes a staff role away. Call inside a transaction. */
export async function unassignStaffRole(db: DbTx, actor: Actor, input: UnassignStaffRoleInput) {
  await lockStaffRoles(db);
  const assignment = await db.staffAssignment.findUnique({
    where: { userId_roleId: { userId: input.userId, roleId: input.roleId } },
    include: { role: true, user: true },
  });
  if (!assignment) throw notFound("staff.assignmentNotFound");
  await db.staffAssignment.delete({ where: { userId_roleId: { userId: input.userId, roleId: input.roleId } } });
  await assertSomeoneManagesStaff(db);
  await recordAudit(db, actor, { action: "staffRole.unassign", resourceType: "user", resourceId: input.userId, metadata: { role: assignment.role.name, email: assignment.user.email } });
}
