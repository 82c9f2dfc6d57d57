/** What the vendor pages hand to their client components (admin console and seller center). */
export type VendorRoleValue = "OWNER" | "ADMIN" | "STAFF";
export type VendorStatusValue = "PENDING" | "ACTIVE" | "SUSPENDED" | "CLOSED";

export interface VendorMemberView {
  userId: string;
  name: string;
  email: string;
  role: VendorRoleValue;
  permissions: string[];
}

export interface VendorInvitationView {
  id: string;
  email: string;
  role: VendorRoleValue;
  permissions: string[];
  expiresAt: Date;
  expired: boolean;
}

export interface VendorProfileView {
  id: string;
  slug: string;
  name: string;
  description: string;
  supportEmail: string | null;
  supportPhone: string | null;
  returnPolicy: string;
  shippingPolicy: string;
}

/** Badge tones of the vendor statuses. */
export const VENDOR_STATUS_TONE = { PENDING: "warning", ACTIVE: "success", SUSPENDED: "danger", CLOSED: "neutral" } as const;
