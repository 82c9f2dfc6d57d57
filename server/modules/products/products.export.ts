// Exports a shop's products as CSV, a page of products at a time so large catalogs stream.
import { currencyDigits } from "@/lib/money";
import type { DbTx } from "@/server/db";
import type { Actor } from "@/server/lib/actor";
import { forbidden } from "@/server/lib/errors";
import { recordAudit } from "@/server/modules/audit";
import { getVendorMembership } from "@/server/modules/vendors";
import { ATTRIBUTE_PREFIX, BASE_COLUMNS, csvLine, minorToDecimal } from "./products.csv";
import type { ProductOption } from "./products.schema";

const PAGE = 200;

/** The header row for a shop: base columns, then its attribute codes and translation locales in use. */
async function headerFor(db: DbTx, vendorId: string) {
  const [codes, locales] = await Promise.all([
    db.$queryRaw<{ code: string }[]>`SELECT DISTINCT jsonb_object_keys(attributes) AS code FROM "Product" WHERE "vendorId" = ${vendorId} ORDER BY 1`,
    db.$queryRaw<{ locale: string }[]>`SELECT DISTINCT t.locale FROM "ProductTranslation" t JOIN "Product" p ON p.id = t."productId" WHERE p."vendorId" = ${vendorId} ORDER BY 1`,
  ]);
  return {
    codes: codes.map((c) => c.code),
    locales: locales.map((l) => l.locale),
  };
}

/** Checks the actor may export the shop's products, and audits the export. */
export async function authorizeProductExport(db: DbTx, actor: Actor, vendorId: string) {
  const membership = await getVendorMembership(db, actor.userId, vendorId);
  if (!membership || !membership.effectivePermissions.has("products.write")) throw forbidden();
  await recordAudit(db, actor, { action: "product.export", resourceType: "vendor", resourceId: vendorId });
}

/** CSV lines of the shop's products, one per variant; `template` gives the header only. Call authorizeProductExport first. */
export async function* exportProductsCsv(db: DbTx, vendorId: string, options: { template?: boolean } = {}): AsyncGenerator<string> {
  const { codes, locales } = options.template ? { codes: [], locales: [] } : await headerFor(db, vendorId);
  yield "\uFEFF" + csvLine([
    ...BASE_COLUMNS,
    ...codes.map((c) => `${ATTRIBUTE_PREFIX}${c}`),
    ...locales.flatMap((l) => [`title:${l}`, `description:${l}`]),
  ]);
  if (options.template) return;
  let cursor: string | undefined;
  for (;;) {
    const products = await db.product.findMany({
      where: { vendorId }, orderBy: { id: "asc" }, take: PAGE, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      include: {
        category: { select: { slug: true } }, brand: { select: { slug: true } },
        variants: { orderBy: { position: "asc" } }, translations: true,
      },
    });
    for (const p of products) {
      const options = p.options as ProductOption[];
      const attributes = p.attributes as Record<string, unknown>;
      const digits = currencyDigits(p.currency.trim());
      const translations = new Map(p.translations.map((t) => [t.locale, t]));
      for (const [index, v] of p.variants.entries()) {
        const values = v.optionValues as Record<string, string>;
        const first = index === 0;
        yield csvLine([
          p.slug, p.title, first ? p.description : "", p.category.slug, p.brand?.slug ?? "", p.status.toLowerCase(), p.currency.trim(),
          ...[0, 1, 2].flatMap((i) => (options[i] ? [options[i].name, values[options[i].name] ?? ""] : ["", ""])),
          v.sku, minorToDecimal(v.price, digits), v.compareAtPrice === null ? "" : minorToDecimal(v.compareAtPrice, digits),
          v.weightGrams, v.lengthMm, v.widthMm, v.heightMm, v.barcode, v.active ? "true" : "false",
          ...codes.map((c) => (first && attributes[c] !== undefined ? String(attributes[c]) : "")),
          ...locales.flatMap((l) => (first ? [translations.get(l)?.title ?? "", translations.get(l)?.description ?? ""] : ["", ""])),
        ]);
      }
    }
    if (products.length < PAGE) return;
    cursor = products.at(-1)!.id;
  }
}
