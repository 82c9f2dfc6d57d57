import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { AppError } from "@/server/lib/errors";
import { callerFor, createBrand, createCategoryPath, createMediaRow, createShop, productInput } from "@/test/catalog-factories";
import { actorFor, createStaffUser, createUser } from "@/test/factories";
import {
  browseProducts, createProduct, CreateProductInput, getProductPage, getVendorProduct, moderateProduct, ModerateProductInput, setProductStatus,
  updateProduct, UpdateProductInput, type VariantInput,
} from "./index";

async function expectAppError(promise: Promise<unknown>, code: string, messageKey: string) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect({ code: (error as AppError).code, messageKey: (error as AppError).messageKey }).toEqual({ code, messageKey });
}

const variant = (sku: string, optionValues: Record<string, string>, price = 2500, extra: Partial<VariantInput> = {}): VariantInput => ({
  sku, optionValues, price, compareAtPrice: null, weightGrams: null, lengthMm: null, widthMm: null, heightMm: null, barcode: null,
  imageMediaId: null, active: true, ...extra,
});

async function setup() {
  const shop = await createShop(db);
  const [root, mid, leaf] = await createCategoryPath(db, ["Fashion", "Men", "Shirts"]);
  return { ...shop, root: root!, mid: mid!, leaf: leaf! };
}

const create = (actor: Parameters<typeof createProduct>[1], input: CreateProductInput) =>
  db.$transaction((tx) => createProduct(tx, actor, CreateProductInput.parse(input)));
const update = (actor: Parameters<typeof createProduct>[1], input: UpdateProductInput) =>
  db.$transaction((tx) => updateProduct(tx, actor, UpdateProductInput.parse(input)));
const publish = (actor: Parameters<typeof createProduct>[1], vendorId: string, productId: string) =>
  db.$transaction((tx) => setProductStatus(tx, actor, { vendorId, productId, status: "ACTIVE" }));

