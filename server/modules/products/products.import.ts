// CSV import of a shop's products. Each product (the rows sharing a handle) is validated and
// written in its own transaction, so a bad row refuses its whole product and nothing else:
// no half-imported products. Progress is written to the CatalogImport row as it goes.
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { routing } from "@/lib/i18n/routing";
import { parseMoney } from "@/lib/money";
import type { Prisma } from "@/prisma/generated/client/client";
import type { Db, DbTx } from "@/server/db";
import type { Actor } from "@/server/lib/actor";
import { AppError, badRequest, forbidden, notFound } from "@/server/lib/errors";
import { logger } from "@/server/lib/logger";
import { recordAudit } from "@/server/modules/audit";
import { getVendorMembership } from "@/server/modules/vendors";
import { ATTRIBUTE_PREFIX, REQUIRED_COLUMNS } from "./products.csv";
import { CreateProductInput, PRODUCT_CURRENCIES, type VariantInput } from "./products.schema";
import { createProduct, setProductStatus, updateProduct } from "./products.service";

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 10_000;

export const StartImportInput = z.object({
  vendorId: z.string().min(1).max(50),
  fileName: z.string().trim().min(1).max(200),
  csv: z.string().min(1, { error: "catalogImport.empty" }).max(MAX_IMPORT_BYTES, { error: "catalogImport.tooLarge" }),
});
export type StartImportInput = z.infer<typeof StartImportInput>;
export const ImportRefInput = z.object({ vendorId: z.string().min(1).max(50), importId: z.string().min(1).max(50) });

export interface ImportRowError {
  row: number;
  column?: string;
  messageKey: string;
  params?: Record<string, string | number>;
}

type Row = Record<string, string>;

async function requireProductsWrite(db: DbTx, actor: Actor, vendorId: string) {
  const membership = await getVendorMembership(db, actor.userId, vendorId);
  if (!membership || !membership.effectivePermissions.has("products.write")) throw forbidden();
}

