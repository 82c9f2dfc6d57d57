// Inputs of the catalog structure (categories, attribute definitions, brands), shared by the
// router and the admin forms. Error messages are keys under "errors" in messages/*.json.
import { z } from "zod";
import { locales } from "@/lib/i18n/routing";

export const CATALOG_LOCALES = locales;
export const ATTRIBUTE_TYPES = ["TEXT", "NUMBER", "BOOLEAN", "SELECT"] as const;
export type AttributeTypeValue = (typeof ATTRIBUTE_TYPES)[number];

/** Longest category/attribute/option name in any locale. */
export const NAME_MAX = 80;
/** Longest TEXT attribute value on a product. */
export const TEXT_VALUE_MAX = 200;

const Id = z.string().min(1).max(50);
const Slug = z.string().trim().toLowerCase().min(2, { error: "validation.tooShort" }).max(60, { error: "validation.tooLong" })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "validation.invalid" });
const OneName = z.string().trim().max(NAME_MAX, { error: "validation.tooLong" });

/**
 * Names per locale: English required, the other four optional (blank means "not translated"),
 * any other key refused.
 */
export const LocalizedNames = z
  .strictObject({
    en: OneName.min(1, { error: "validation.required" }),
    es: OneName.optional(),
    fr: OneName.optional(),
    ar: OneName.optional(),
    zh: OneName.optional(),
  }, { error: "validation.invalid" })
  .transform((names) => {
    const out: Record<string, string> = {};
    for (const locale of CATALOG_LOCALES) {
      const value = names[locale];
      if (value) out[locale] = value;
    }
    return out as { en: string } & Partial<Record<(typeof CATALOG_LOCALES)[number], string>>;
  });
export type LocalizedNames = z.infer<typeof LocalizedNames>;

export const CategoryIdInput = z.object({ categoryId: Id });
export const CategorySlugInput = z.object({ slug: z.string().trim().min(1).max(60) });
export const CategoryTreeInput = z.object({ locale: z.enum(locales).optional() }).optional();

export const CreateCategoryInput = z.object({
  /** null or absent: a root category. */
  parentId: Id.nullish(),
  names: LocalizedNames,
  /** Derived from the English name when absent. */
  slug: Slug.optional(),
});
export type CreateCategoryInput = z.infer<typeof CreateCategoryInput>;

export const UpdateCategoryInput = z.object({
  categoryId: Id,
  names: LocalizedNames.optional(),
  slug: Slug.optional(),
  position: z.number().int().min(0).max(1_000_000).optional(),
});
export type UpdateCategoryInput = z.infer<typeof UpdateCategoryInput>;

export const MoveCategoryInput = z.object({ categoryId: Id, parentId: Id.nullable() });
export type MoveCategoryInput = z.infer<typeof MoveCategoryInput>;

/** The complete list of a parent's children in their new order. */
export const ReorderCategoriesInput = z.object({ parentId: Id.nullable(), orderedIds: z.array(Id).min(1).max(1000) });
export type ReorderCategoriesInput = z.infer<typeof ReorderCategoriesInput>;

// Attribute definitions -----------------------------------------------------------------

/** Stable key of an attribute in Product.attributes and in search facets. */
export const AttributeCode = z.string().trim().toLowerCase().min(1, { error: "validation.required" }).max(40, { error: "validation.tooLong" })
  .regex(/^[a-z][a-z0-9_]*$/, { error: "catalog.codeFormat" });

export const AttributeOption = z.object({
  value: z.string().trim().toLowerCase().min(1, { error: "validation.required" }).max(60, { error: "validation.tooLong" })
    .regex(/^[a-z0-9][a-z0-9_-]*$/, { error: "catalog.optionValueFormat" }),
  names: LocalizedNames,
});
export type AttributeOption = z.infer<typeof AttributeOption>;

const Unit = z.string().trim().max(20, { error: "validation.tooLong" });
const Options = z.array(AttributeOption).max(200, { error: "validation.tooLong" });

function checkOptions(options: AttributeOption[] | undefined, ctx: z.RefinementCtx) {
  if (!options) return;
  const seen = new Set<string>();
  options.forEach((o, i) => {
    if (seen.has(o.value)) ctx.addIssue({ code: "custom", path: ["options", i, "value"], message: "catalog.optionDuplicate" });
    seen.add(o.value);
  });
}

export const CreateAttributeInput = z
  .object({
    categoryId: Id,
    code: AttributeCode,
    names: LocalizedNames,
    type: z.enum(ATTRIBUTE_TYPES),
    unit: Unit.nullish(),
    options: Options.default([]),
    filterable: z.boolean().default(true),
  })
  .superRefine((input, ctx) => {
    checkOptions(input.options, ctx);
    if (input.type === "SELECT" && input.options.length === 0) ctx.addIssue({ code: "custom", path: ["options"], message: "catalog.optionsRequired" });
    if (input.type !== "SELECT" && input.options.length > 0) ctx.addIssue({ code: "custom", path: ["options"], message: "catalog.optionsOnlySelect" });
    if (input.type !== "NUMBER" && input.unit) ctx.addIssue({ code: "custom", path: ["unit"], message: "catalog.unitOnlyNumber" });
  });
export type CreateAttributeInput = z.infer<typeof CreateAttributeInput>;

/** Code and type never change (products store values by code, shaped by type). */
export const UpdateAttributeInput = z
  .object({
    attributeId: Id,
    names: LocalizedNames.optional(),
    unit: Unit.nullish(),
    options: Options.optional(),
    filterable: z.boolean().optional(),
  })
  .superRefine((input, ctx) => checkOptions(input.options, ctx));
export type UpdateAttributeInput = z.infer<typeof UpdateAttributeInput>;

export const AttributeIdInput = z.object({ attributeId: Id });

export const ReorderAttributesInput = z.object({ categoryId: Id, orderedIds: z.array(Id).min(1).max(500) });
export type ReorderAttributesInput = z.infer<typeof ReorderAttributesInput>;

// Brands ----------------------------------------------------------------------------------

const BrandName = z.string().trim().min(1, { error: "validation.required" }).max(80, { error: "validation.tooLong" });

export const ListBrandsInput = z.object({
  query: z.string().trim().max(100).optional(),
  /** Id of the last row of the previous page. */
  cursor: Id.optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListBrandsInput = z.input<typeof ListBrandsInput>;

export const CreateBrandInput = z.object({ name: BrandName, slug: Slug.optional(), logoId: Id.nullish() });
export type CreateBrandInput = z.infer<typeof CreateBrandInput>;

export const UpdateBrandInput = z.object({ brandId: Id, name: BrandName.optional(), slug: Slug.optional(), logoId: Id.nullish() });
export type UpdateBrandInput = z.infer<typeof UpdateBrandInput>;

export const BrandIdInput = z.object({ brandId: Id });
