import { z } from "zod";
import { routing } from "@/lib/i18n/routing";
import { runInBackground } from "@/server/lib/background";
import { router } from "@/server/trpc/init";
import { adminProcedure, publicProcedure, sellerProcedure } from "@/server/trpc/procedures";
import {
  BrowseProductsInput, CreateProductInput, ListModerationInput, ListVendorProductsInput, ModerateProductInput, ProductPageInput, ProductRefInput,
  SetProductStatusInput, UpdateProductInput,
} from "./products.schema";
import { ImportRefInput, StartImportInput, getImport, listImports, runImport, startImport } from "./products.import";
import * as products from "./products.service";
import * as storefront from "./products.storefront";

export const productsRouter = router({
  // Seller center (the procedure checks membership of input.vendorId; the service checks again).
  listVendorProducts: sellerProcedure("products.write").input(ListVendorProductsInput).query(({ ctx, input }) => products.listVendorProducts(ctx.db, ctx.actor, input)),
  getVendorProduct: sellerProcedure("products.write").input(ProductRefInput).query(({ ctx, input }) => products.getVendorProduct(ctx.db, ctx.actor, input)),
  createProduct: sellerProcedure("products.write").input(CreateProductInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => products.createProduct(tx, ctx.actor, input))),
  updateProduct: sellerProcedure("products.write").input(UpdateProductInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => products.updateProduct(tx, ctx.actor, input))),
  setProductStatus: sellerProcedure("products.write").input(SetProductStatusInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => products.setProductStatus(tx, ctx.actor, input))),
  deleteProduct: sellerProcedure("products.write").input(ProductRefInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => products.deleteProduct(tx, ctx.actor, input))),

  // CSV import: recorded in the request, run after it (the jobs issue moves this onto the queue).
  startImport: sellerProcedure("products.write").input(StartImportInput).mutation(async ({ ctx, input }) => {
    const started = await ctx.db.$transaction((tx) => startImport(tx, ctx.actor, input));
    runInBackground("catalog import", () => runImport(ctx.db, ctx.actor, started.importId));
    return started;
  }),
  getImport: sellerProcedure("products.write").input(ImportRefInput).query(({ ctx, input }) => getImport(ctx.db, ctx.actor, input)),
  listImports: sellerProcedure("products.write").query(({ ctx, input }) => listImports(ctx.db, ctx.actor, input.vendorId)),

  // Admin console.
  listForModeration: adminProcedure("catalog.moderate").input(ListModerationInput).query(({ ctx, input }) => products.listForModeration(ctx.db, input)),
  moderateProduct: adminProcedure("catalog.moderate").input(ModerateProductInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => products.moderateProduct(tx, ctx.actor, input))),

  // Storefront.
  browse: publicProcedure.input(BrowseProductsInput).query(({ ctx, input }) => storefront.browseProducts(ctx.db, input)),
  getProductPage: publicProcedure.input(ProductPageInput).query(({ ctx, input }) => storefront.getProductPage(ctx.db, input)),
  listNewArrivals: publicProcedure.input(z.object({ locale: z.enum(routing.locales), limit: z.number().int().min(1).max(48).default(12) }))
    .query(({ ctx, input }) => storefront.listNewArrivals(ctx.db, input.locale, input.limit)),
});
