import { router } from "@/server/trpc/init";
import { adminProcedure, publicProcedure } from "@/server/trpc/procedures";
import { notFound } from "@/server/lib/errors";
import * as attributes from "./attributes.service";
import * as brands from "./brands.service";
import {
  AttributeIdInput, BrandIdInput, CategoryIdInput, CategorySlugInput, CategoryTreeInput, CreateAttributeInput, CreateBrandInput,
  CreateCategoryInput, ListBrandsInput, MoveCategoryInput, ReorderAttributesInput, ReorderCategoriesInput, UpdateAttributeInput,
  UpdateBrandInput, UpdateCategoryInput,
} from "./catalog.schema";
import * as categories from "./categories.service";

const manage = adminProcedure("catalog.manage");

export const catalogRouter = router({
  // Public readers (storefront, product editor); names in the request's locale unless asked otherwise.
  getCategoryTree: publicProcedure.input(CategoryTreeInput).query(({ ctx, input }) => categories.getCategoryTree(ctx.db, input?.locale ?? ctx.meta.locale)),
  getCategoryBySlug: publicProcedure.input(CategorySlugInput).query(({ ctx, input }) => categories.getCategoryBySlug(ctx.db, input.slug, ctx.meta.locale)),
  getCategoryAttributes: publicProcedure.input(CategoryIdInput).query(({ ctx, input }) =>
    categories.getCategoryAttributes(ctx.db, input.categoryId, ctx.meta.locale)),
  listBrands: publicProcedure.input(ListBrandsInput).query(({ ctx, input }) => brands.listBrands(ctx.db, input)),

  // Admin console.
  getCategory: manage.input(CategoryIdInput).query(async ({ ctx, input }) => {
    const category = await categories.getCategoryById(ctx.db, input.categoryId, ctx.meta.locale);
    if (!category) throw notFound("catalog.categoryNotFound");
    return category;
  }),
  createCategory: manage.input(CreateCategoryInput).mutation(({ ctx, input }) => ctx.db.$transaction((tx) => categories.createCategory(tx, ctx.actor, input))),
  updateCategory: manage.input(UpdateCategoryInput).mutation(({ ctx, input }) => ctx.db.$transaction((tx) => categories.updateCategory(tx, ctx.actor, input))),
  moveCategory: manage.input(MoveCategoryInput).mutation(({ ctx, input }) => ctx.db.$transaction((tx) => categories.moveCategory(tx, ctx.actor, input))),
  reorderCategories: manage.input(ReorderCategoriesInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => categories.reorderCategories(tx, ctx.actor, input))),
  deleteCategory: manage.input(CategoryIdInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => categories.deleteCategory(tx, ctx.actor, input.categoryId))),

  createAttribute: manage.input(CreateAttributeInput).mutation(({ ctx, input }) => ctx.db.$transaction((tx) => attributes.createAttribute(tx, ctx.actor, input))),
  updateAttribute: manage.input(UpdateAttributeInput).mutation(({ ctx, input }) => ctx.db.$transaction((tx) => attributes.updateAttribute(tx, ctx.actor, input))),
  deleteAttribute: manage.input(AttributeIdInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => attributes.deleteAttribute(tx, ctx.actor, input.attributeId))),
  reorderAttributes: manage.input(ReorderAttributesInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => attributes.reorderAttributes(tx, ctx.actor, input))),

  createBrand: manage.input(CreateBrandInput).mutation(({ ctx, input }) => ctx.db.$transaction((tx) => brands.createBrand(tx, ctx.actor, input))),
  updateBrand: manage.input(UpdateBrandInput).mutation(({ ctx, input }) => ctx.db.$transaction((tx) => brands.updateBrand(tx, ctx.actor, input))),
  deleteBrand: manage.input(BrandIdInput).mutation(({ ctx, input }) => ctx.db.$transaction((tx) => brands.deleteBrand(tx, ctx.actor, input.brandId))),
});
