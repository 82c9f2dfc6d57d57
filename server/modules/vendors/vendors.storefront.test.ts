import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createCaller } from "@/server/trpc/router";
import { meta } from "@/test/factories";
import { getPublicShop } from "./vendors.storefront";

async function vendor(status: "PENDING" | "ACTIVE" | "SUSPENDED" | "CLOSED", extra: Record<string, unknown> = {}) {
  const slug = `shop-${crypto.randomBytes(4).toString("hex")}`;
  return db.vendor.create({ data: { slug, name: `Shop ${slug}`, status, ...extra } });
}

describe("public shop profile", () => {
  it("shows an active shop's profile, policies and contact to anyone", async () => {
    const shop = await vendor("ACTIVE", {
      description: "Lamps from Copenhagen.", returnPolicy: "30 days.", shippingPolicy: "2 days.", supportEmail: "hi@shop.test", acceptingOrders: false,
    });
    const anonymous = createCaller({ db, meta: meta(), session: null });
    const profile = await anonymous.vendors.getPublicShop({ slug: shop.slug });
    expect(profile).toMatchObject({
      id: shop.id, slug: shop.slug, name: shop.name, description: "Lamps from Copenhagen.", returnPolicy: "30 days.", shippingPolicy: "2 days.",
      supportEmail: "hi@shop.test", supportPhone: null, acceptingOrders: false, logo: null, banner: null,
    });
    // Nothing internal leaks: no status, members or ids of media.
    expect(Object.keys(profile!).sort()).toEqual([
      "acceptingOrders", "banner", "createdAt", "description", "id", "logo", "name", "returnPolicy", "shippingPolicy", "slug", "supportEmail", "supportPhone",
    ]);
  });

  it("hides pending, suspended and closed shops and unknown slugs", async () => {
    for (const status of ["PENDING", "SUSPENDED", "CLOSED"] as const) {
      const shop = await vendor(status);
      expect(await getPublicShop(db, shop.slug)).toBeNull();
    }
    expect(await getPublicShop(db, "no-such-shop")).toBeNull();
  });
});
