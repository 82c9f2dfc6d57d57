// Index sync through the outbox: changes made through the services reach search once the
// handlers run (drainOutbox stands in for the worker), and hidden products leave the index.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createWarehouse, setStock } from "@/server/modules/inventory/inventory.service";
import { CreateWarehouseInput } from "@/server/modules/inventory/inventory.schema";
import { createProduct, CreateProductInput, getVendorProduct, setProductStatus, updateProduct, UpdateProductInput } from "@/server/modules/products";
import { moveCategory, updateBrand, updateCategory, UpdateCategoryInput } from "@/server/modules/catalog";
import { changeVendorStatus, updateShopProfile, UpdateShopProfileInput } from "@/server/modules/vendors";
import { callerFor, createBrand, createCategoryPath, createShop, productInput } from "@/test/catalog-factories";
import { createStaffUser } from "@/test/factories";
import { drainOutbox } from "@/test/outbox";
import { searchProducts } from "./search.service";
import { searchEngine } from "./providers";

type Shop = Awaited<ReturnType<typeof createShop>>;

async function published(shop: Shop, categoryId: string, title: string, overrides: Partial<CreateProductInput> = {}) {
  const product = await db.$transaction((tx) => createProduct(tx, shop.actor, CreateProductInput.parse(productInput(shop.vendor.id, categoryId, { title, ...overrides }))));
  await db.$transaction((tx) => setProductStatus(tx, shop.actor, { vendorId: shop.vendor.id, productId: product.id, status: "ACTIVE" }));
  return product;
}

const titles = async (q: string, locale: "en" | "fr" = "en") => (await searchProducts(db, { q, locale })).items.map((i) => i.title);

