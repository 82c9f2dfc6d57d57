// The category tree: creation, renaming, moves (with the subtree's ancestors and its products'
// category paths), ordering and deletion; and the readers the storefront and admin use.
import { localized } from "@/lib/i18n/localized";
import type { DbTx } from "@/server/db";
import { publish } from "@/server/events";
import type { Actor } from "@/server/lib/actor";
import { badRequest, conflict, notFound } from "@/server/lib/errors";
import { recordAudit } from "@/server/modules/audit";
import { firstFreeSlug, slugify } from "@/server/lib/slugs";
import type { CreateCategoryInput, MoveCategoryInput, ReorderCategoriesInput, UpdateCategoryInput } from "./catalog.schema";

async function freeCategorySlug(db: DbTx, base: string): Promise<string> {
  const rows = await db.category.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  return firstFreeSlug(base, new Set(rows.map((r) => r.slug)));
}

/**
 * Serialises structural changes of the tree (create, move, delete, attribute codes), so a
 * cycle or code-clash check never races another change. Moves are rare; this costs nothing.
 */
export async function lockCategoryTree(db: DbTx) {
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('bazaar.catalog.tree'))`;
}

/** What Product.categoryPath holds for a product in `category`: its ancestors (root first), then itself. */
export function categoryPathOf(category: { id: string; ancestorIds: string[] }): string[] {
  return [...category.ancestorIds, category.id];
}

/**
 * The category path for a product being written in `categoryId`, with the category row locked
 * FOR SHARE until the transaction ends, so a concurrent move (which locks the subtree FOR
 * UPDATE) can't leave the product's path stale. The products module calls this inside its
 * transaction; null when the category doesn't exist.
 */
export async function lockCategoryPathForProduct(db: DbTx, categoryId: string): Promise<string[] | null> {
  const rows = await db.$queryRaw<{ id: string; ancestorIds: string[] }[]>`
    SELECT "id", "ancestorIds" FROM "Category" WHERE "id" = ${categoryId} FOR SHARE`;
  return rows[0] ? categoryPathOf(rows[0]) : null;
}

async function lockCategory(db: DbTx, categoryId: string) {
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Category" WHERE "id" = ${categoryId} FOR UPDATE`;
  if (rows.length === 0) throw notFound("catalog.categoryNotFound");
  return db.category.findUniqueOrThrow({ where: { id: categoryId } });
}

async function nextPosition(db: DbTx, parentId: string | null) {
  const last = await db.category.aggregate({ where: { parentId }, _max: { position: true } });
  return (last._max.position ?? -1) + 1;
}

/** Creates a category at the end of its parent's children (or of the roots). Call inside a transaction. */
export async function createCategory(db: DbTx, actor: Actor, input: CreateCategoryInput) {
  await lockCategoryTree(db);
  const parentId = input.parentId ?? null;
  let ancestorIds: string[] = [];
  if (parentId) {
    const parent = await db.category.findUnique({ where: { id: parentId }, select: { id: true, ancestorIds: true } });
    if (!parent) throw notFound("catalog.parentNotFound");
    ancestorIds = categoryPathOf(parent);
  }
  let slug: string;
  if (input.slug) {
    if (await db.category.findUnique({ where: { slug: input.slug } })) throw conflict("catalog.slugTaken");
    slug = input.slug;
  } else {
    slug = await freeCategorySlug(db, slugify(input.names.en, "category"));
  }
  const category = await db.category.create({
    data: { parentId, slug, names: input.names, ancestorIds, position: await nextPosition(db, parentId) },
  });
  await recordAudit(db, actor, {
    action: "catalog.category.create", resourceType: "category", resourceId: category.id,
    metadata: { slug, parentId, names: input.names },
  });
  return category;
}

/** Products in the category's subtree carry its names (and path) in search documents. */
async function announceRelabel(db: DbTx, categoryId: string) {
  await publish(db, { type: "catalog.labelsChanged", aggregateType: "category", aggregateId: categoryId, payload: { scope: "category", id: categoryId } });
}

/** Renames a category, changes its slug or its position. Call inside a transaction. */
export async function updateCategory(db: DbTx, actor: Actor, input: UpdateCategoryInput) {
  const before = await lockCategory(db, input.categoryId);
  if (input.slug && input.slug !== before.slug && (await db.category.findUnique({ where: { slug: input.slug } }))) {
    throw conflict("catalog.slugTaken");
  }
  const category = await db.category.update({
    where: { id: before.id },
    data: { names: input.names, slug: input.slug, position: input.position },
  });
  if (JSON.stringify(before.names) !== JSON.stringify(category.names)) await announceRelabel(db, category.id);
  await recordAudit(db, actor, {
    action: "catalog.category.update", resourceType: "category", resourceId: category.id,
    metadata: {
      before: { slug: before.slug, names: before.names, position: before.position },
      after: { slug: category.slug, names: category.names, position: category.position },
    },
  });
  return category;
}

