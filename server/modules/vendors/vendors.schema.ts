// Inputs of the vendors module, shared by its router and the admin/seller forms. Error messages
// are keys under "errors" in messages/*.json.
import { z } from "zod";
import { VENDOR_PERMISSIONS } from "@/lib/permissions";
import { Email } from "@/server/modules/identity/identity.schema";

export const VENDOR_STATUSES = ["PENDING", "ACTIVE", "SUSPENDED", "CLOSED"] as const;
export type VendorStatusValue = (typeof VENDOR_STATUSES)[number];

const Id = z.string().min(1).max(50);
const VendorName = z.string().trim().min(2, { error: "validation.tooShort" }).max(80, { error: "validation.tooLong" });
const Slug = z.string().trim().toLowerCase().min(2, { error: "validation.tooShort" }).max(60, { error: "validation.tooLong" })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "validation.invalid" });
const Description = z.string().trim().max(2000, { error: "validation.tooLong" });
const SupportEmail = Email.nullable();

export const CreateVendorInput = z.object({ name: VendorName, slug: Slug.optional(), ownerEmail: Email });
export type CreateVendorInput = z.infer<typeof CreateVendorInput>;

export const UpdateVendorInput = z.object({ vendorId: Id, name: VendorName.optional(), description: Description.optional(), supportEmail: SupportEmail.optional() });
export type UpdateVendorInput = z.infer<typeof UpdateVendorInput>;

export const ChangeVendorStatusInput = z.object({
  vendorId: Id,
  to: z.enum(VENDOR_STATUSES),
  reason: z.string().trim().min(1, { error: "validation.required" }).max(500, { error: "validation.tooLong" }),
  /** The status the admin saw; when given, the change is refused if the vendor has moved on since. */
  expectedStatus: z.enum(VENDOR_STATUSES).optional(),
});
export type ChangeVendorStatusInput = z.infer<typeof ChangeVendorStatusInput>;

export const ListVendorsInput = z.object({
  status: z.enum(VENDOR_STATUSES).optional(),
  query: z.string().trim().max(100).optional(),
  /** Id of the last row of the previous page. */
  cursor: Id.optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListVendorsInput = z.input<typeof ListVendorsInput>;

export const VendorIdInput = z.object({ vendorId: Id });

export const SetAcceptingOrdersInput = z.object({ vendorId: Id, accepting: z.boolean() });
export type SetAcceptingOrdersInput = z.infer<typeof SetAcceptingOrdersInput>;

export const UpdateShopProfileInput = z.object({ vendorId: Id, description: Description.optional(), supportEmail: SupportEmail.optional() });
export type UpdateShopProfileInput = z.infer<typeof UpdateShopProfileInput>;

export const InviteMemberInput = z.object({
  vendorId: Id,
  email: Email,
  role: z.enum(["OWNER", "ADMIN", "STAFF"]).default("STAFF"),
  permissions: z.array(z.enum(VENDOR_PERMISSIONS)).max(VENDOR_PERMISSIONS.length).default([]).transform((list) => [...new Set(list)].sort()),
});
export type InviteMemberInput = z.infer<typeof InviteMemberInput>;

export const RemoveMemberInput = z.object({ vendorId: Id, userId: Id });
export type RemoveMemberInput = z.infer<typeof RemoveMemberInput>;
