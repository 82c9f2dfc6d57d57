// Who is looking: the header's account menu needs the name and which faces to link to. Read by
// the storefront header island (identity.viewer) and the console shells (server/guards.ts).
import type { DbTx } from "@/server/db";
import { getStaffPermissions } from "@/server/modules/access";
import { listMyVendors } from "@/server/modules/vendors";

export interface FaceLinks {
  seller: boolean;
  admin: boolean;
}

export interface Viewer {
  /** The user's id (the header's notification bell subscribes to their private channel); the console shells leave it out. */
  id?: string;
  name: string;
  email: string;
  faces: FaceLinks;
}

/** Which faces beyond the storefront the person may open: the seller center (a member of a vendor), the admin console (any staff role). */
export async function facesOf(db: DbTx, userId: string): Promise<FaceLinks> {
  const [vendors, permissions] = await Promise.all([listMyVendors(db, userId), getStaffPermissions(db, userId)]);
  return { seller: vendors.length > 0, admin: permissions.size > 0 };
}

/** The signed-in person as the header shows them, or null for a visitor. */
export async function getViewer(db: DbTx, user: { id: string; name: string; email: string } | null): Promise<Viewer | null> {
  if (!user) return null;
  return { id: user.id, name: user.name, email: user.email, faces: await facesOf(db, user.id) };
}
