// The procedure builders. Each names who may call it: anyone, a signed-in user, a member of
// the vendor in the input holding a vendor permission, or staff holding a staff permission.
import { z } from "zod";
import type { StaffPermission, VendorPermission } from "@/lib/permissions";
import { actorOf } from "../auth";
import { AppError } from "../lib/errors";
import { getStaffPermissions } from "../modules/access";
import { getVendorMembership } from "../modules/vendors";
import { baseProcedure } from "./init";

export const publicProcedure = baseProcedure;

/** A signed-in user; ctx.actor is the person acting. */
export const authedProcedure = baseProcedure.use(async ({ ctx, next }) => {
  if (!ctx.session) throw new AppError("UNAUTHORIZED", "auth.signInRequired");
  return next({ ctx: { ...ctx, session: ctx.session, actor: actorOf(ctx.session, ctx.meta) } });
});

/** Platform staff holding `permission`. */
export function adminProcedure(permission: StaffPermission) {
  return authedProcedure.use(async ({ ctx, next }) => {
    const permissions = await getStaffPermissions(ctx.db, ctx.actor.userId);
    if (!permissions.has(permission)) throw new AppError("FORBIDDEN", "forbidden");
    return next({ ctx: { ...ctx, staffPermissions: permissions } });
  });
}

/** A member of the vendor named by the input's `vendorId` holding `permission`. */
export function sellerProcedure(permission: VendorPermission) {
  return authedProcedure.input(z.object({ vendorId: z.string().min(1).max(50) })).use(async ({ ctx, input, next }) => {
    const membership = await getVendorMembership(ctx.db, ctx.actor.userId, input.vendorId);
    if (!membership || !membership.effectivePermissions.has(permission)) throw new AppError("FORBIDDEN", "forbidden");
    return next({ ctx: { ...ctx, vendorId: input.vendorId, membership } });
  });
}