/**
 * Moves a category (with its whole subtree) under another parent, or to the roots. Refuses a
 * move under itself or a descendant, and one that would make an inherited attribute code
 * appear twice. Rewrites the subtree's ancestorIds and its products' categoryPath in the same
 * transaction, with the subtree's rows locked. Call inside a transaction.
 */
export async function moveCategory(db: DbTx, actor: Actor, input: MoveCategoryInput) {
  await lockCategoryTree(db);
  const category = await lockCategory(db, input.categoryId);
  const newParentId = input.parentId;
  if (newParentId === category.parentId) return { category, movedCategories: 0, updatedProducts: 0 };

  let newPrefix: string[] = [];
  if (newParentId) {
    if (newParentId === category.id) throw badRequest("catalog.moveIntoItself");
    const parent = await db.category.findUnique({ where: { id: newParentId }, select: { id: true, ancestorIds: true } });
    if (!parent) throw notFound("catalog.parentNotFound");
    if (parent.ancestorIds.includes(category.id)) throw badRequest("catalog.moveIntoItself");
    newPrefix = categoryPathOf(parent);
  }

  // Lock the subtree (ordered, so two lockers never deadlock) before reading it.
  const subtree = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Category" WHERE "id" = ${category.id} OR ${category.id} = ANY("ancestorIds") ORDER BY "id" FOR UPDATE`;
  const subtreeIds = subtree.map((r) => r.id);

  // Codes of the subtree must not clash with codes of the new ancestors.
  if (newPrefix.length > 0) {
    const clash = await db.attributeDefinition.findFirst({
      where: {
        categoryId: { in: subtreeIds },
        code: { in: (await db.attributeDefinition.findMany({ where: { categoryId: { in: newPrefix } }, select: { code: true } })).map((a) => a.code) },
      },
      select: { code: true },
    });
    if (clash) throw conflict("catalog.moveCodeClash", { code: clash.code });
  }

  const oldDepth = category.ancestorIds.length;
  // New ancestors = new prefix + whatever lay below the moved category's old position.
  await db.$executeRaw`
    UPDATE "Category"
       SET "ancestorIds" = ${newPrefix}::text[] || COALESCE("ancestorIds"[${oldDepth + 1}:], '{}'::text[]),
           "updatedAt" = now()
     WHERE "id" = ANY(${subtreeIds}::text[])`;
  const moved = await db.category.update({
    where: { id: category.id },
    data: { parentId: newParentId, position: await nextPosition(db, newParentId) },
  });
  const updatedProducts = await db.$executeRaw`
    UPDATE "Product" AS p
       SET "categoryPath" = c."ancestorIds" || c."id", "updatedAt" = now()
      FROM "Category" AS c
     WHERE p."categoryId" = c."id" AND c."id" = ANY(${subtreeIds}::text[])`;
  await announceRelabel(db, category.id);

  await recordAudit(db, actor, {
    action: "catalog.category.move", resourceType: "category", resourceId: category.id,
    metadata: { fromParentId: category.parentId, toParentId: newParentId, movedCategories: subtreeIds.length, updatedProducts },
  });
  return { category: moved, movedCategories: subtreeIds.length, updatedProducts };
}

/** Puts a parent's children (or the roots) in the given order; the list must be exactly them. Call inside a transaction. */
export async function reorderCategories(db: DbTx, actor: Actor, input: ReorderCategoriesInput) {
  await lockCategoryTree(db);
  const siblings = await db.category.findMany({ where: { parentId: input.parentId }, select: { id: true } });
  const ids = new Set(siblings.map((s) => s.id));
  if (ids.size !== input.orderedIds.length || new Set(input.orderedIds).size !== ids.size || !input.orderedIds.every((id) => ids.has(id))) {
    throw conflict("catalog.reorderStale");
  }
  for (const [position, id] of input.orderedIds.entries()) await db.category.update({ where: { id }, data: { position } });
  await recordAudit(db, actor, {
    action: "catalog.category.reorder", resourceType: "category", resourceId: input.parentId,
    metadata: { parentId: input.parentId, orderedIds: input.orderedIds },
  });
}

/** Deletes a category with no children and no products (its attribute definitions go with it). Call inside a transaction. */
export async function deleteCategory(db: DbTx, actor: Actor, categoryId: string) {
  await lockCategoryTree(db);
  const category = await lockCategory(db, categoryId);
  const children = await db.category.count({ where: { parentId: categoryId } });
  if (children > 0) throw conflict("catalog.categoryHasChildren", { count: children });
  const products = await db.product.count({ where: { categoryId } });
  if (products > 0) throw conflict("catalog.categoryHasProducts", { count: products });
  await db.category.delete({ where: { id: categoryId } });
  await recordAudit(db, actor, {
    action: "catalog.category.delete", resourceType: "category", resourceId: categoryId,
    metadata: { slug: category.slug, parentId: category.parentId, names: category.names },
  });
}

// Readers ---------------------------------------------------------------------------------

