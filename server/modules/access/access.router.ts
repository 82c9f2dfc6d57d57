import { router } from "@/server/trpc/init";
import { adminProcedure, authedProcedure } from "@/server/trpc/procedures";
import { AssignStaffRoleInput, CreateStaffRoleInput, StaffRoleIdInput, UnassignStaffRoleInput, UpdateStaffRoleInput } from "./access.schema";
import * as access from "./access.service";

export const accessRouter = router({
  /** The caller's own staff permissions (empty for non-staff); drives the admin navigation. */
  myStaffPermissions: authedProcedure.query(async ({ ctx }) => [...(await access.getStaffPermissions(ctx.db, ctx.actor.userId))]),
  listStaffRoles: adminProcedure("staff.manage").query(({ ctx }) => access.listStaffRoles(ctx.db)),
  createStaffRole: adminProcedure("staff.manage").input(CreateStaffRoleInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => access.createStaffRole(tx, ctx.actor, input))),
  updateStaffRole: adminProcedure("staff.manage").input(UpdateStaffRoleInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => access.updateStaffRole(tx, ctx.actor, input))),
  deleteStaffRole: adminProcedure("staff.manage").input(StaffRoleIdInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => access.deleteStaffRole(tx, ctx.actor, input.id))),
  assignStaffRole: adminProcedure("staff.manage").input(AssignStaffRoleInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => access.assignStaffRole(tx, ctx.actor, input))),
  unassignStaffRole: adminProcedure("staff.manage").input(UnassignStaffRoleInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => access.unassignStaffRole(tx, ctx.actor, input))),
});
