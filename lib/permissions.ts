// The one table of permissions. Staff permissions are granted through staff roles
// (admin console); vendor permissions through vendor memberships (seller center).
// Procedures name exactly one of these.

export const STAFF_PERMISSIONS = [
  "users.read",
  "users.manage",
  "staff.manage",
  "vendors.manage",
  "catalog.manage",
  "catalog.moderate",
  "orders.manage",
  "payments.refund",
  "payments.manage",
  "disputes.manage",
  "content.manage",
  "search.manage",
  "notifications.manage",
  "tax.manage",
  "analytics.read",
  "audit.read",
] as const;
export type StaffPermission = (typeof STAFF_PERMISSIONS)[number];

export const VENDOR_PERMISSIONS = [
  "shop.manage",
  "members.manage",
  "products.write",
  "inventory.write",
  "orders.fulfil",
  "promotions.write",
  "payouts.read",
  "payouts.request",
  "messages.reply",
  "reviews.reply",
] as const;
export type VendorPermission = (typeof VENDOR_PERMISSIONS)[number];

export function isStaffPermission(value: string): value is StaffPermission {
  return (STAFF_PERMISSIONS as readonly string[]).includes(value);
}

export function isVendorPermission(value: string): value is VendorPermission {
  return (VENDOR_PERMISSIONS as readonly string[]).includes(value);
}

/** Owners and admins of a vendor hold every vendor permission; staff only those listed. */
export function vendorPermissionsOf(role: "OWNER" | "ADMIN" | "STAFF", granted: readonly string[]): VendorPermission[] {
  if (role === "OWNER" || role === "ADMIN") return [...VENDOR_PERMISSIONS];
  return granted.filter(isVendorPermission);
}
