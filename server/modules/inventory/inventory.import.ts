// Bulk stock update by CSV: columns sku, warehouse (the warehouse code), on_hand and an
// optional reason. Each row is its own transaction (a bad row refuses only itself) and goes
// through setStock, so it locks, checks and writes the ledger like a single edit.
import { parse } from "csv-parse/sync";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/lib/actor";
import { AppError, badRequest } from "@/server/lib/errors";
import { recordAudit } from "@/server/modules/audit";
import { MAX_STOCK_CSV_ROWS, MAX_UNITS, SetStockInput, type ImportStockInput } from "./inventory.schema";
import { requireVendorAccess, setStock } from "./inventory.service";

export const STOCK_CSV_COLUMNS = ["sku", "warehouse", "on_hand"] as const;

export interface StockImportRowError {
  /** The line in the file (the header is line 1). */
  row: number;
  column?: string;
  messageKey: string;
  params?: Record<string, string | number>;
}

export interface StockImportResult {
  rows: number;
  updated: number;
  unchanged: number;
  errors: StockImportRowError[];
}

function parseRows(csv: string): Record<string, string>[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(csv, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch {
    throw badRequest("inventory.csvUnreadable");
  }
  if (rows.length === 0) throw badRequest("inventory.csvEmpty");
  const columns = new Set(Object.keys(rows[0]!));
  for (const column of STOCK_CSV_COLUMNS) if (!columns.has(column)) throw badRequest("inventory.csvMissingColumn", { column });
  if (rows.length > MAX_STOCK_CSV_ROWS) throw badRequest("inventory.csvTooManyRows", { max: MAX_STOCK_CSV_ROWS });
  return rows;
}

/** Applies a stock CSV for the vendor; returns counts and the refused rows with their reasons. */
export async function importStockCsv(db: Db, actor: Actor, input: ImportStockInput): Promise<StockImportResult> {
  await requireVendorAccess(db, actor, input.vendorId);
  const rows = parseRows(input.csv);
  const [variants, warehouses] = await Promise.all([
    db.productVariant.findMany({ where: { vendorId: input.vendorId, sku: { in: rows.map((r) => r.sku ?? "") } }, select: { id: true, sku: true } }),
    db.warehouse.findMany({ where: { vendorId: input.vendorId }, select: { id: true, code: true } }),
  ]);
  const variantBySku = new Map(variants.map((v) => [v.sku.toLowerCase(), v.id]));
  const warehouseByCode = new Map(warehouses.map((w) => [w.code.toUpperCase(), w.id]));
  const result: StockImportResult = { rows: rows.length, updated: 0, unchanged: 0, errors: [] };

  for (const [index, row] of rows.entries()) {
    const line = index + 2;
    const variantId = variantBySku.get((row.sku ?? "").toLowerCase());
    const warehouseId = warehouseByCode.get((row.warehouse ?? "").toUpperCase());
    const text = row.on_hand ?? "";
    const onHand = /^\d+$/.test(text) ? Number(text) : NaN;
    const rowErrors: StockImportRowError[] = [];
    if (!variantId) rowErrors.push({ row: line, column: "sku", messageKey: "inventory.csvSkuUnknown", params: { value: row.sku ?? "" } });
    if (!warehouseId) rowErrors.push({ row: line, column: "warehouse", messageKey: "inventory.csvWarehouseUnknown", params: { value: row.warehouse ?? "" } });
    if (!Number.isInteger(onHand) || onHand > MAX_UNITS) rowErrors.push({ row: line, column: "on_hand", messageKey: "inventory.csvNumberInvalid", params: { value: text } });
    if (rowErrors.length) {
      result.errors.push(...rowErrors);
      continue;
    }
    const parsed = SetStockInput.safeParse({ vendorId: input.vendorId, variantId, warehouseId, onHand, reason: row.reason || "CSV" });
    if (!parsed.success) {
      result.errors.push({ row: line, column: String(parsed.error.issues[0]?.path[0] ?? ""), messageKey: parsed.error.issues[0]?.message ?? "validation.invalid" });
      continue;
    }
    try {
      const outcome = await db.$transaction((tx) => setStock(tx, actor, parsed.data, { audit: false }));
      if (outcome.changed) result.updated += 1;
      else result.unchanged += 1;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result.errors.push({ row: line, messageKey: error.messageKey, params: error.params });
    }
  }
  await recordAudit(db, actor, {
    action: "inventory.import", resourceType: "vendor", resourceId: input.vendorId,
    metadata: { rows: result.rows, updated: result.updated, unchanged: result.unchanged, failed: new Set(result.errors.map((e) => e.row)).size },
  });
  return result;
}
