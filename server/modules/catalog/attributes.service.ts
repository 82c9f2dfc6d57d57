// Attribute definitions of a category (inherited by its descendants) and the validator the
// products module runs on a product's attribute values.
import type { DbTx } from "@/server/db";
import type { Actor } from "@/server/lib/actor";
import { conflict, notFound } from "@/server/lib/errors";
import { recordAudit } from "@/server/modules/audit";
import { TEXT_VALUE_MAX, type CreateAttributeInput, type ReorderAttributesInput, type UpdateAttributeInput } from "./catalog.schema";
import { categoryPathOf, lockCategoryTree } from "./categories.service";

/** Ids of the category, its ancestors and its descendants: where an attribute code must be unique. */
async function lineageIds(db: DbTx, category: { id: string; ancestorIds: string[] }): Promise<string[]> {
  const descendants = await db.category.findMany({ where: { ancestorIds: { has: category.id } }, select: { id: true } });
  return [...categoryPathOf(category), ...descendants.map((d) => d.id)];
}

/** Products in the category or below it whose attributes hold a value for `code` (some of `values`, when given). */
async function productsUsing(db: DbTx, categoryId: string, code: string, values?: string[]): Promise<number> {
  const rows = values
    ? await db.$queryRaw<{ count: bigint }[]>`
        SELECT count(*) AS count FROM "Product"
         WHERE ${categoryId} = ANY("categoryPath") AND "attributes" ->> ${code} = ANY(${values}::text[])`
    : await db.$queryRaw<{ count: bigint }[]>`
        SELECT count(*) AS count FROM "Product" WHERE ${categoryId} = ANY("categoryPath") AND ("attributes" -> ${code}) IS NOT NULL`;
  return Number(rows[0]?.count ?? 0);
}

/**
 * Adds an attribute definition at the end of the category's own list. The code must be free in
 * the category, its ancestors and its descendants, so inherited codes never clash. Call inside a transaction.
 */
export async function createAttribute(db: DbTx, actor: Actor, input: CreateAttributeInput) {
  await lockCategoryTree(db);
  const category = await db.category.findUnique({ where: { id: input.categoryId }, select: { id: true, ancestorIds: true } });
  if (!category) throw notFound("catalog.categoryNotFound");
  const clash = await db.attributeDefinition.findFirst({
    where: { code: input.code, categoryId: { in: await lineageIds(db, category) } }, select: { id: true },
  });
  if (clash) throw conflict("catalog.codeTaken", { code: input.code });
  const last = await db.attributeDefinition.aggregate({ where: { categoryId: category.id }, _max: { position: true } });
  const attribute = await db.attributeDefinition.create({
    data: {
      categoryId: category.id, code: input.code, names: input.names, type: input.type,
      unit: input.type === "NUMBER" ? (input.unit || null) : null,
      options: input.type === "SELECT" ? input.options : [], filterable: input.filterable,
      position: (last._max.position ?? -1) + 1,
    },
  });
  await recordAudit(db, actor, {
    action: "catalog.attribute.create", resourceType: "attributeDefinition", resourceId: attribute.id,
    metadata: { categoryId: category.id, code: attribute.code, type: attribute.type },
  });
  return attribute;
}

