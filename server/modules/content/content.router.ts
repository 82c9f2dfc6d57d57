import { router } from "@/server/trpc/init";
import { adminProcedure, publicProcedure } from "@/server/trpc/procedures";
import {
  BannerIdInput, CategoryOptionsInput, CreateBannerInput, LiveBannersInput, ReorderBannersInput, SetBannerActiveInput, UpdateBannerInput,
} from "./content.schema";
import * as banners from "./banners.service";

export const contentRouter = router({
  // Admin console.
  listBanners: adminProcedure("content.manage").input(CategoryOptionsInput).query(({ ctx, input }) => banners.listBanners(ctx.db, input.locale)),
  getBanner: adminProcedure("content.manage").input(BannerIdInput).query(({ ctx, input }) => banners.getBanner(ctx.db, input.bannerId)),
  listCategoryOptions: adminProcedure("content.manage").input(CategoryOptionsInput).query(({ ctx, input }) => banners.listCategoryOptions(ctx.db, input.locale)),
  createBanner: adminProcedure("content.manage").input(CreateBannerInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => banners.createBanner(tx, ctx.actor, input))),
  updateBanner: adminProcedure("content.manage").input(UpdateBannerInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => banners.updateBanner(tx, ctx.actor, input))),
  deleteBanner: adminProcedure("content.manage").input(BannerIdInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => banners.deleteBanner(tx, ctx.actor, input.bannerId))),
  setBannerActive: adminProcedure("content.manage").input(SetBannerActiveInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => banners.setBannerActive(tx, ctx.actor, input))),
  reorderBanners: adminProcedure("content.manage").input(ReorderBannersInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => banners.reorderBanners(tx, ctx.actor, input))),

  // Storefront.
  liveBanners: publicProcedure.input(LiveBannersInput).query(({ ctx, input }) => banners.listLiveBanners(ctx.db, { ...input, now: new Date() })),
});