describe("creating products", () => {
  it("creates a draft with variants from options, images, translations, a readable slug and sanitized text", async () => {
    const { vendor, actor, leaf, root } = await setup();
    const [red, blue] = [await createMediaRow(db, vendor.id), await createMediaRow(db, vendor.id)];
    const product = await create(actor, productInput(vendor.id, leaf.id, {
      title: "Café Linen Shirt",
      description: `<p onclick="x()">Soft <script>alert(1)</script><a href="javascript:alert(1)">bad</a> <a href="https://example.com">good</a></p>`,
      options: [{ name: "Colour", values: ["Red", "Blue"] }, { name: "Size", values: ["S", "M"] }],
      variants: [
        variant("LS-R-S", { Colour: "Red", Size: "S" }, 2500, { imageMediaId: red.id, compareAtPrice: 3000 }),
        variant("LS-R-M", { Colour: "Red", Size: "M" }, 2600, { imageMediaId: red.id }),
        variant("LS-B-S", { Colour: "Blue", Size: "S" }, 2700, { imageMediaId: blue.id }),
      ],
      images: [{ mediaId: red.id, alt: "Red shirt" }, { mediaId: blue.id, alt: "" }],
      translations: [{ locale: "ar", title: "قميص كتان", description: "<p>ناعم</p>" }],
    }));
    expect(product).toMatchObject({ slug: "cafe-linen-shirt", status: "DRAFT", moderation: "PENDING", minPrice: 2500, maxPrice: 2700, categoryPath: [root.id, expect.any(String), leaf.id] });
    expect(product.description).toBe(`<p>Soft <a rel="nofollow noopener noreferrer" target="_blank">bad</a> <a href="https://example.com" rel="nofollow noopener noreferrer" target="_blank">good</a></p>`);
    const full = await getVendorProduct(db, actor, { vendorId: vendor.id, productId: product.id });
    expect(full.images.map((i) => i.mediaId)).toEqual([red.id, blue.id]);
    expect(full.variants.map((v) => [v.sku, v.imageMediaId])).toEqual([["LS-R-S", red.id], ["LS-R-M", red.id], ["LS-B-S", blue.id]]);
    expect(full.translations).toMatchObject([{ locale: "ar", title: "قميص كتان" }]);
    expect(await db.auditLog.count({ where: { action: "product.create", resourceId: product.id } })).toBe(1);
  });

  it.each([
    ["a variant missing an option", { options: [{ name: "Size", values: ["S", "M"] }], variants: [variant("A", {})] }, "products.variantOptionsMismatch"],
    ["a value not among the option's", { options: [{ name: "Size", values: ["S"] }], variants: [variant("A", { Size: "XL" })] }, "products.variantOptionsMismatch"],
    ["the same combination twice", { options: [{ name: "Size", values: ["S", "M"] }], variants: [variant("A", { Size: "S" }), variant("B", { Size: "S" })] }, "products.variantDuplicate"],
    ["one SKU twice", { options: [{ name: "Size", values: ["S", "M"] }], variants: [variant("A", { Size: "S" }), variant("a", { Size: "M" })] }, "products.skuDuplicate"],
    ["two variants without options", { variants: [variant("A", {}), variant("B", {})] }, "products.singleVariantWithoutOptions"],
    ["a compare-at price not above the price", { variants: [variant("A", {}, 2500, { compareAtPrice: 2500 })] }, "products.compareAtTooLow"],
  ])("refuses %s and writes nothing", async (_name, overrides, key) => {
    const { vendor, actor, leaf } = await setup();
    await expectAppError(create(actor, productInput(vendor.id, leaf.id, overrides as Partial<CreateProductInput>)), "BAD_REQUEST", key);
    expect(await db.product.count({ where: { vendorId: vendor.id } })).toBe(0);
  });

  it("refuses tampered amounts at the schema: negative, fractional and huge prices", () => {
    for (const price of [-1, 0, 12.5, 1e12]) {
      expect(CreateProductInput.safeParse(productInput("v", "c", { variants: [variant("A", {}, price)] })).success).toBe(false);
    }
  });

  it("keeps SKUs unique within a shop (translated conflict, nothing written) but not across shops", async () => {
    const { vendor, actor, leaf } = await setup();
    await create(actor, productInput(vendor.id, leaf.id, { variants: [variant("SHARED-1", {})] }));
    await expectAppError(create(actor, productInput(vendor.id, leaf.id, { title: "Other", variants: [variant("SHARED-1", {})] })), "CONFLICT", "products.skuTaken");
    expect(await db.product.count({ where: { vendorId: vendor.id } })).toBe(1);
    const other = await createShop(db);
    await expect(create(other.actor, productInput(other.vendor.id, leaf.id, { variants: [variant("SHARED-1", {})] }))).resolves.toMatchObject({ status: "DRAFT" });
  });

  it("refuses another shop's images and unknown categories", async () => {
    const { vendor, actor, leaf } = await setup();
    const other = await createShop(db);
    const theirs = await createMediaRow(db, other.vendor.id);
    await expectAppError(create(actor, productInput(vendor.id, leaf.id, { images: [{ mediaId: theirs.id, alt: "" }] })), "BAD_REQUEST", "products.imageNotYours");
    await expectAppError(create(actor, productInput(vendor.id, "no-such-category")), "BAD_REQUEST", "products.categoryNotFound");
  });

  it("checks attribute values against the category's definitions, inherited ones included", async () => {
    const { vendor, actor, root, leaf } = await setup();
    await db.attributeDefinition.create({ data: { categoryId: root.id, code: "material", names: { en: "Material" }, type: "SELECT", options: [{ value: "linen", names: { en: "Linen" } }] } });
    await db.attributeDefinition.create({ data: { categoryId: leaf.id, code: "sleeve_cm", names: { en: "Sleeve" }, type: "NUMBER", unit: "cm" } });
    const product = await create(actor, productInput(vendor.id, leaf.id, { attributes: { material: "linen", sleeve_cm: "62" } }));
    expect(product.attributes).toEqual({ material: "linen", sleeve_cm: 62 });
    await expectAppError(create(actor, productInput(vendor.id, leaf.id, { attributes: { material: "silk" } })), "BAD_REQUEST", "products.attributeInvalid");
    await expectAppError(create(actor, productInput(vendor.id, leaf.id, { attributes: { colourway: "x" } })), "BAD_REQUEST", "products.attributeUnknown");
  });
});

