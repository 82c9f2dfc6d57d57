// Signing in with a guest cart: the first request that knows both the account and the guest
// cookie moves the guest cart into the account's. The cart procedures and the checkout call this,
// so the merge happens whichever page the shopper opens first after signing in.
import type { Db } from "@/server/db";
import { hashCartToken, type CartCookie } from "./cart.cookie";
import { mergeGuestCart } from "./cart.service";

/**
 * Merges the guest cart named by `cookie` into `userId`'s cart (idempotent: a merged cart is
 * gone, so a repeat merges nothing) and clears the cookie where the response can (HTTP requests;
 * server components cannot, and a later request does).
 */
export async function mergeCookieCart(db: Db, userId: string, cookie: CartCookie | undefined): Promise<{ merged: number }> {
  const token = cookie?.token;
  if (!cookie || !token) return { merged: 0 };
  const result = await db.$transaction((tx) => mergeGuestCart(tx, userId, hashCartToken(token)));
  cookie.set(null);
  return result;
}
