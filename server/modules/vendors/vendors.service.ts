// Vendors and their members. (The full vendor lifecycle arrives with the catalog work.)
import { vendorPermissionsOf, type VendorPermission } from "@/lib/permissions";
import type { DbTx } from "@/server/db";

/** The user's membership of a vendor with its effective permissions, or null. */
export async function getVendorMembership(db: DbTx, userId: string, vendorId: string) {
  const membership = await db.vendorMembership.findUnique({
    where: { userId_vendorId: { userId, vendorId } },
    include: { vendor: { select: { id: true, name: true, slug: true, status: true } } },
  });
  if (!membership || membership.vendor.status === "CLOSED") return null;
  return { ...membership, effectivePermissions: new Set<VendorPermission>(vendorPermissionsOf(membership.role, membership.permissions)) };
}

/** Vendors the user belongs to (for the seller center's switcher). */
export async function listMyVendors(db: DbTx, userId: string) {
  const memberships = await db.vendorMembership.findMany({
    where: { userId, vendor: { status: { not: "CLOSED" } } },
    include: { vendor: { select: { id: true, name: true, slug: true, status: true } } },
    orderBy: { vendor: { name: "asc" } },
  });
  return memberships.map((m) => ({ ...m.vendor, role: m.role, permissions: vendorPermissionsOf(m.role, m.permissions) }));
}
