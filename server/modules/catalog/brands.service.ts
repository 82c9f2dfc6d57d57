// Brands: a flat, searchable list the products point at. A brand that products use can't be
// deleted (rather than silently clearing sellers' data); rename it or move the products first.
import type { Prisma } from "@/prisma/generated/client/client";
import type { DbTx } from "@/server/db";
import { publish } from "@/server/events";
import type { Actor } from "@/server/lib/actor";
import { badRequest, conflict, notFound } from "@/server/lib/errors";
import { recordAudit } from "@/server/modules/audit";
import type { CreateBrandInput, ListBrandsInput, UpdateBrandInput } from "./catalog.schema";
import { firstFreeSlug, slugify } from "@/server/lib/slugs";

async function checkLogo(db: DbTx, logoId: string | null | undefined) {
  if (logoId && !(await db.mediaAsset.findUnique({ where: { id: logoId }, select: { id: true } }))) throw badRequest("catalog.logoNotFound");
}

/** A page of brands by name, filtered by name or slug, with how many products use each. */
export async function listBrands(db: DbTx, input: ListBrandsInput) {
  const limit = input.limit ?? 50;
  const where: Prisma.BrandWhereInput = input.query
    ? { OR: [{ name: { contains: input.query, mode: "insensitive" } }, { slug: { contains: input.query, mode: "insensitive" } }] }
    : {};
  const rows = await db.brand.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: { id: true, slug: true, name: true, logoId: true, createdAt: true, _count: { select: { products: true } } },
  });
  const page = rows.slice(0, limit);
  return {
    brands: page.map(({ _count, ...b }) => ({ ...b, productCount: _count.products })),
    nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
  };
}

/** Creates a brand; the slug comes from the name (with -2, -3… on a clash) unless given. Call inside a transaction. */
export async function createBrand(db: DbTx, actor: Actor, input: CreateBrandInput) {
  await checkLogo(db, input.logoId);
  let slug: string;
  if (input.slug) {
    if (await db.brand.findUnique({ where: { slug: input.slug } })) throw conflict("catalog.brandSlugTaken");
    slug = input.slug;
  } else {
    const base = slugify(input.name, "brand");
    const taken = await db.brand.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
    slug = firstFreeSlug(base, new Set(taken.map((b) => b.slug)));
  }
  const brand = await db.brand.create({ data: { name: input.name, slug, logoId: input.logoId ?? null } });
  await recordAudit(db, actor, { action: "catalog.brand.create", resourceType: "brand", resourceId: brand.id, metadata: { name: brand.name, slug } });
  return brand;
}

/** Renames a brand (its slug stays unless a new one is given, so links keep working) or sets its logo. Call inside a transaction. */
export async function updateBrand(db: DbTx, actor: Actor, input: UpdateBrandInput) {
  const before = await db.brand.findUnique({ where: { id: input.brandId } });
  if (!before) throw notFound("catalog.brandNotFound");
  if (input.slug && input.slug !== before.slug && (await db.brand.findUnique({ where: { slug: input.slug } }))) throw conflict("catalog.brandSlugTaken");
  await checkLogo(db, input.logoId);
  const brand = await db.brand.update({ where: { id: before.id }, data: { name: input.name, slug: input.slug, logoId: input.logoId } });
  // Search documents carry the brand's name and slug (the brand facet).
  if (brand.name !== before.name || brand.slug !== before.slug) {
    await publish(db, { type: "catalog.labelsChanged", aggregateType: "brand", aggregateId: brand.id, payload: { scope: "brand", id: brand.id } });
  }
  await recordAudit(db, actor, {
    action: "catalog.brand.update", resourceType: "brand", resourceId: brand.id,
    metadata: { before: { name: before.name, slug: before.slug, logoId: before.logoId }, after: { name: brand.name, slug: brand.slug, logoId: brand.logoId } },
  });
  return brand;
}

/** Deletes a brand no product uses. Call inside a transaction. */
export async function deleteBrand(db: DbTx, actor: Actor, brandId: string) {
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Brand" WHERE "id" = ${brandId} FOR UPDATE`;
  if (rows.length === 0) throw notFound("catalog.brandNotFound");
  const products = await db.product.count({ where: { brandId } });
  if (products > 0) throw conflict("catalog.brandInUse", { count: products });
  const brand = await db.brand.delete({ where: { id: brandId } });
  await recordAudit(db, actor, { action: "catalog.brand.delete", resourceType: "brand", resourceId: brandId, metadata: { name: brand.name, slug: brand.slug } });
}
