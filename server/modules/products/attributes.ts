// A product's attribute values, checked by the catalog's rules against its category's
// attribute definitions (its own and its ancestors').
import type { DbTx } from "@/server/db";
import { badRequest } from "@/server/lib/errors";
import { validateProductAttributes, type AttributeValue } from "@/server/modules/catalog";

/** The normalised attribute values, or BAD_REQUEST naming the first wrong attribute. */
export async function checkProductAttributes(db: DbTx, categoryPath: string[], values: Record<string, AttributeValue>) {
  const definitions = await db.attributeDefinition.findMany({ where: { categoryId: { in: categoryPath } }, select: { code: true, type: true, options: true } });
  const result = validateProductAttributes(definitions, values);
  if (result.ok) return result.values;
  const [code, key] = Object.entries(result.errors)[0]!;
  throw badRequest(key === "catalog.attributeUnknown" ? "products.attributeUnknown" : "products.attributeInvalid", { code });
}