describe("slugs", () => {
  it("gives clashing titles -2, renames to a new slug and keeps the old one redirecting (301 on the page)", async () => {
    const { vendor, actor, leaf } = await setup();
    const first = await create(actor, productInput(vendor.id, leaf.id, { title: "Wool Scarf" }));
    const second = await create(actor, productInput(vendor.id, leaf.id, { title: "Wool Scarf" }));
    expect([first.slug, second.slug]).toEqual(["wool-scarf", "wool-scarf-2"]);
    await publish(actor, vendor.id, first.id);
    const full = await getVendorProduct(db, actor, { vendorId: vendor.id, productId: first.id });
    const same = { ...productInput(vendor.id, leaf.id), variants: full.variants.map((v) => ({ ...v, id: v.id })) };
    const renamed = await update(actor, { ...same, productId: first.id, title: "Cashmere Scarf" });
    expect(renamed.slug).toBe("cashmere-scarf");
    expect(await getProductPage(db, { slug: "wool-scarf", locale: "en" })).toEqual({ kind: "redirect", slug: "cashmere-scarf" });
    // A new product may not take the old slug while it redirects.
    const third = await create(actor, productInput(vendor.id, leaf.id, { title: "Wool Scarf" }));
    expect(third.slug).toBe("wool-scarf-3");
    // Renaming back revives the old address.
    const back = await update(actor, { ...same, productId: first.id, title: "Wool Scarf" });
    expect(back.slug).toBe("wool-scarf");
    expect(await getProductPage(db, { slug: "cashmere-scarf", locale: "en" })).toEqual({ kind: "redirect", slug: "wool-scarf" });
  });

  it("falls back to a generic slug for titles without Latin letters", async () => {
    const { vendor, actor, leaf } = await setup();
    expect((await create(actor, productInput(vendor.id, leaf.id, { title: "قميص كتان", locale: "ar" }))).slug).toBe("product");
  });
});

describe("visibility and moderation", () => {
  it("shows a published product in the shopper's language, falling back to the original", async () => {
    const { vendor, actor, leaf } = await setup();
    const product = await create(actor, productInput(vendor.id, leaf.id, { title: "Linen Shirt", translations: [{ locale: "ar", title: "قميص كتان", description: "" }] }));
    expect(await getProductPage(db, { slug: product.slug, locale: "en" })).toBeNull(); // draft
    await publish(actor, vendor.id, product.id);
    const ar = await getProductPage(db, { slug: product.slug, locale: "ar" });
    const fr = await getProductPage(db, { slug: product.slug, locale: "fr" });
    expect(ar?.kind === "product" && ar.product.title).toBe("قميص كتان");
    expect(fr?.kind === "product" && [fr.product.title, fr.product.description]).toEqual(["Linen Shirt", "<p>Breathable linen.</p>"]);
  });

  it("hides rejected and banned products; editing a rejected one sends it back to review; a banned one stays gone", async () => {
    const { vendor, actor, leaf } = await setup();
    const { user: moderator } = await createStaffUser(db, ["catalog.moderate"]);
    const staff = actorFor(moderator, "s-mod");
    const moderate = (productId: string, action: string, reason = "") =>
      db.$transaction((tx) => moderateProduct(tx, staff, ModerateProductInput.parse({ productId, action, reason })));
    const product = await create(actor, productInput(vendor.id, leaf.id));
    await publish(actor, vendor.id, product.id);
    await expectAppError(moderate(product.id, "reject"), "BAD_REQUEST", "products.reasonRequired");
    await moderate(product.id, "reject", "Blurry photos");
    expect(await getProductPage(db, { slug: product.slug, locale: "en" })).toBeNull();
    const full = await getVendorProduct(db, actor, { vendorId: vendor.id, productId: product.id });
    expect(full).toMatchObject({ moderation: "REJECTED", moderationReason: "Blurry photos" });
    await update(actor, { ...productInput(vendor.id, leaf.id), productId: product.id, variants: full.variants });
    expect(await getProductPage(db, { slug: product.slug, locale: "en" })).not.toBeNull();

    await moderate(product.id, "ban", "Counterfeit");
    expect(await getProductPage(db, { slug: product.slug, locale: "en" })).toBeNull();
    expect((await browseProducts(db, { categorySlug: leaf.slug }))!.total).toBe(0);
    await expectAppError(update(actor, { ...productInput(vendor.id, leaf.id), productId: product.id, variants: full.variants }), "CONFLICT", "products.banned");
    await expectAppError(publish(actor, vendor.id, product.id), "CONFLICT", "products.banned");
    expect(await db.auditLog.count({ where: { resourceId: product.id, action: { startsWith: "product.moderation." } } })).toBe(2);
  });

  it("hides the products of a suspended shop but keeps a paused shop's products visible", async () => {
    const { vendor, actor, leaf } = await setup();
    const product = await create(actor, productInput(vendor.id, leaf.id));
    await publish(actor, vendor.id, product.id);
    await db.vendor.update({ where: { id: vendor.id }, data: { acceptingOrders: false } });
    const page = await getProductPage(db, { slug: product.slug, locale: "en" });
    expect(page?.kind === "product" && page.product.vendor.acceptingOrders).toBe(false);
    await db.vendor.update({ where: { id: vendor.id }, data: { status: "SUSPENDED" } });
    expect(await getProductPage(db, { slug: product.slug, locale: "en" })).toBeNull();
  });

  it("refuses to publish without an active variant", async () => {
    const { vendor, actor, leaf } = await setup();
    const product = await create(actor, productInput(vendor.id, leaf.id, { variants: [variant("OFF", {}, 100, { active: false })] }));
    await expectAppError(publish(actor, vendor.id, product.id), "BAD_REQUEST", "products.noActiveVariant");
  });
});