/** Parses the file; refuses files that are not CSV, miss required columns or are too long. */
export function parseProductCsv(csv: string): Row[] {
  let rows: Row[];
  try {
    rows = parse(csv, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch {
    throw badRequest("catalogImport.unreadable");
  }
  const columns = new Set(Object.keys(rows[0] ?? {}));
  if (rows.length === 0) throw badRequest("catalogImport.empty");
  for (const column of REQUIRED_COLUMNS) if (!columns.has(column)) throw badRequest("catalogImport.missingColumn", { column });
  if (rows.length > MAX_IMPORT_ROWS) throw badRequest("catalogImport.tooManyRows", { max: MAX_IMPORT_ROWS });
  return rows;
}

/** A seller uploads a CSV: the import is recorded (QUEUED) and runs in the background. */
export async function startImport(db: DbTx, actor: Actor, input: StartImportInput) {
  await requireProductsWrite(db, actor, input.vendorId);
  const rows = parseProductCsv(input.csv);
  const created = await db.catalogImport.create({
    data: { vendorId: input.vendorId, createdById: actor.userId, fileName: input.fileName, csv: input.csv, totalRows: rows.length },
  });
  await recordAudit(db, actor, { action: "product.import.start", resourceType: "vendor", resourceId: input.vendorId, metadata: { importId: created.id, fileName: input.fileName, rows: rows.length } });
  return { importId: created.id };
}

/** An import's progress and the rows it refused. */
export async function getImport(db: DbTx, actor: Actor, input: z.infer<typeof ImportRefInput>) {
  await requireProductsWrite(db, actor, input.vendorId);
  const found = await db.catalogImport.findFirst({ where: { id: input.importId, vendorId: input.vendorId }, omit: { csv: true } });
  if (!found) throw notFound("catalogImport.notFound");
  return { ...found, errors: found.errors as unknown as ImportRowError[] };
}

/** The shop's latest imports. */
export async function listImports(db: DbTx, actor: Actor, vendorId: string) {
  await requireProductsWrite(db, actor, vendorId);
  return db.catalogImport.findMany({
    where: { vendorId }, orderBy: { createdAt: "desc" }, take: 20,
    select: { id: true, fileName: true, status: true, totalRows: true, importedRows: true, failedRows: true, createdAt: true, finishedAt: true },
  });
}

const BOOL = new Map([["true", true], ["yes", true], ["1", true], ["false", false], ["no", false], ["0", false]]);

/** The product input for one handle's rows, or the errors that refuse it. */
function buildProduct(vendorId: string, rows: { line: number; row: Row }[], lookups: Lookups): { input?: CreateProductInput; status?: "DRAFT" | "ACTIVE" | "ARCHIVED"; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const head = rows[0]!;
  const first = (column: string) => rows.map((r) => r.row[column] ?? "").find((v) => v !== "") ?? "";
  const currency = (first("currency") || "USD").toUpperCase();
  if (!(PRODUCT_CURRENCIES as readonly string[]).includes(currency)) errors.push({ row: head.line, column: "currency", messageKey: "products.currencyInvalid" });
  const categoryId = lookups.categories.get(first("category").toLowerCase());
  if (!categoryId) errors.push({ row: head.line, column: "category", messageKey: "catalogImport.categoryUnknown", params: { value: first("category") } });
  const brandSlug = first("brand").toLowerCase();
  const brandId = brandSlug ? lookups.brands.get(brandSlug) : null;
  if (brandSlug && !brandId) errors.push({ row: head.line, column: "brand", messageKey: "catalogImport.brandUnknown", params: { value: first("brand") } });
  const statusText = (first("status") || "draft").toUpperCase();
  if (!["DRAFT", "ACTIVE", "ARCHIVED"].includes(statusText)) errors.push({ row: head.line, column: "status", messageKey: "catalogImport.statusInvalid", params: { value: first("status") } });

  const optionNames = [1, 2, 3].map((i) => first(`option${i}_name`)).filter(Boolean);
  const options = optionNames.map((name, i) => ({
    name, values: [...new Set(rows.map((r) => r.row[`option${i + 1}_value`] ?? "").filter(Boolean))],
  }));
  const number = (line: number, row: Row, column: string) => {
    const text = row[column] ?? "";
    if (text === "") return null;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0) {
      errors.push({ row: line, column, messageKey: "catalogImport.numberInvalid", params: { value: text } });
      return null;
    }
    return n;
  };
  const variants: VariantInput[] = rows.map(({ line, row }) => {
    const price = parseMoney(row.price ?? "", PRODUCT_CURRENCIES.includes(currency as never) ? currency : "USD");
    if (price === null) errors.push({ row: line, column: "price", messageKey: "catalogImport.priceInvalid", params: { value: row.price ?? "" } });
    const compareText = row.compare_at_price ?? "";
    const compareAtPrice = compareText ? parseMoney(compareText, PRODUCT_CURRENCIES.includes(currency as never) ? currency : "USD") : null;
    if (compareText && compareAtPrice === null) errors.push({ row: line, column: "compare_at_price", messageKey: "catalogImport.priceInvalid", params: { value: compareText } });
    const active = BOOL.get((row.active ?? "true").toLowerCase() || "true");
    if (active === undefined) errors.push({ row: line, column: "active", messageKey: "catalogImport.booleanInvalid", params: { value: row.active ?? "" } });
    return {
      sku: row.sku ?? "", price: price ?? 0, compareAtPrice,
      optionValues: Object.fromEntries(optionNames.map((name, i) => [name, row[`option${i + 1}_value`] ?? ""])),
      weightGrams: number(line, row, "weight_grams"), lengthMm: number(line, row, "length_mm"), widthMm: number(line, row, "width_mm"),
      heightMm: number(line, row, "height_mm"), barcode: row.barcode || null, imageMediaId: null, active: active ?? true,
    };
  });
  const attributes: Record<string, string> = {};
  for (const column of Object.keys(head.row)) {
    if (column.startsWith(ATTRIBUTE_PREFIX) && first(column) !== "") attributes[column.slice(ATTRIBUTE_PREFIX.length)] = first(column);
  }
  const translations = routing.locales.flatMap((locale) => {
    const title = first(`title:${locale}`);
    return title ? [{ locale, title, description: first(`description:${locale}`) }] : [];
  });
  if (errors.length) return { errors };

  const parsed = CreateProductInput.safeParse({
    vendorId, title: first("title"), description: first("description"), categoryId, brandId: brandId ?? null, currency, options, variants, attributes, translations,
    locale: "en",
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      // variants.<i>.<field> points at that variant's row; product fields at the first row.
      const [top, index, field] = issue.path;
      const line = top === "variants" && typeof index === "number" ? rows[index]?.line ?? head.line : head.line;
      errors.push({ row: line, column: String(top === "variants" ? field ?? top : top), messageKey: issue.message });
    }
    return { errors };
  }
  return { input: parsed.data, status: statusText as "DRAFT" | "ACTIVE" | "ARCHIVED", errors };
}

interface Lookups {
  categories: Map<string, string>;
  brands: Map<string, string>;
}

/** Writes one product (create, or update when the handle is one of the shop's slugs) in one transaction. */
async function importProduct(db: Db, actor: Actor, vendorId: string, handle: string, input: CreateProductInput, status: "DRAFT" | "ACTIVE" | "ARCHIVED") {
  await db.$transaction(async (tx) => {
    const existing = await tx.product.findFirst({
      where: { vendorId, slug: handle }, include: { variants: { select: { id: true, sku: true } }, images: { orderBy: { position: "asc" }, select: { mediaId: true, alt: true } }, translations: true },
    });
    let productId: string;
    if (existing) {
      const idBySku = new Map(existing.variants.map((v) => [v.sku.toLowerCase(), v.id]));
      const translations = new Map(existing.translations.map((t) => [t.locale, { locale: t.locale, title: t.title, description: t.description }]));
      for (const t of input.translations) translations.set(t.locale, t);
      await updateProduct(tx, actor, {
        ...input, productId: existing.id, images: existing.images,
        translations: [...translations.values()] as CreateProductInput["translations"],
        variants: input.variants.map((v) => ({ ...v, id: idBySku.get(v.sku.toLowerCase()) })),
      });
      productId = existing.id;
    } else {
      productId = (await createProduct(tx, actor, input)).id;
    }
    const current = await tx.product.findUniqueOrThrow({ where: { id: productId }, select: { status: true } });
    if (current.status !== status) await setProductStatus(tx, actor, { vendorId, productId, status });
  }, { timeout: 30_000 });
}

/** Runs a QUEUED import to the end, recording progress; safe to call twice (the second call finds it taken). */
export async function runImport(db: Db, actor: Actor, importId: string) {
  const claimed = await db.catalogImport.updateMany({ where: { id: importId, status: "QUEUED" }, data: { status: "RUNNING", startedAt: new Date() } });
  if (claimed.count === 0) return;
  const job = await db.catalogImport.findUniqueOrThrow({ where: { id: importId } });
  const log = logger.child({ importId, vendorId: job.vendorId });
  try {
    const rows = parseProductCsv(job.csv);
    const [categories, brands] = await Promise.all([db.category.findMany({ select: { id: true, slug: true } }), db.brand.findMany({ select: { id: true, slug: true } })]);
    const lookups: Lookups = { categories: new Map(categories.map((c) => [c.slug, c.id])), brands: new Map(brands.map((b) => [b.slug, b.id])) };
    // Header is line 1, so the first data row is line 2 (what a spreadsheet shows).
    const groups = new Map<string, { line: number; row: Row }[]>();
    rows.forEach((row, i) => {
      const handle = (row.handle ?? "").toLowerCase() || `__row_${i}`;
      groups.set(handle, [...(groups.get(handle) ?? []), { line: i + 2, row }]);
    });
    const errors: ImportRowError[] = [];
    let processed = 0;
    let imported = 0;
    let lastSave = Date.now();
    for (const [handle, group] of groups) {
      const built = buildProduct(job.vendorId, group, lookups);
      if (built.input && built.status) {
        try {
          await importProduct(db, actor, job.vendorId, handle, built.input, built.status);
          imported += group.length;
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          const sku = error.params.sku;
          const line = group.find((g) => sku !== undefined && g.row.sku === sku)?.line ?? group[0]!.line;
          errors.push({ row: line, messageKey: error.messageKey, params: error.params });
        }
      } else {
        errors.push(...built.errors);
      }
      // Rows of a refused product that had no error of their own are refused with it.
      if (!built.input || errors.some((e) => group.some((g) => g.line === e.row))) {
        for (const g of group) if (!errors.some((e) => e.row === g.line)) errors.push({ row: g.line, messageKey: "catalogImport.productRefused", params: { row: group[0]!.line } });
      }
      processed += group.length;
      if (Date.now() - lastSave > 500) {
        lastSave = Date.now();
        await db.catalogImport.update({ where: { id: importId }, data: { processedRows: processed, importedRows: imported, failedRows: processed - imported } });
      }
    }
    errors.sort((a, b) => a.row - b.row);
    await db.catalogImport.update({
      where: { id: importId },
      data: { status: "SUCCEEDED", processedRows: processed, importedRows: imported, failedRows: processed - imported, errors: errors as unknown as Prisma.InputJsonValue, finishedAt: new Date() },
    });
    await recordAudit(db, actor, { action: "product.import.finish", resourceType: "vendor", resourceId: job.vendorId, metadata: { importId, imported, failed: processed - imported } });
    log.info("catalog import finished", { imported, failed: processed - imported });
  } catch (error) {
    log.error("catalog import failed", { error });
    const key = error instanceof AppError ? error.messageKey : "catalogImport.crashed";
    await db.catalogImport.update({ where: { id: importId }, data: { status: "FAILED", errors: [{ row: 0, messageKey: key }] as unknown as Prisma.InputJsonValue, finishedAt: new Date() } });
  }
}
