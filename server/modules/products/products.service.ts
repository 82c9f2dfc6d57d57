// Products: a vendor's listings with their variants, images and translations (seller center),
// moderation (admin console). Storefront reads live in products.storefront.ts.
import type { VendorPermission } from "@/lib/permissions";
import { Prisma } from "@/prisma/generated/client/client";
import type { DbTx } from "@/server/db";
import { publish } from "@/server/events";
import type { Actor } from "@/server/lib/actor";
import { badRequest, conflict, forbidden, notFound } from "@/server/lib/errors";
import { firstFreeSlug, slugify } from "@/server/lib/slugs";
import { recordAudit } from "@/server/modules/audit";
import { lockCategoryPathForProduct } from "@/server/modules/catalog";
import { getVendorMembership } from "@/server/modules/vendors";
import { checkProductAttributes } from "./attributes";
import { sanitizeDescription } from "./rich-text";
import type {
  CreateProductInput, ListModerationInput, ListVendorProductsInput, ModerateProductInput, ProductOption, ProductRefInput,
  SetProductStatusInput, UpdateProductInput, VariantInput,
} from "./products.schema";
import { ListModerationInput as ListModerationSchema, ListVendorProductsInput as ListVendorProductsSchema } from "./products.schema";

/** The actor's membership of the vendor holding `permission`, or a FORBIDDEN error. */
async function requireVendorPermission(db: DbTx, actor: Actor, vendorId: string, permission: VendorPermission) {
  const membership = await getVendorMembership(db, actor.userId, vendorId);
  if (!membership || !membership.effectivePermissions.has(permission)) throw forbidden();
  return membership;
}