describe("browsing a category", () => {
  it("filters by price, brand and attribute, counts facets without their own filter, sorts and pages", async () => {
    const { vendor, actor, root, leaf } = await setup();
    await db.attributeDefinition.create({
      data: { categoryId: root.id, code: "material", names: { en: "Material", fr: "Matière" }, type: "SELECT",
        options: [{ value: "linen", names: { en: "Linen", fr: "Lin" } }, { value: "cotton", names: { en: "Cotton", fr: "Coton" } }] },
    });
    const [acme, zen] = [await createBrand(db, "Acme"), await createBrand(db, "Zen")];
    const specs = [
      { title: "Shirt A", price: 1000, brandId: acme.id, material: "linen" },
      { title: "Shirt B", price: 2000, brandId: acme.id, material: "cotton" },
      { title: "Shirt C", price: 3000, brandId: zen.id, material: "linen" },
      { title: "Shirt D", price: 4000, brandId: zen.id, material: "cotton" },
    ];
    for (const s of specs) {
      const p = await create(actor, productInput(vendor.id, leaf.id, { title: s.title, brandId: s.brandId, attributes: { material: s.material }, variants: [variant(s.title.replace(" ", "-"), {}, s.price)] }));
      await publish(actor, vendor.id, p.id);
    }
    // The root category lists its descendants' products.
    const all = (await browseProducts(db, { categorySlug: root.slug, sort: "priceAsc", locale: "fr" }))!;
    expect(all.items.map((i) => i.title)).toEqual(["Shirt A", "Shirt B", "Shirt C", "Shirt D"]);
    expect(all.facets.price).toEqual({ min: 1000, max: 4000 });
    expect(all.facets.attributes).toEqual([{ code: "material", label: "Matière", unit: null, values: expect.arrayContaining([{ value: "linen", label: "Lin", count: 2 }, { value: "cotton", label: "Coton", count: 2 }]) }]);

    const filtered = (await browseProducts(db, { categorySlug: root.slug, filters: { brands: [acme.slug], attributes: { material: ["linen"] }, minPrice: 500, maxPrice: 1500 } }))!;
    expect(filtered.items.map((i) => i.title)).toEqual(["Shirt A"]);
    // Brand counts ignore the brand filter (both brands offer linen in range? only Acme's A is ≤1500).
    expect(filtered.facets.brands).toEqual([{ value: acme.slug, label: "Acme", count: 1 }]);
    // Material counts ignore the material filter: Acme has one linen and one cotton, but the price caps at 1500.
    expect(filtered.facets.attributes[0]!.values).toEqual([{ value: "linen", label: "Linen", count: 1 }]);

    const page2 = (await browseProducts(db, { categorySlug: leaf.slug, sort: "priceDesc", page: 2, pageSize: 3 }))!;
    expect(page2).toMatchObject({ total: 4, page: 2, pageCount: 2 });
    expect(page2.items.map((i) => i.title)).toEqual(["Shirt A"]);
    expect(await browseProducts(db, { categorySlug: "no-such-category" })).toBeNull();
  });
});

