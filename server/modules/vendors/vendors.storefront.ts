// What shoppers see of a shop: its public profile, for the shop page. Only active shops are shown.
import { z } from "zod";
import type { DbTx } from "@/server/db";

export const PublicShopInput = z.object({ slug: z.string().min(1).max(120) });
export type PublicShopInput = z.infer<typeof PublicShopInput>;

const image = { select: { storageKey: true, placeholder: true, width: true, height: true } } as const;

/** The public profile of an active shop by slug, or null (unknown, pending, suspended, closed). */
export async function getPublicShop(db: DbTx, slug: string) {
  const vendor = await db.vendor.findFirst({
    where: { slug, status: "ACTIVE" },
    select: {
      id: true, slug: true, name: true, description: true, supportEmail: true, supportPhone: true, returnPolicy: true,
      shippingPolicy: true, acceptingOrders: true, createdAt: true, logo: image, banner: image,
    },
  });
  return vendor;
}