/** The vendor's product, locked for the rest of the transaction; NOT_FOUND for anyone else's. */
async function lockVendorProduct(db: DbTx, vendorId: string, productId: string) {
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT id FROM "Product" WHERE id = ${productId} AND "vendorId" = ${vendorId} FOR UPDATE`;
  if (rows.length === 0) throw notFound("products.notFound");
  return db.product.findUniqueOrThrow({ where: { id: productId } });
}

/** Tells the outbox that a product changed (search re-indexes it); inside the change's transaction. */
const productChanged = (db: DbTx, productId: string) =>
  publish(db, { type: "product.changed", aggregateType: "product", aggregateId: productId, payload: { productId } });

/** Base slug for a title; titles without Latin letters get "product". */
const baseSlug = (title: string) => slugify(title, "product", 70);

/** A slug no product uses now or used before (old slugs keep redirecting). */
async function freeProductSlug(db: DbTx, base: string, productId?: string): Promise<string> {
  const [live, old] = await Promise.all([
    db.product.findMany({ where: { slug: { startsWith: base }, ...(productId ? { id: { not: productId } } : {}) }, select: { slug: true } }),
    db.productSlugRedirect.findMany({ where: { slug: { startsWith: base }, ...(productId ? { productId: { not: productId } } : {}) }, select: { slug: true } }),
  ]);
  return firstFreeSlug(base, [...live, ...old].map((r) => r.slug));
}

/**
 * Checks that the variants are exactly the combinations of the options they claim: every
 * axis set to one of its values, no combination twice, unique SKUs; without options, one variant.
 */
export function checkVariants(options: ProductOption[], variants: VariantInput[]) {
  const names = options.map((o) => o.name);
  if (new Set(names.map((n) => n.toLowerCase())).size !== names.length) throw badRequest("products.optionDuplicate");
  for (const option of options) {
    if (new Set(option.values.map((v) => v.toLowerCase())).size !== option.values.length) throw badRequest("products.optionValueDuplicate", { option: option.name });
  }
  if (options.length === 0 && variants.length !== 1) throw badRequest("products.singleVariantWithoutOptions");
  const combinations = new Set<string>();
  const skus = new Set<string>();
  for (const variant of variants) {
    const keys = Object.keys(variant.optionValues);
    if (keys.length !== names.length || !names.every((n) => keys.includes(n))) throw badRequest("products.variantOptionsMismatch", { sku: variant.sku });
    for (const option of options) {
      if (!option.values.includes(variant.optionValues[option.name]!)) throw badRequest("products.variantOptionsMismatch", { sku: variant.sku });
    }
    const combination = JSON.stringify(names.map((n) => variant.optionValues[n]));
    if (combinations.has(combination)) throw badRequest("products.variantDuplicate", { sku: variant.sku });
    combinations.add(combination);
    const sku = variant.sku.toLowerCase();
    if (skus.has(sku)) throw badRequest("products.skuDuplicate", { sku: variant.sku });
    skus.add(sku);
    if (variant.compareAtPrice !== null && variant.compareAtPrice <= variant.price) throw badRequest("products.compareAtTooLow", { sku: variant.sku });
  }
}

/** The category's path (root first), its row locked against a concurrent move; BAD_REQUEST when unknown. */
async function requireCategoryPath(db: DbTx, categoryId: string) {
  const path = await lockCategoryPathForProduct(db, categoryId);
  if (!path) throw badRequest("products.categoryNotFound");
  return path;
}

/** The media must have been uploaded for this vendor. */
async function requireVendorMedia(db: DbTx, vendorId: string, mediaIds: string[]) {
  const unique = [...new Set(mediaIds)];
  if (unique.length !== mediaIds.length) throw badRequest("products.imageDuplicate");
  if (unique.length === 0) return;
  const found = await db.mediaAsset.count({ where: { id: { in: unique }, vendorId } });
  if (found !== unique.length) throw badRequest("products.imageNotYours");
}

/** Everything derived from the input that create and update both write. */
async function prepare(db: DbTx, input: CreateProductInput) {
  checkVariants(input.options, input.variants);
  const categoryPath = await requireCategoryPath(db, input.categoryId);
  if (input.brandId && !(await db.brand.findUnique({ where: { id: input.brandId }, select: { id: true } }))) throw badRequest("products.brandNotFound");
  const attributes = await checkProductAttributes(db, categoryPath, input.attributes);
  await requireVendorMedia(db, input.vendorId, input.images.map((i) => i.mediaId));
  const imageIds = new Set(input.images.map((i) => i.mediaId));
  for (const v of input.variants) if (v.imageMediaId && !imageIds.has(v.imageMediaId)) throw badRequest("products.variantImageUnknown", { sku: v.sku });
  const translations = input.translations.filter((t) => t.locale !== input.locale);
  if (new Set(translations.map((t) => t.locale)).size !== translations.length) throw badRequest("products.translationDuplicate");
  const active = input.variants.filter((v) => v.active);
  const prices = (active.length ? active : input.variants).map((v) => v.price);
  return {
    fields: {
      title: input.title,
      description: sanitizeDescription(input.description),
      locale: input.locale,
      categoryId: input.categoryId,
      categoryPath,
      brandId: input.brandId,
      attributes: attributes as Prisma.InputJsonValue,
      options: input.options as Prisma.InputJsonValue,
      currency: input.currency,
      minPrice: Math.min(...prices),
      maxPrice: Math.max(...prices),
    },
    translations: translations.map((t) => ({ ...t, description: sanitizeDescription(t.description) })),
  };
}

/** Writes images (kept by media id), variants (kept by id) and translations to match the input. */
async function writeChildren(db: DbTx, productId: string, vendorId: string, input: CreateProductInput, translations: { locale: string; title: string; description: string }[]) {
  const existingImages = await db.productImage.findMany({ where: { productId } });
  const wanted = new Set(input.images.map((i) => i.mediaId));
  await db.productImage.deleteMany({ where: { productId, mediaId: { notIn: [...wanted] } } });
  const imageByMedia = new Map<string, string>();
  for (const [position, image] of input.images.entries()) {
    const existing = existingImages.find((e) => e.mediaId === image.mediaId);
    const row = existing
      ? await db.productImage.update({ where: { id: existing.id }, data: { position, alt: image.alt } })
      : await db.productImage.create({ data: { productId, mediaId: image.mediaId, position, alt: image.alt } });
    imageByMedia.set(image.mediaId, row.id);
  }

  const existingVariants = await db.productVariant.findMany({ where: { productId }, select: { id: true } });
  const existingIds = new Set(existingVariants.map((v) => v.id));
  for (const v of input.variants) if (v.id && !existingIds.has(v.id)) throw badRequest("products.variantNotFound", { sku: v.sku });
  const keep = new Set(input.variants.flatMap((v) => (v.id ? [v.id] : [])));
  await db.productVariant.deleteMany({ where: { productId, id: { notIn: [...keep] } } });
  for (const [position, v] of input.variants.entries()) {
    const data = {
      sku: v.sku, optionValues: v.optionValues, price: v.price, compareAtPrice: v.compareAtPrice, weightGrams: v.weightGrams,
      lengthMm: v.lengthMm, widthMm: v.widthMm, heightMm: v.heightMm, barcode: v.barcode,
      imageId: v.imageMediaId ? imageByMedia.get(v.imageMediaId)! : null, position, active: v.active,
    };
    try {
      // A savepoint, so a taken SKU becomes a translated error instead of an aborted transaction.
      await db.$executeRaw`SAVEPOINT variant_write`;
      if (v.id) await db.productVariant.update({ where: { id: v.id }, data });
      else await db.productVariant.create({ data: { ...data, productId, vendorId } });
      await db.$executeRaw`RELEASE SAVEPOINT variant_write`;
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        await db.$executeRaw`ROLLBACK TO SAVEPOINT variant_write`;
        throw conflict("products.skuTaken", { sku: v.sku });
      }
      throw error;
    }
  }

  await db.productTranslation.deleteMany({ where: { productId, locale: { notIn: translations.map((t) => t.locale) } } });
  for (const t of translations) {
    await db.productTranslation.upsert({
      where: { productId_locale: { productId, locale: t.locale } },
      create: { productId, ...t },
      update: { title: t.title, description: t.description },
    });
  }
}

/** A seller creates a draft product. Call inside a transaction. */
export async function createProduct(db: DbTx, actor: Actor, input: CreateProductInput) {
  await requireVendorPermission(db, actor, input.vendorId, "products.write");
  const { fields, translations } = await prepare(db, input);
  const slug = await freeProductSlug(db, baseSlug(input.title));
  const product = await db.product.create({ data: { ...fields, vendorId: input.vendorId, slug, status: "DRAFT" } });
  await writeChildren(db, product.id, input.vendorId, input, translations);
  await productChanged(db, product.id);
  await recordAudit(db, actor, {
    action: "product.create", resourceType: "product", resourceId: product.id,
    metadata: { vendorId: input.vendorId, title: product.title, variants: input.variants.length },
  });
  return product;
}

/**
 * A seller edits a product. A new title gives a new slug and the old one redirects; editing a
 * rejected product sends it back to review. Banned products cannot be edited.
 */
export async function updateProduct(db: DbTx, actor: Actor, input: UpdateProductInput) {
  await requireVendorPermission(db, actor, input.vendorId, "products.write");
  const before = await lockVendorProduct(db, input.vendorId, input.productId);
  if (before.moderation === "BANNED") throw conflict("products.banned");
  const { fields, translations } = await prepare(db, input);
  let slug = before.slug;
  const base = baseSlug(input.title);
  if (input.title !== before.title && base !== baseSlug(before.title)) {
    slug = await freeProductSlug(db, base, before.id);
    // The old address keeps working; an address the product had before becomes live again.
    await db.productSlugRedirect.deleteMany({ where: { slug } });
    await db.productSlugRedirect.create({ data: { slug: before.slug, productId: before.id } });
  }
  const product = await db.product.update({
    where: { id: before.id },
    data: { ...fields, slug, ...(before.moderation === "REJECTED" ? { moderation: "PENDING", moderationReason: null } : {}) },
  });
  await writeChildren(db, product.id, input.vendorId, input, translations);
  await productChanged(db, product.id);
  await recordAudit(db, actor, {
    action: "product.update", resourceType: "product", resourceId: product.id,
    metadata: { vendorId: input.vendorId, before: { title: before.title, slug: before.slug }, after: { title: product.title, slug: product.slug } },
  });
  return product;
}

/** Publishes (ACTIVE), unpublishes (DRAFT) or archives a product. Call inside a transaction. */
export async function setProductStatus(db: DbTx, actor: Actor, input: SetProductStatusInput) {
  await requireVendorPermission(db, actor, input.vendorId, "products.write");
  const before = await lockVendorProduct(db, input.vendorId, input.productId);
  if (before.moderation === "BANNED") throw conflict("products.banned");
  if (input.status === "ACTIVE") {
    if (before.moderation === "REJECTED") throw conflict("products.rejectedEditFirst");
    const active = await db.productVariant.count({ where: { productId: before.id, active: true } });
    if (active === 0) throw badRequest("products.noActiveVariant");
  }
  const product = await db.product.update({
    where: { id: before.id },
    data: { status: input.status, ...(input.status === "ACTIVE" && !before.publishedAt ? { publishedAt: new Date() } : {}) },
  });
  await productChanged(db, product.id);
  await recordAudit(db, actor, {
    action: "product.status", resourceType: "product", resourceId: product.id, metadata: { vendorId: input.vendorId, from: before.status, to: input.status },
  });
  return product;
}

/** Deletes a product that was never published (published ones are archived instead). */
export async function deleteProduct(db: DbTx, actor: Actor, input: ProductRefInput) {
  await requireVendorPermission(db, actor, input.vendorId, "products.write");
  const before = await lockVendorProduct(db, input.vendorId, input.productId);
  if (before.publishedAt) throw conflict("products.archiveInstead");
  await db.product.delete({ where: { id: before.id } });
  await productChanged(db, before.id);
  await recordAudit(db, actor, { action: "product.delete", resourceType: "product", resourceId: before.id, metadata: { vendorId: input.vendorId, title: before.title } });
}

const LIST_SELECT = {
  id: true, slug: true, title: true, status: true, moderation: true, moderationReason: true, currency: true, minPrice: true, maxPrice: true,
  updatedAt: true, publishedAt: true,
  _count: { select: { variants: true } },
  images: { orderBy: { position: "asc" }, take: 1, select: { media: { select: { storageKey: true, placeholder: true, width: true, height: true } } } },
} satisfies Prisma.ProductSelect;

/** The vendor's products, newest change first, keyset-paginated. */
export async function listVendorProducts(db: DbTx, actor: Actor, rawInput: ListVendorProductsInput) {
  const input = ListVendorProductsSchema.parse(rawInput);
  await requireVendorPermission(db, actor, input.vendorId, "products.write");
  const where: Prisma.ProductWhereInput = {
    vendorId: input.vendorId,
    ...(input.status ? { status: input.status } : {}),
    ...(input.query ? { OR: [{ title: { contains: input.query, mode: "insensitive" } }, { variants: { some: { sku: { contains: input.query, mode: "insensitive" } } } }] } : {}),
  };
  const rows = await db.product.findMany({
    where, select: LIST_SELECT, orderBy: [{ updatedAt: "desc" }, { id: "desc" }], take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const items = rows.slice(0, input.limit).map(({ images, _count, ...p }) => ({ ...p, variantCount: _count.variants, image: images[0]?.media ?? null }));
  return { items, nextCursor: rows.length > input.limit ? items.at(-1)!.id : null };
}

/** One of the vendor's products with everything the editor needs. */
export async function getVendorProduct(db: DbTx, actor: Actor, input: ProductRefInput) {
  await requireVendorPermission(db, actor, input.vendorId, "products.write");
  const product = await db.product.findFirst({
    where: { id: input.productId, vendorId: input.vendorId },
    include: {
      variants: { orderBy: { position: "asc" }, include: { image: { select: { mediaId: true } } } },
      images: { orderBy: { position: "asc" }, include: { media: { select: { id: true, storageKey: true, placeholder: true, width: true, height: true } } } },
      translations: { orderBy: { locale: "asc" } },
      slugRedirects: { select: { slug: true }, orderBy: { createdAt: "desc" } },
    },
  });
  if (!product) throw notFound("products.notFound");
  return {
    ...product,
    options: product.options as ProductOption[],
    attributes: product.attributes as Record<string, string | number | boolean>,
    variants: product.variants.map(({ image, ...v }) => ({ ...v, optionValues: v.optionValues as Record<string, string>, imageMediaId: image?.mediaId ?? null })),
  };
}

// Admin moderation. PENDING products are visible (post-moderation); REJECTED ones are hidden
// until the seller edits them; BANNED ones are gone for good unless unbanned.
const MODERATION_TARGET = { approve: "APPROVED", reject: "REJECTED", ban: "BANNED", unban: "PENDING" } as const;

/** Staff approve, reject (with a reason), ban or unban a product. Call inside a transaction. */
export async function moderateProduct(db: DbTx, actor: Actor, input: ModerateProductInput) {
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT id FROM "Product" WHERE id = ${input.productId} FOR UPDATE`;
  if (rows.length === 0) throw notFound("products.notFound");
  const before = await db.product.findUniqueOrThrow({ where: { id: input.productId } });
  if ((input.action === "reject" || input.action === "ban") && !input.reason) throw badRequest("products.reasonRequired");
  if (input.action === "unban" ? before.moderation !== "BANNED" : before.moderation === "BANNED") throw conflict("products.moderationNotAllowed");
  const to = MODERATION_TARGET[input.action];
  const product = await db.product.update({
    where: { id: before.id },
    data: { moderation: to, moderationReason: input.action === "approve" || input.action === "unban" ? null : input.reason },
  });
  await productChanged(db, product.id);
  await recordAudit(db, actor, {
    action: `product.moderation.${input.action}`, resourceType: "product", resourceId: product.id,
    metadata: { vendorId: product.vendorId, from: before.moderation, to, reason: input.reason },
  });
  return product;
}

/** Products for the moderation queue, oldest change first within a state. */
export async function listForModeration(db: DbTx, rawInput: ListModerationInput) {
  const input = ListModerationSchema.parse(rawInput);
  const where: Prisma.ProductWhereInput = {
    status: { not: "DRAFT" },
    ...(input.moderation ? { moderation: input.moderation } : {}),
    ...(input.query ? { OR: [{ title: { contains: input.query, mode: "insensitive" } }, { vendor: { name: { contains: input.query, mode: "insensitive" } } }] } : {}),
  };
  const rows = await db.product.findMany({
    where, select: { ...LIST_SELECT, vendor: { select: { id: true, name: true, slug: true } } },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }], take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const items = rows.slice(0, input.limit).map(({ images, _count, ...p }) => ({ ...p, variantCount: _count.variants, image: images[0]?.media ?? null }));
  return { items, nextCursor: rows.length > input.limit ? items.at(-1)!.id : null };
}
