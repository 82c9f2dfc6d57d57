import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, createCategoryPath, createShop, productInput } from "@/test/catalog-factories";
import { createStaffUser } from "@/test/factories";
import { createProduct, CreateProductInput, getProductPage, listForModeration, setProductStatus } from "./index";

async function publishedProduct(shop: Awaited<ReturnType<typeof createShop>>, categoryId: string, title: string) {
  const product = await db.$transaction((tx) => createProduct(tx, shop.actor, CreateProductInput.parse(productInput(shop.vendor.id, categoryId, { title }))));
  await db.$transaction((tx) => setProductStatus(tx, shop.actor, { vendorId: shop.vendor.id, productId: product.id, status: "ACTIVE" }));
  return product;
}

describe("the moderation queue", () => {
  it("filters by state, finds by title or shop name, leaves drafts out, and pages by keyset", async () => {
    const [leaf] = await createCategoryPath(db, ["Lamps"]);
    const aurora = await createShop(db, { name: "Aurora Lights" });
    const zenith = await createShop(db, { name: "Zenith Supply" });
    const lamp = await publishedProduct(aurora, leaf!.id, "Brass Desk Lamp");
    const shade = await publishedProduct(aurora, leaf!.id, "Linen Shade");
    const bulb = await publishedProduct(zenith, leaf!.id, "Warm Bulb");
    const draft = await db.$transaction((tx) => createProduct(tx, zenith.actor, CreateProductInput.parse(productInput(zenith.vendor.id, leaf!.id, { title: "Draft Lamp" }))));
    const { user } = await createStaffUser(db, ["catalog.moderate"]);
    const caller = callerFor(db, user);
    await caller.products.moderateProduct({ productId: bulb.id, action: "approve" });

    const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);
    const pending = await caller.products.listForModeration({ moderation: "PENDING" });
    expect(ids(pending)).toEqual([lamp.id, shade.id]);
    expect(ids(pending)).not.toContain(draft.id);
    expect(pending.items[0]).toMatchObject({ title: "Brass Desk Lamp", vendor: { name: "Aurora Lights" }, currency: "USD", minPrice: 2500, maxPrice: 2500 });
    expect(ids(await caller.products.listForModeration({ moderation: "APPROVED" }))).toEqual([bulb.id]);
    expect(ids(await caller.products.listForModeration({ query: "zenith" }))).toEqual([bulb.id]);
    expect(ids(await caller.products.listForModeration({ moderation: "PENDING", query: "shade" }))).toEqual([shade.id]);

    const first = await listForModeration(db, { moderation: "PENDING", limit: 1 });
    expect([ids(first), first.nextCursor]).toEqual([[lamp.id], lamp.id]);
    const second = await listForModeration(db, { moderation: "PENDING", limit: 1, cursor: first.nextCursor! });
    expect([ids(second), second.nextCursor]).toEqual([[shade.id], null]);
  });

  it("records the reason the seller sees, audits each decision, and a banned product is gone from the storefront until unbanned", async () => {
    const [leaf] = await createCategoryPath(db, ["Vases"]);
    const shop = await createShop(db);
    const vase = await publishedProduct(shop, leaf!.id, "Blue Vase");
    const { user } = await createStaffUser(db, ["catalog.moderate"]);
    const caller = callerFor(db, user);
    const page = () => getProductPage(db, { slug: vase.slug, locale: "en" });

    await caller.products.moderateProduct({ productId: vase.id, action: "reject", reason: "Photos show another brand's logo" });
    expect(await db.product.findUniqueOrThrow({ where: { id: vase.id } })).toMatchObject({ moderation: "REJECTED", moderationReason: "Photos show another brand's logo" });
    expect(await page()).toBeNull();
    const rejected = await caller.products.listForModeration({ moderation: "REJECTED" });
    expect(rejected.items.find((i) => i.id === vase.id)?.moderationReason).toBe("Photos show another brand's logo");

    await caller.products.moderateProduct({ productId: vase.id, action: "approve" });
    expect(await db.product.findUniqueOrThrow({ where: { id: vase.id } })).toMatchObject({ moderation: "APPROVED", moderationReason: null });
    expect((await page())?.kind).toBe("product");

    await caller.products.moderateProduct({ productId: vase.id, action: "ban", reason: "Counterfeit" });
    expect(await page()).toBeNull();
    expect(await caller.products.getProductPage({ slug: vase.slug, locale: "en" })).toBeNull();
    // Only unban is allowed on a banned product.
    const refused = await caller.products.moderateProduct({ productId: vase.id, action: "approve" }).then(() => null, (e: { code?: string }) => e.code);
    expect(refused).toBe("CONFLICT");
    await caller.products.moderateProduct({ productId: vase.id, action: "unban" });
    expect(await db.product.findUniqueOrThrow({ where: { id: vase.id } })).toMatchObject({ moderation: "PENDING", moderationReason: null });
    expect((await page())?.kind).toBe("product");

    const audit = await db.auditLog.findMany({ where: { resourceId: vase.id, action: { startsWith: "product.moderation." } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorEmail, (a.metadata as { from: string; to: string }).from, (a.metadata as { to: string }).to])).toEqual([
      ["product.moderation.reject", user.email, "PENDING", "REJECTED"],
      ["product.moderation.approve", user.email, "REJECTED", "APPROVED"],
      ["product.moderation.ban", user.email, "APPROVED", "BANNED"],
      ["product.moderation.unban", user.email, "BANNED", "PENDING"],
    ]);
    expect(audit[0]!.metadata).toMatchObject({ reason: "Photos show another brand's logo", vendorId: shop.vendor.id });
  });

  it("needs catalog.moderate", async () => {
    const { user } = await createStaffUser(db, ["content.manage"]);
    const code = await callerFor(db, user).products.listForModeration({}).then(() => null, (e: { code?: string }) => e.code);
    expect(code).toBe("FORBIDDEN");
  });
});
