// Banners and posters: staff manage them (admin console), the storefront reads the live ones.
import { localized } from "@/lib/i18n/localized";
import type { Prisma } from "@/prisma/generated/client/client";
import type { DbTx } from "@/server/db";
import type { Actor } from "@/server/lib/actor";
import { badRequest, conflict, notFound } from "@/server/lib/errors";
import { recordAudit } from "@/server/modules/audit";
import {
  LiveBannersInput as LiveBannersSchema,
  type BannerPlacementValue, type CreateBannerInput, type LiveBannersInput, type ReorderBannersInput, type SetBannerActiveInput, type UpdateBannerInput,
} from "./content.schema";

const IMAGE_SELECT = { storageKey: true, placeholder: true, width: true, height: true } satisfies Prisma.MediaAssetSelect;

/** What the audit log keeps of a banner (before/after an edit). */
function snapshot(b: { placement: string; categoryId: string | null; title: string; subtitle: string; linkUrl: string; imageId: string; locales: string[]; startsAt: Date | null; endsAt: Date | null; position: number; active: boolean }) {
  return {
    placement: b.placement, categoryId: b.categoryId, title: b.title, subtitle: b.subtitle, linkUrl: b.linkUrl, imageId: b.imageId, locales: b.locales,
    startsAt: b.startsAt?.toISOString() ?? null, endsAt: b.endsAt?.toISOString() ?? null, position: b.position, active: b.active,
  };
}

// The image must be platform content (uploaded by staff), never a shop's upload; the category must exist.
async function checkReferences(db: DbTx, input: { imageId: string; categoryId: string | null }) {
  const image = await db.mediaAsset.findUnique({ where: { id: input.imageId }, select: { vendorId: true } });
  if (!image || image.vendorId !== null) throw badRequest("content.imageNotPlatform");
  if (input.categoryId && !(await db.category.findUnique({ where: { id: input.categoryId }, select: { id: true } }))) {
    throw badRequest("content.categoryNotFound");
  }
}