async function lockAttribute(db: DbTx, attributeId: string) {
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "AttributeDefinition" WHERE "id" = ${attributeId} FOR UPDATE`;
  if (rows.length === 0) throw notFound("catalog.attributeNotFound");
  return db.attributeDefinition.findUniqueOrThrow({ where: { id: attributeId } });
}

/**
 * Renames an attribute, changes its unit, options or filterable flag. Removing a SELECT option
 * that products still use is refused. Call inside a transaction.
 */
export async function updateAttribute(db: DbTx, actor: Actor, input: UpdateAttributeInput) {
  const before = await lockAttribute(db, input.attributeId);
  const data: { names?: object; unit?: string | null; options?: object; filterable?: boolean } = {};
  if (input.names) data.names = input.names;
  if (input.filterable !== undefined) data.filterable = input.filterable;
  if (input.unit !== undefined) {
    if (before.type !== "NUMBER" && input.unit) throw conflict("catalog.unitOnlyNumber");
    data.unit = before.type === "NUMBER" ? (input.unit || null) : null;
  }
  if (input.options !== undefined) {
    if (before.type !== "SELECT") {
      if (input.options.length > 0) throw conflict("catalog.optionsOnlySelect");
    } else {
      if (input.options.length === 0) throw conflict("catalog.optionsRequired");
      const kept = new Set(input.options.map((o) => o.value));
      const removed = (before.options as { value: string }[]).map((o) => o.value).filter((v) => !kept.has(v));
      if (removed.length > 0) {
        const used = await productsUsing(db, before.categoryId, before.code, removed);
        if (used > 0) throw conflict("catalog.optionInUse", { count: used });
      }
      data.options = input.options;
    }
  }
  const attribute = await db.attributeDefinition.update({ where: { id: before.id }, data });
  await recordAudit(db, actor, {
    action: "catalog.attribute.update", resourceType: "attributeDefinition", resourceId: attribute.id,
    metadata: {
      code: attribute.code,
      before: { names: before.names, unit: before.unit, options: before.options, filterable: before.filterable },
      after: { names: attribute.names, unit: attribute.unit, options: attribute.options, filterable: attribute.filterable },
    },
  });
  return attribute;
}

/** Deletes a definition no product in the category's subtree has a value for. Call inside a transaction. */
export async function deleteAttribute(db: DbTx, actor: Actor, attributeId: string) {
  const attribute = await lockAttribute(db, attributeId);
  const used = await productsUsing(db, attribute.categoryId, attribute.code);
  if (used > 0) throw conflict("catalog.attributeInUse", { count: used });
  await db.attributeDefinition.delete({ where: { id: attribute.id } });
  await recordAudit(db, actor, {
    action: "catalog.attribute.delete", resourceType: "attributeDefinition", resourceId: attribute.id,
    metadata: { categoryId: attribute.categoryId, code: attribute.code, type: attribute.type },
  });
}

/** Puts the category's own definitions in the given order; the list must be exactly them. Call inside a transaction. */
export async function reorderAttributes(db: DbTx, actor: Actor, input: ReorderAttributesInput) {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "AttributeDefinition" WHERE "categoryId" = ${input.categoryId} ORDER BY "id" FOR UPDATE`;
  const ids = new Set(rows.map((r) => r.id));
  if (ids.size !== input.orderedIds.length || new Set(input.orderedIds).size !== ids.size || !input.orderedIds.every((id) => ids.has(id))) {
    throw conflict("catalog.reorderStale");
  }
  for (const [position, id] of input.orderedIds.entries()) await db.attributeDefinition.update({ where: { id }, data: { position } });
  await recordAudit(db, actor, {
    action: "catalog.attribute.reorder", resourceType: "category", resourceId: input.categoryId, metadata: { orderedIds: input.orderedIds },
  });
}

// Validation of product values --------------------------------------------------------------

/** What the validator needs of a definition (getCategoryAttributes returns more). */
export interface AttributeRule {
  code: string;
  type: "TEXT" | "NUMBER" | "BOOLEAN" | "SELECT";
  options: readonly { value: string }[] | unknown;
}

export type AttributeValue = string | number | boolean;
export type ProductAttributesResult =
  | { ok: true; values: Record<string, AttributeValue> }
  /** Message keys under "errors", by attribute code. */
  | { ok: false; errors: Record<string, string> };

/**
 * Checks a product's attribute values against the definitions of its category (with the
 * inherited ones) and normalises them: blanks (null, "", undefined) are dropped, TEXT is
 * trimmed (≤ 200 chars), NUMBER is a finite number (numeric strings accepted), BOOLEAN a
 * boolean ("true"/"false" accepted), SELECT one of the options' values. Unknown codes are refused.
 */
export function validateProductAttributes(definitions: readonly AttributeRule[], values: unknown): ProductAttributesResult {
  if (values == null) return { ok: true, values: {} };
  if (typeof values !== "object" || Array.isArray(values)) return { ok: false, errors: { _: "catalog.attributesInvalid" } };
  const byCode = new Map(definitions.map((d) => [d.code, d]));
  const out: Record<string, AttributeValue> = {};
  const errors: Record<string, string> = {};
  for (const [code, raw] of Object.entries(values as Record<string, unknown>)) {
    const definition = byCode.get(code);
    if (!definition) {
      errors[code] = "catalog.attributeUnknown";
      continue;
    }
    if (raw == null || (typeof raw === "string" && raw.trim() === "")) continue;
    switch (definition.type) {
      case "TEXT": {
        if (typeof raw !== "string") errors[code] = "catalog.attributeText";
        else if (raw.trim().length > TEXT_VALUE_MAX) errors[code] = "catalog.attributeTextTooLong";
        else out[code] = raw.trim();
        break;
      }
      case "NUMBER": {
        const n = typeof raw === "number" ? raw : typeof raw === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : Number.NaN;
        if (!Number.isFinite(n)) errors[code] = "catalog.attributeNumber";
        else out[code] = n;
        break;
      }
      case "BOOLEAN": {
        if (typeof raw === "boolean") out[code] = raw;
        else if (raw === "true" || raw === "false") out[code] = raw === "true";
        else errors[code] = "catalog.attributeBoolean";
        break;
      }
      case "SELECT": {
        const options = Array.isArray(definition.options) ? (definition.options as { value: string }[]) : [];
        if (typeof raw === "string" && options.some((o) => o.value === raw)) out[code] = raw;
        else errors[code] = "catalog.attributeOption";
        break;
      }
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, values: out };
}