describe("sellers only touch their own shop", () => {
  it("refuses every seller procedure on another shop's products, and staff without catalog.moderate", async () => {
    const { vendor, actor, leaf, owner } = await setup();
    const product = await create(actor, productInput(vendor.id, leaf.id));
    const intruder = await createShop(db);
    const theirs = callerFor(db, intruder.owner);
    const ref = { vendorId: vendor.id, productId: product.id };
    const attempts: [string, () => Promise<unknown>][] = [
      ["listVendorProducts", () => theirs.products.listVendorProducts({ vendorId: vendor.id })],
      ["getVendorProduct", () => theirs.products.getVendorProduct(ref)],
      ["createProduct", () => theirs.products.createProduct(productInput(vendor.id, leaf.id))],
      ["updateProduct", () => theirs.products.updateProduct({ ...productInput(vendor.id, leaf.id), productId: product.id })],
      ["setProductStatus", () => theirs.products.setProductStatus({ ...ref, status: "ACTIVE" })],
      ["deleteProduct", () => theirs.products.deleteProduct(ref)],
    ];
    for (const [name, attempt] of attempts) {
      const error = await attempt().then(() => null, (e: { code?: string }) => e);
      expect([name, error?.code]).toEqual([name, "FORBIDDEN"]);
    }
    // Their own vendorId with our productId: not found, not leaked.
    const crossed = await theirs.products.getVendorProduct({ vendorId: intruder.vendor.id, productId: product.id }).then(() => null, (e: { code?: string }) => e);
    expect(crossed?.code).toBe("NOT_FOUND");
    const crossedUpdate = await theirs.products.setProductStatus({ vendorId: intruder.vendor.id, productId: product.id, status: "ARCHIVED" }).then(() => null, (e: { code?: string }) => e);
    expect(crossedUpdate?.code).toBe("NOT_FOUND");
    expect(await db.product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({ status: "DRAFT" });

    // A STAFF member without products.write is refused too.
    const packer = await createUser(db);
    await db.vendorMembership.create({ data: { userId: packer.id, vendorId: vendor.id, role: "STAFF", permissions: ["orders.fulfil"] } });
    const packerCall = await callerFor(db, packer).products.listVendorProducts({ vendorId: vendor.id }).then(() => null, (e: { code?: string }) => e);
    expect(packerCall?.code).toBe("FORBIDDEN");
    expect(await callerFor(db, owner).products.listVendorProducts({ vendorId: vendor.id })).toMatchObject({ items: [{ id: product.id }] });

    const { user: support } = await createStaffUser(db, ["users.read"]);
    const moderation = await callerFor(db, support).products.moderateProduct({ productId: product.id, action: "ban", reason: "x" }).then(() => null, (e: { code?: string }) => e);
    expect(moderation?.code).toBe("FORBIDDEN");
  });
});

describe("description excerpts", () => {
  it("reads blocks as separate sentences and cuts on a word", async () => {
    const { descriptionExcerpt } = await import("./rich-text");
    expect(descriptionExcerpt("<p>Built to last.</p><ul><li>Soft</li><li>Warm &amp; light</li></ul>")).toBe("Built to last. Soft Warm & light");
    expect(descriptionExcerpt(`<p>${"word ".repeat(60)}</p>`, 30)).toBe("word word word word word…");
  });
});