/** Every banner for the admin console, by placement then position. */
export async function listBanners(db: DbTx, locale: string) {
  const rows = await db.banner.findMany({
    orderBy: [{ placement: "asc" }, { position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    include: { image: { select: IMAGE_SELECT }, category: { select: { id: true, slug: true, names: true } } },
  });
  return rows.map(({ category, ...b }) => ({ ...b, category: category ? { id: category.id, slug: category.slug, name: localized(category.names, locale) } : null }));
}

/** One banner for the edit form. */
export async function getBanner(db: DbTx, bannerId: string) {
  const banner = await db.banner.findUnique({ where: { id: bannerId }, include: { image: { select: { id: true, ...IMAGE_SELECT } } } });
  if (!banner) throw notFound("content.bannerNotFound");
  return banner;
}

/** Categories for the banner form's select, in tree order, with their depth. */
export async function listCategoryOptions(db: DbTx, locale: string) {
  const rows = await db.category.findMany({ select: { id: true, parentId: true, slug: true, names: true, position: true, ancestorIds: true } });
  const children = new Map<string | null, typeof rows>();
  for (const r of rows) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
  const out: { id: string; slug: string; name: string; depth: number }[] = [];
  const walk = (parentId: string | null) => {
    const list = (children.get(parentId) ?? []).sort((a, b) => a.position - b.position || localized(a.names, locale).localeCompare(localized(b.names, locale), locale));
    for (const c of list) {
      out.push({ id: c.id, slug: c.slug, name: localized(c.names, locale), depth: c.ancestorIds.length });
      walk(c.id);
    }
  };
  walk(null);
  return out;
}

/** Creates a banner. Call inside a transaction. */
export async function createBanner(db: DbTx, actor: Actor, input: CreateBannerInput) {
  await checkReferences(db, input);
  const banner = await db.banner.create({ data: { ...input } });
  await recordAudit(db, actor, { action: "banner.create", resourceType: "banner", resourceId: banner.id, metadata: snapshot(banner) });
  return banner;
}

/** Replaces a banner's fields. Call inside a transaction. */
export async function updateBanner(db: DbTx, actor: Actor, input: UpdateBannerInput) {
  const { bannerId, ...fields } = input;
  const before = await db.banner.findUnique({ where: { id: bannerId } });
  if (!before) throw notFound("content.bannerNotFound");
  await checkReferences(db, fields);
  const banner = await db.banner.update({ where: { id: bannerId }, data: fields });
  await recordAudit(db, actor, { action: "banner.update", resourceType: "banner", resourceId: banner.id, metadata: { before: snapshot(before), after: snapshot(banner) } });
  return banner;
}

/** Deletes a banner (its image stays in the media library). Call inside a transaction. */
export async function deleteBanner(db: DbTx, actor: Actor, bannerId: string) {
  const before = await db.banner.findUnique({ where: { id: bannerId } });
  if (!before) throw notFound("content.bannerNotFound");
  await db.banner.delete({ where: { id: bannerId } });
  await recordAudit(db, actor, { action: "banner.delete", resourceType: "banner", resourceId: bannerId, metadata: snapshot(before) });
}

/** Switches a banner on or off. Call inside a transaction. */
export async function setBannerActive(db: DbTx, actor: Actor, input: SetBannerActiveInput) {
  const before = await db.banner.findUnique({ where: { id: input.bannerId }, select: { id: true, active: true } });
  if (!before) throw notFound("content.bannerNotFound");
  const banner = await db.banner.update({ where: { id: input.bannerId }, data: { active: input.active } });
  await recordAudit(db, actor, {
    action: input.active ? "banner.activate" : "banner.deactivate", resourceType: "banner", resourceId: banner.id,
    metadata: { from: before.active, to: input.active },
  });
  return banner;
}

/**
 * Sets the order of one placement's banners. The list must name exactly the placement's banners
 * (so two staff reordering at once cannot leave a half order); positions become 0, 1, 2, …
 * Call inside a transaction.
 */
export async function reorderBanners(db: DbTx, actor: Actor, input: ReorderBannersInput) {
  // Serialise reorders of a placement: lock its rows first.
  const current = await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Banner" WHERE "placement" = ${input.placement}::"BannerPlacement" ORDER BY "id" FOR UPDATE`;
  const wanted = new Set(input.bannerIds);
  if (wanted.size !== input.bannerIds.length || current.length !== wanted.size || current.some((r) => !wanted.has(r.id))) {
    throw conflict("content.reorderStale");
  }
  for (const [position, id] of input.bannerIds.entries()) await db.banner.update({ where: { id }, data: { position } });
  await recordAudit(db, actor, { action: "banner.reorder", resourceType: "banner", resourceId: null, metadata: { placement: input.placement, order: input.bannerIds } });
}

/**
 * The banners a shopper sees at `now`: active, started (or no start), not ended (or no end),
 * targeting the locale (or no locale at all); for CATEGORY_TOP, those of the category or any of
 * its ancestors. Ordered by position.
 */
export async function listLiveBanners(db: DbTx, rawInput: LiveBannersInput & { now: Date }) {
  const { now } = rawInput;
  const input = LiveBannersSchema.parse(rawInput);
  let categoryIds: string[] | null = null;
  if (input.placement === "CATEGORY_TOP") {
    if (!input.categoryId) return [];
    const category = await db.category.findUnique({ where: { id: input.categoryId }, select: { id: true, ancestorIds: true } });
    if (!category) return [];
    categoryIds = [category.id, ...category.ancestorIds];
  }
  const rows = await db.banner.findMany({
    where: {
      placement: input.placement as BannerPlacementValue,
      active: true,
      ...(categoryIds ? { categoryId: { in: categoryIds } } : {}),
      AND: [
        { OR: [{ startsAt: null }, { startsAt: { lte: now } }] },
        { OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
        { OR: [{ locales: { isEmpty: true } }, { locales: { has: input.locale } }] },
      ],
    },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    take: input.limit,
    select: { id: true, placement: true, title: true, subtitle: true, linkUrl: true, categoryId: true, image: { select: IMAGE_SELECT } },
  });
  return rows;
}

export type LiveBanner = Awaited<ReturnType<typeof listLiveBanners>>[number];