describe("search index sync", () => {
  it("indexes a published product, shows an edited title and translation, and drops drafts", async () => {
    const shop = await createShop(db);
    const [leaf] = await createCategoryPath(db, ["Lanterns"]);
    const product = await published(shop, leaf!.id, "Brass Storm Lantern");
    const draft = await db.$transaction((tx) => createProduct(tx, shop.actor, CreateProductInput.parse(productInput(shop.vendor.id, leaf!.id, { title: "Brass Draft Lantern" }))));
    expect(await titles("brass lantern")).toEqual([]);
    await drainOutbox();
    expect(await titles("brass lantern")).toEqual(["Brass Storm Lantern"]);
    expect(draft.status).toBe("DRAFT");

    const current = await getVendorProduct(db, shop.actor, { vendorId: shop.vendor.id, productId: product.id });
    await db.$transaction((tx) => updateProduct(tx, shop.actor, UpdateProductInput.parse({
      ...productInput(shop.vendor.id, leaf!.id), productId: product.id, title: "Copper Hurricane Lantern",
      translations: [{ locale: "fr", title: "Lanterne tempête en cuivre", description: "" }],
      variants: current.variants.map((v) => ({ ...v, price: 4200 })),
    })));
    await drainOutbox();
    expect(await titles("brass lantern")).toEqual([]);
    expect(await titles("copper hurricane")).toEqual(["Copper Hurricane Lantern"]);
    expect(await titles("lanterne cuivre", "fr")).toEqual(["Lanterne tempête en cuivre"]);
    // Prices in the index follow the variants.
    expect((await searchProducts(db, { q: "copper", maxPrice: 4000 })).total).toBe(0);
    expect((await searchProducts(db, { q: "copper", minPrice: 4200, maxPrice: 4200 })).total).toBe(1);

    // Unpublished: gone.
    await db.$transaction((tx) => setProductStatus(tx, shop.actor, { vendorId: shop.vendor.id, productId: product.id, status: "DRAFT" }));
    await drainOutbox();
    expect(await titles("copper hurricane")).toEqual([]);
  });

  it("removes a banned product and brings it back when unbanned", async () => {
    const shop = await createShop(db);
    const [leaf] = await createCategoryPath(db, ["Kettles"]);
    const kettle = await published(shop, leaf!.id, "Gooseneck Pour Kettle");
    await drainOutbox();
    expect(await titles("gooseneck")).toEqual(["Gooseneck Pour Kettle"]);
    const { user } = await createStaffUser(db, ["catalog.moderate"]);
    const staff = callerFor(db, user);
    await staff.products.moderateProduct({ productId: kettle.id, action: "ban", reason: "Counterfeit" });
    await drainOutbox();
    expect(await titles("gooseneck")).toEqual([]);
    expect(await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "SearchDocument" WHERE "productId" = ${kettle.id}`).toEqual([{ n: 0 }]);
    await staff.products.moderateProduct({ productId: kettle.id, action: "unban" });
    await drainOutbox();
    expect(await titles("gooseneck")).toEqual(["Gooseneck Pour Kettle"]);
  });

  it("removes every product of a suspended shop and restores them when reinstated", async () => {
    const shop = await createShop(db);
    const other = await createShop(db);
    const [leaf] = await createCategoryPath(db, ["Hammocks"]);
    await published(shop, leaf!.id, "Canvas Hammock Classic");
    await published(shop, leaf!.id, "Canvas Hammock Double");
    await published(other, leaf!.id, "Canvas Hammock Travel");
    await drainOutbox();
    expect((await titles("canvas hammock")).sort()).toEqual(["Canvas Hammock Classic", "Canvas Hammock Double", "Canvas Hammock Travel"]);

    const { user } = await createStaffUser(db, ["vendors.manage"]);
    const staff = { userId: user.id, sessionId: "s", meta: {} } as never;
    await db.$transaction((tx) => changeVendorStatus(tx, staff, { vendorId: shop.vendor.id, to: "SUSPENDED", reason: "Unpaid fees" }));
    await drainOutbox();
    expect(await titles("canvas hammock")).toEqual(["Canvas Hammock Travel"]);
    await db.$transaction((tx) => changeVendorStatus(tx, staff, { vendorId: shop.vendor.id, to: "ACTIVE", reason: "Paid" }));
    await drainOutbox();
    expect(await titles("canvas hammock")).toHaveLength(3);
  });

  it("re-reads a shop's, brand's and category's products when their names change or the category moves", async () => {
    const shop = await createShop(db);
    const [top, leaf] = await createCategoryPath(db, ["Outdoor", "Bivouacs"]);
    const [elsewhere] = await createCategoryPath(db, ["Alpine"]);
    const brand = await createBrand(db, "Quillbrook");
    await published(shop, leaf!.id, "Ridge Shelter One", { brandId: brand.id });
    await drainOutbox();
    expect(await titles("quillbrook")).toEqual(["Ridge Shelter One"]);

    const { user } = await createStaffUser(db, ["catalog.manage"]);
    const staff = { userId: user.id, sessionId: "s", meta: {} } as never;
    await db.$transaction((tx) => updateBrand(tx, staff, { brandId: brand.id, name: "Larchmont" }));
    await db.$transaction((tx) => updateCategory(tx, staff, UpdateCategoryInput.parse({ categoryId: top!.id, names: { en: "Wilderness" } })));
    await db.$transaction((tx) => updateShopProfile(tx, shop.actor, UpdateShopProfileInput.parse({ vendorId: shop.vendor.id, name: "Thornfield Outfitters" })));
    await drainOutbox();
    expect(await titles("quillbrook")).toEqual([]);
    expect(await titles("larchmont")).toEqual(["Ridge Shelter One"]);
    expect(await titles("wilderness")).toEqual(["Ridge Shelter One"]);
    expect(await titles("thornfield")).toEqual(["Ridge Shelter One"]);

    await db.$transaction((tx) => moveCategory(tx, staff, { categoryId: leaf!.id, parentId: elsewhere!.id }));
    await drainOutbox();
    expect(await titles("wilderness")).toEqual([]);
    expect(await titles("alpine")).toEqual(["Ridge Shelter One"]);
  });

  it("follows stock: out-of-stock products rank last until stock arrives", async () => {
    const shop = await createShop(db);
    const [leaf] = await createCategoryPath(db, ["Teapots"]);
    const warehouse = await db.$transaction((tx) => createWarehouse(tx, shop.actor, CreateWarehouseInput.parse({ vendorId: shop.vendor.id, code: "WH1", name: "Main", countryCode: "gb", city: "Leeds" })));
    await published(shop, leaf!.id, "Cast Iron Teapot Large");
    const small = await published(shop, leaf!.id, "Cast Iron Teapot Small");
    await drainOutbox();
    const before = await searchProducts(db, { q: "cast iron teapot", inStock: true });
    expect(before.total).toBe(0);
    const variant = await db.productVariant.findFirstOrThrow({ where: { productId: small.id } });
    await db.$transaction((tx) => setStock(tx, shop.actor, { vendorId: shop.vendor.id, variantId: variant.id, warehouseId: warehouse.id, onHand: 5, reason: "Delivery" }));
    await drainOutbox();
    expect(await titles("cast iron teapot")).toEqual(["Cast Iron Teapot Small", "Cast Iron Teapot Large"]);
    expect((await searchProducts(db, { q: "cast iron teapot", inStock: true })).items.map((i) => i.title)).toEqual(["Cast Iron Teapot Small"]);
  });

  it("handles an event twice without changing the result (handlers re-read the database)", async () => {
    const shop = await createShop(db);
    const [leaf] = await createCategoryPath(db, ["Easels"]);
    const easel = await published(shop, leaf!.id, "Beech Studio Easel");
    await drainOutbox();
    const { syncProducts } = await import("./search.documents");
    await syncProducts(db, searchEngine(), [easel.id, easel.id, "missing-id"]);
    expect(await titles("beech easel")).toEqual(["Beech Studio Easel"]);
    expect(await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "SearchDocument" WHERE "productId" = ${easel.id}`).toEqual([{ n: 5 }]);
  });
});
