// The inventory module's public face. Checkout and orders use the reservation API
// (inventory.reservations.ts documents each contract); the cart and product pages use
// getAvailability; the seller center goes through inventory.router.ts.
export * from "./inventory.schema";
export {
  listWarehouses, createWarehouse, updateWarehouse, listStock, countLowStock, setStock, transferStock, updateInventoryItem, getLedger,
  DEFAULT_LOW_STOCK_THRESHOLD, type StockRow,
} from "./inventory.service";
export { importStockCsv, STOCK_CSV_COLUMNS, type StockImportResult, type StockImportRowError } from "./inventory.import";
export {
  reserveStock, commitReservations, releaseReservations, returnStock, releaseExpiredReservations, getAvailability, sumLines,
  type Availability, type ReserveStockInput, type ReturnStockInput, type VariantAllocation,
} from "./inventory.reservations";
