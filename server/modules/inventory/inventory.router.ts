import { router } from "@/server/trpc/init";
import { sellerProcedure } from "@/server/trpc/procedures";
import {
  CreateWarehouseInput, ImportStockInput, LedgerInput, ListStockInput, SetStockInput, TransferStockInput, UpdateInventoryItemInput,
  UpdateWarehouseInput, VendorInput,
} from "./inventory.schema";
import { importStockCsv } from "./inventory.import";
import * as inventory from "./inventory.service";

// Seller center only: the procedure checks membership of input.vendorId holding
// inventory.write; the services check it again and that every row belongs to that vendor.
// The reservation API (reserveStock…) has no procedures: checkout calls it in its transaction.
export const inventoryRouter = router({
  listWarehouses: sellerProcedure("inventory.write").input(VendorInput).query(({ ctx, input }) => inventory.listWarehouses(ctx.db, ctx.actor, input.vendorId)),
  createWarehouse: sellerProcedure("inventory.write").input(CreateWarehouseInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => inventory.createWarehouse(tx, ctx.actor, input))),
  updateWarehouse: sellerProcedure("inventory.write").input(UpdateWarehouseInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => inventory.updateWarehouse(tx, ctx.actor, input))),

  listStock: sellerProcedure("inventory.write").input(ListStockInput).query(({ ctx, input }) => inventory.listStock(ctx.db, ctx.actor, input)),
  countLowStock: sellerProcedure("inventory.write").input(VendorInput).query(({ ctx, input }) => inventory.countLowStock(ctx.db, ctx.actor, input.vendorId)),
  setStock: sellerProcedure("inventory.write").input(SetStockInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => inventory.setStock(tx, ctx.actor, input))),
  transferStock: sellerProcedure("inventory.write").input(TransferStockInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => inventory.transferStock(tx, ctx.actor, input))),
  updateInventoryItem: sellerProcedure("inventory.write").input(UpdateInventoryItemInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => inventory.updateInventoryItem(tx, ctx.actor, input))),
  getLedger: sellerProcedure("inventory.write").input(LedgerInput).query(({ ctx, input }) => inventory.getLedger(ctx.db, ctx.actor, input)),
  // One transaction per row (see inventory.import.ts), so it gets the client, not a transaction.
  importStock: sellerProcedure("inventory.write").input(ImportStockInput).mutation(({ ctx, input }) => importStockCsv(ctx.db, ctx.actor, input)),
});
