// Inputs of the vendors module, shared by its router and the admin/seller forms. Error messages
// are keys under "errors" in messages/*.json.
import { z } from "zod";
import { VENDOR_PERMISSIONS } from "@/lib/permissions";
import { Email } from "@/server/modules/identity/identity.schema";

/** How long an invitation link works. */
export const INVITATION_TTL_DAYS = 7;

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

const SupportPhone = z.string().trim().max(40, { error: "validation.tooLong" })
  .regex(/^[+0-9 ().\-\/]*$/, { error: "validation.phone" })
  .transform((v) => (v === "" ? null : v)).nullable();
const Policy = z.string().trim().max(5000, { error: "validation.tooLong" });

/** Profile fields an admin or a seller may edit (the slug never changes after creation). */
const ProfileFields = {
  name: VendorName.optional(),
  description: Description.optional(),
  supportEmail: SupportEmail.optional(),
  supportPhone: SupportPhone.optional(),
  returnPolicy: Policy.optional(),
  shippingPolicy: Policy.optional(),
};

export const UpdateVendorInput = z.object({ vendorId: Id, ...ProfileFields });
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

export const UpdateShopProfileInput = z.object({
  vendorId: Id,
  ...ProfileFields,
  /** MediaAsset ids of this vendor (null clears the image). */
  logoId: Id.nullable().optional(),
  bannerId: Id.nullable().optional(),
});
export type UpdateShopProfileInput = z.infer<typeof UpdateShopProfileInput>;

export const InviteMemberInput = z.object({
  vendorId: Id,
  email: Email,
  role: z.enum(["OWNER", "ADMIN", "STAFF"]).default("STAFF"),
  permissions: z.array(z.enum(VENDOR_PERMISSIONS)).max(VENDOR_PERMISSIONS.length).default([]).transform((list) => [...new Set(list)].sort()),
});
export type InviteMemberInput = z.infer<typeof InviteMemberInput>;

export const RevokeInvitationInput = z.object({ vendorId: Id, invitationId: Id });
export type RevokeInvitationInput = z.infer<typeof RevokeInvitationInput>;

/** The raw token from the invitation link (43 base64url characters for 256 bits). */
export const InvitationTokenInput = z.object({ token: z.string().trim().min(20).max(200).regex(/^[A-Za-z0-9_-]+$/) });
export type InvitationTokenInput = z.infer<typeof InvitationTokenInput>;

export const RemoveMemberInput = z.object({ vendorId: Id, userId: Id });
export type RemoveMemberInput = z.infer<typeof RemoveMemberInput>;
