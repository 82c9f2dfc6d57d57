/** A warehouse as the inventory pages hand it to their client components. */
export interface WarehouseView {
  id: string;
  code: string;
  name: string;
  countryCode: string;
  city: string;
  isDefault: boolean;
  active: boolean;
  onHand: number;
  reserved: number;
}

/** One variant's stock as the stock table shows it. */
export interface StockRowView {
  variantId: string;
  title: string;
  sku: string;
  options: string;
  onHand: number;
  reserved: number;
  available: number;
  lowStockThreshold: number;
  maxPerOrder: number | null;
  low: boolean;
  levels: { warehouseId: string; onHand: number; reserved: number }[];
}
