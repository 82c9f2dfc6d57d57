// Inputs of the inventory module, shared by its router and the seller-center forms. Error
// messages are keys under "errors" in messages/*.json.
import { z } from "zod";

const Id = z.string().min(1).max(50);
/** The most units one stock row holds (and one change moves): far above any real shelf. */
export const MAX_UNITS = 1_000_000;
export const MAX_STOCK_CSV_BYTES = 2 * 1024 * 1024;
export const MAX_STOCK_CSV_ROWS = 5_000;

const Units = z.number({ error: "validation.invalid" }).int({ error: "validation.invalid" })
  .min(0, { error: "inventory.quantityInvalid" }).max(MAX_UNITS, { error: "inventory.quantityInvalid" });
const PositiveUnits = z.number({ error: "validation.invalid" }).int({ error: "validation.invalid" })
  .min(1, { error: "inventory.quantityInvalid" }).max(MAX_UNITS, { error: "inventory.quantityInvalid" });
const Reason = z.string().trim().min(1, { error: "validation.required" }).max(200, { error: "validation.tooLong" });

const WarehouseFields = z.object({
  vendorId: Id,
  name: z.string().trim().min(2, { error: "validation.tooShort" }).max(80, { error: "validation.tooLong" }),
  countryCode: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, { error: "inventory.countryInvalid" }),
  city: z.string().trim().max(80, { error: "validation.tooLong" }).default(""),
  isDefault: z.boolean().default(false),
});

export const CreateWarehouseInput = WarehouseFields.extend({
  code: z.string().trim().toUpperCase().min(1, { error: "validation.required" }).max(20, { error: "validation.tooLong" })
    .regex(/^[A-Z0-9][A-Z0-9_-]*$/, { error: "inventory.codeInvalid" }),
});
export type CreateWarehouseInput = z.infer<typeof CreateWarehouseInput>;

export const UpdateWarehouseInput = WarehouseFields.extend({ warehouseId: Id, active: z.boolean().default(true) });
export type UpdateWarehouseInput = z.infer<typeof UpdateWarehouseInput>;

export const VendorInput = z.object({ vendorId: Id });
export type VendorInput = z.infer<typeof VendorInput>;

export const ListStockInput = z.object({
  vendorId: Id,
  /** Matches SKU or product title. */
  q: z.string().trim().max(100).default(""),
  lowStockOnly: z.boolean().default(false),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export type ListStockInput = z.infer<typeof ListStockInput>;

export const SetStockInput = z.object({
  vendorId: Id,
  variantId: Id,
  warehouseId: Id,
  onHand: Units,
  reason: Reason,
  /** RECEIVE for goods in, ADJUST for a count or a correction; by default RECEIVE when it goes up. */
  kind: z.enum(["RECEIVE", "ADJUST"]).optional(),
});
export type SetStockInput = z.infer<typeof SetStockInput>;

export const TransferStockInput = z.object({
  vendorId: Id,
  variantId: Id,
  fromWarehouseId: Id,
  toWarehouseId: Id,
  quantity: PositiveUnits,
  reason: Reason,
});
export type TransferStockInput = z.infer<typeof TransferStockInput>;

export const UpdateInventoryItemInput = z.object({
  vendorId: Id,
  variantId: Id,
  lowStockThreshold: Units,
  maxPerOrder: PositiveUnits.nullable(),
});
export type UpdateInventoryItemInput = z.infer<typeof UpdateInventoryItemInput>;

export const LedgerInput = z.object({
  vendorId: Id,
  variantId: Id,
  /** The id of the last movement of the previous page. */
  cursor: Id.optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type LedgerInput = z.infer<typeof LedgerInput>;

export const ImportStockInput = z.object({
  vendorId: Id,
  csv: z.string().min(1, { error: "inventory.csvEmpty" }).max(MAX_STOCK_CSV_BYTES, { error: "inventory.csvTooLarge" }),
});
export type ImportStockInput = z.infer<typeof ImportStockInput>;

/** What checkout hands reserveStock/returnStock: lines may repeat a variant (they are summed). */
export const StockLine = z.object({ variantId: Id, quantity: PositiveUnits });
export type StockLine = z.infer<typeof StockLine>;
