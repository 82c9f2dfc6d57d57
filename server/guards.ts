// Page guards for the three faces: anonymous visitors go to sign-in (and come back),
// signed-in people without the role get the 403 page.
import "server-only";
import { forbidden } from "next/navigation";
import { getLocale } from "next-intl/server";
import type { StaffPermission } from "@/lib/permissions";
import { redirect } from "@/lib/i18n/navigation";
import { getAuthSession, type AuthSession } from "./auth";
import { db } from "./db";
import { getStaffPermissions } from "./modules/access";
import { facesOf } from "./modules/identity/viewer";
import { listMyVendors } from "./modules/vendors";

/** The session, or a redirect to sign-in that returns to `returnTo` afterwards. */
export async function requireSession(returnTo: string): Promise<AuthSession> {
  const session = await getAuthSession();
  if (!session) {
    const locale = await getLocale();
    return redirect({ href: { pathname: "/login", query: { callbackUrl: `/${locale}${returnTo}` } }, locale });
  }
  return session;
}

/** A staff member (any staff role), optionally holding `permission`; else 403. */
export async function requireStaff(returnTo: string, permission?: StaffPermission) {
  const session = await requireSession(returnTo);
  const permissions = await getStaffPermissions(db, session.user.id);
  if (permissions.size === 0 || (permission && !permissions.has(permission))) forbidden();
  return { session, permissions };
}

/** A member of at least one vendor; else 403. */
export async function requireSeller(returnTo: string) {
  const session = await requireSession(returnTo);
  const vendors = await listMyVendors(db, session.user.id);
  if (vendors.length === 0) forbidden();
  return { session, vendors };
}

/** Which faces beyond the storefront the person may open (for navigation links). */
export async function facesFor(session: AuthSession | null) {
  return session ? facesOf(db, session.user.id) : { seller: false, admin: false };
}
