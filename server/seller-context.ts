// The seller center's guard plus the shop being worked on (chosen with the shop switcher).
import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { VENDOR_COOKIE } from "@/lib/vendor-cookie";
import { requireSeller } from "./guards";

/** requireSeller() and the current shop: the cookie's choice if it is one of the person's shops, else the first. */
export const requireSellerVendor = cache(async (returnTo: string) => {
  const { session, vendors } = await requireSeller(returnTo);
  const chosen = (await cookies()).get(VENDOR_COOKIE)?.value;
  const vendor = vendors.find((v) => v.id === chosen) ?? vendors[0]!;
  return { session, vendors, vendor };
});
