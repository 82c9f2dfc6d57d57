// Product attribute values checked against the category's attribute definitions (its own and
// its ancestors'). Replaced by the catalog module's validator once that lands.
import type { DbTx } from "@/server/db";
import { badRequest } from "@/server/lib/errors";

type Value = string | number | boolean;

/** The normalised attribute values, or BAD_REQUEST naming the first wrong one. */
export async function checkProductAttributes(db: DbTx, category: { id: string; ancestorIds: string[] }, values: Record<string, Value>) {
  const definitions = await db.attributeDefinition.findMany({ where: { categoryId: { in: [...category.ancestorIds, category.id] } } });
  const byCode = new Map(definitions.map((d) => [d.code, d]));
  const out: Record<string, Value> = {};
  for (const [code, raw] of Object.entries(values)) {
    const definition = byCode.get(code);
    if (!definition) throw badRequest("products.attributeUnknown", { code });
    if (raw === "" || raw === null) continue;
    switch (definition.type) {
      case "NUMBER": {
        const n = typeof raw === "number" ? raw : Number(raw);
        if (!Number.isFinite(n)) throw badRequest("products.attributeInvalid", { code });
        out[code] = n;
        break;
      }
      case "BOOLEAN":
        if (typeof raw !== "boolean" && raw !== "true" && raw !== "false") throw badRequest("products.attributeInvalid", { code });
        out[code] = raw === true || raw === "true";
        break;
      case "SELECT": {
        const options = definition.options as { value: string }[];
        if (!options.some((o) => o.value === String(raw))) throw badRequest("products.attributeInvalid", { code });
        out[code] = String(raw);
        break;
      }
      default:
        if (String(raw).length > 200) throw badRequest("products.attributeInvalid", { code });
        out[code] = String(raw).trim();
    }
  }
  return out;
}
