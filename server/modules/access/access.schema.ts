import { z } from "zod";
import { STAFF_PERMISSIONS } from "@/lib/permissions";
import { Email } from "@/server/modules/identity/identity.schema";

const RoleFields = {
  name: z.string().trim().min(2, { error: "validation.tooShort" }).max(60, { error: "validation.tooLong" }),
  description: z.string().trim().max(300, { error: "validation.tooLong" }).default(""),
  permissions: z.array(z.enum(STAFF_PERMISSIONS)).max(STAFF_PERMISSIONS.length).transform((list) => [...new Set(list)].sort()),
};

export const CreateStaffRoleInput = z.object(RoleFields);
export type CreateStaffRoleInput = z.infer<typeof CreateStaffRoleInput>;
export const UpdateStaffRoleInput = z.object({ id: z.string().min(1).max(50), ...RoleFields });
export type UpdateStaffRoleInput = z.infer<typeof UpdateStaffRoleInput>;
export const StaffRoleIdInput = z.object({ id: z.string().min(1).max(50) });
export const AssignStaffRoleInput = z.object({ email: Email, roleId: z.string().min(1).max(50) });
export type AssignStaffRoleInput = z.infer<typeof AssignStaffRoleInput>;
export const UnassignStaffRoleInput = z.object({ userId: z.string().min(1).max(50), roleId: z.string().min(1).max(50) });
export type UnassignStaffRoleInput = z.infer<typeof UnassignStaffRoleInput>;