export interface CategoryTreeNode {
  id: string;
  parentId: string | null;
  slug: string;
  /** In the requested locale, English when not translated. */
  name: string;
  names: Record<string, string>;
  position: number;
  depth: number;
  imageId: string | null;
  children: CategoryTreeNode[];
}

function byPositionThenName(locale: string) {
  const collator = new Intl.Collator(locale);
  return (a: { position: number; name: string }, b: { position: number; name: string }) =>
    a.position - b.position || collator.compare(a.name, b.name);
}

/** The whole tree, nested, localized (English fallback), ordered by position then name. One query. */
export async function getCategoryTree(db: DbTx, locale: string): Promise<CategoryTreeNode[]> {
  const rows = await db.category.findMany({
    select: { id: true, parentId: true, slug: true, names: true, position: true, ancestorIds: true, imageId: true },
  });
  const nodes = new Map<string, CategoryTreeNode>();
  for (const r of rows) {
    nodes.set(r.id, {
      id: r.id, parentId: r.parentId, slug: r.slug, name: localized(r.names, locale), names: r.names as Record<string, string>,
      position: r.position, depth: r.ancestorIds.length, imageId: r.imageId, children: [],
    });
  }
  const roots: CategoryTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const compare = byPositionThenName(locale);
  const sort = (list: CategoryTreeNode[]) => {
    list.sort(compare);
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

export interface EffectiveAttribute {
  id: string;
  categoryId: string;
  code: string;
  names: Record<string, string>;
  name: string;
  type: "TEXT" | "NUMBER" | "BOOLEAN" | "SELECT";
  unit: string | null;
  options: { value: string; names: Record<string, string>; name: string }[];
  filterable: boolean;
  position: number;
  /** Defined on an ancestor rather than on the category itself. */
  inherited: boolean;
}

/** Attribute definitions of the categories in `path` (root first), ancestors' first, then by position. */
async function attributesAlong(db: DbTx, path: string[], locale: string): Promise<EffectiveAttribute[]> {
  const own = path[path.length - 1];
  const rows = await db.attributeDefinition.findMany({ where: { categoryId: { in: path } } });
  const depth = new Map(path.map((id, i) => [id, i]));
  rows.sort((a, b) => depth.get(a.categoryId)! - depth.get(b.categoryId)! || a.position - b.position || a.code.localeCompare(b.code));
  return rows.map((r) => ({
    id: r.id, categoryId: r.categoryId, code: r.code, names: r.names as Record<string, string>, name: localized(r.names, locale),
    type: r.type, unit: r.unit, filterable: r.filterable, position: r.position, inherited: r.categoryId !== own,
    options: (r.options as { value: string; names: Record<string, string> }[]).map((o) => ({ ...o, name: localized(o.names, locale) })),
  }));
}

/** The definitions that apply to products in `categoryId`: its ancestors' first, then its own. For the product editor. */
export async function getCategoryAttributes(db: DbTx, categoryId: string, locale = "en"): Promise<EffectiveAttribute[]> {
  const category = await db.category.findUnique({ where: { id: categoryId }, select: { id: true, ancestorIds: true } });
  if (!category) throw notFound("catalog.categoryNotFound");
  return attributesAlong(db, categoryPathOf(category), locale);
}

async function categoryDetails(db: DbTx, where: { id: string } | { slug: string }, locale: string) {
  const category = await db.category.findUnique({ where });
  if (!category) return null;
  const path = categoryPathOf(category);
  const [ancestors, children, attributes] = await Promise.all([
    db.category.findMany({ where: { id: { in: category.ancestorIds } }, select: { id: true, slug: true, names: true } }),
    db.category.findMany({ where: { parentId: category.id }, select: { id: true, slug: true, names: true, position: true, imageId: true } }),
    attributesAlong(db, path, locale),
  ]);
  const order = new Map(category.ancestorIds.map((id, i) => [id, i]));
  const compare = byPositionThenName(locale);
  return {
    id: category.id,
    parentId: category.parentId,
    slug: category.slug,
    name: localized(category.names, locale),
    names: category.names as Record<string, string>,
    position: category.position,
    imageId: category.imageId,
    path,
    breadcrumb: ancestors.sort((a, b) => order.get(a.id)! - order.get(b.id)!).map((a) => ({ id: a.id, slug: a.slug, name: localized(a.names, locale) })),
    children: children.map((c) => ({ id: c.id, slug: c.slug, position: c.position, imageId: c.imageId, name: localized(c.names, locale) })).sort(compare),
    attributes,
  };
}
export type CategoryDetails = NonNullable<Awaited<ReturnType<typeof categoryDetails>>>;

/** A category by slug with its breadcrumb (root first), children and effective attributes; null if none. */
export function getCategoryBySlug(db: DbTx, slug: string, locale: string) {
  return categoryDetails(db, { slug }, locale);
}

/** The same as getCategoryBySlug, by id (the admin console's detail page). */
export function getCategoryById(db: DbTx, categoryId: string, locale: string) {
  return categoryDetails(db, { id: categoryId }, locale);
}
