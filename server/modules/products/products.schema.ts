// Inputs of the products module, shared by its router and the seller/admin forms. Error
// messages are keys under "errors" in messages/*.json.
import { z } from "zod";
import { routing } from "@/lib/i18n/routing";

export const PRODUCT_STATUSES = ["DRAFT", "ACTIVE", "ARCHIVED"] as const;
export const MODERATION_STATES = ["PENDING", "APPROVED", "REJECTED", "BANNED"] as const;
/** Currencies a product may be priced in (the currencies issue makes this admin-managed). */
export const PRODUCT_CURRENCIES = ["USD", "EUR", "GBP", "JPY", "CNY", "AED", "SAR"] as const;

export const MAX_OPTIONS = 3;
export const MAX_OPTION_VALUES = 30;
export const MAX_VARIANTS = 250;
export const MAX_IMAGES = 20;
/** One price ceiling for every currency: ten million in major units of a 2-digit currency. */
export const MAX_PRICE = 1_000_000_000;

const Id = z.string().min(1).max(50);
const Locale = z.enum(routing.locales);
const Title = z.string().trim().min(2, { error: "validation.tooShort" }).max(200, { error: "validation.tooLong" });
/** Rich text as HTML; sanitized by the service, so the limit is on what the seller sends. */
const Description = z.string().max(50_000, { error: "validation.tooLong" });
const Money = z.number({ error: "validation.invalid" }).int({ error: "validation.invalid" }).min(1, { error: "products.priceTooLow" }).max(MAX_PRICE, { error: "products.priceTooHigh" });
const Measure = z.number({ error: "validation.invalid" }).int({ error: "validation.invalid" }).min(0, { error: "validation.invalid" }).max(10_000_000, { error: "validation.invalid" });
const OptionText = z.string().trim().min(1, { error: "validation.required" }).max(60, { error: "validation.tooLong" });

export const ProductOption = z.object({
  name: OptionText,
  values: z.array(OptionText).min(1, { error: "products.optionNeedsValues" }).max(MAX_OPTION_VALUES, { error: "validation.tooLong" }),
});
export type ProductOption = z.infer<typeof ProductOption>;

export const VariantInput = z.object({
  /** Present when editing an existing variant. */
  id: Id.optional(),
  sku: z.string().trim().min(1, { error: "validation.required" }).max(64, { error: "validation.tooLong" })
    .regex(/^[A-Za-z0-9._\-/]+$/, { error: "products.skuInvalid" }),
  optionValues: z.record(z.string().max(60), z.string().max(60)).default({}),
  price: Money,
  compareAtPrice: Money.nullable().default(null),
  weightGrams: Measure.nullable().default(null),
  lengthMm: Measure.nullable().default(null),
  widthMm: Measure.nullable().default(null),
  heightMm: Measure.nullable().default(null),
  barcode: z.string().trim().max(64, { error: "validation.tooLong" }).regex(/^[0-9A-Za-z-]*$/, { error: "products.barcodeInvalid" })
    .transform((v) => v || null).nullable().default(null),
  /** The media id of one of the product's images, shown when this variant is chosen. */
  imageMediaId: Id.nullable().default(null),
  active: z.boolean().default(true),
});
export type VariantInput = z.infer<typeof VariantInput>;

export const ImageInput = z.object({ mediaId: Id, alt: z.string().trim().max(200, { error: "validation.tooLong" }).default("") });

export const TranslationInput = z.object({ locale: Locale, title: Title, description: Description.default("") });
export type TranslationInput = z.infer<typeof TranslationInput>;

const AttributeValue = z.union([z.string().max(200), z.number(), z.boolean()]);

/** Everything a seller edits on a product; create and update take the same shape. */
const ProductFields = z.object({
  vendorId: Id,
  title: Title,
  description: Description.default(""),
  locale: Locale.default("en"),
  categoryId: Id,
  brandId: Id.nullable().default(null),
  attributes: z.record(z.string().max(60), AttributeValue).default({}),
  currency: z.enum(PRODUCT_CURRENCIES, { error: "products.currencyInvalid" }).default("USD"),
  options: z.array(ProductOption).max(MAX_OPTIONS, { error: "products.tooManyOptions" }).default([]),
  variants: z.array(VariantInput).min(1, { error: "products.variantRequired" }).max(MAX_VARIANTS, { error: "products.tooManyVariants" }),
  /** In display order; the first is the main image. */
  images: z.array(ImageInput).max(MAX_IMAGES, { error: "products.tooManyImages" }).default([]),
  translations: z.array(TranslationInput).max(routing.locales.length).default([]),
});

export const CreateProductInput = ProductFields;
export type CreateProductInput = z.infer<typeof CreateProductInput>;

export const UpdateProductInput = ProductFields.extend({ productId: Id });
export type UpdateProductInput = z.infer<typeof UpdateProductInput>;

export const ProductRefInput = z.object({ vendorId: Id, productId: Id });
export type ProductRefInput = z.infer<typeof ProductRefInput>;

export const SetProductStatusInput = ProductRefInput.extend({ status: z.enum(PRODUCT_STATUSES) });
export type SetProductStatusInput = z.infer<typeof SetProductStatusInput>;

export const ListVendorProductsInput = z.object({
  vendorId: Id,
  status: z.enum(PRODUCT_STATUSES).optional(),
  query: z.string().trim().max(100).optional(),
  cursor: Id.optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type ListVendorProductsInput = z.input<typeof ListVendorProductsInput>;

export const ModerateProductInput = z.object({
  productId: Id,
  action: z.enum(["approve", "reject", "ban", "unban"]),
  reason: z.string().trim().max(500, { error: "validation.tooLong" }).default(""),
});
export type ModerateProductInput = z.infer<typeof ModerateProductInput>;

export const ListModerationInput = z.object({
  moderation: z.enum(MODERATION_STATES).optional(),
  query: z.string().trim().max(100).optional(),
  cursor: Id.optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type ListModerationInput = z.input<typeof ListModerationInput>;

// Storefront reads.
export const PRODUCT_SORTS = ["newest", "priceAsc", "priceDesc"] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];
export const PAGE_SIZE = 24;

export const BrowseFilters = z.object({
  minPrice: z.number().int().min(0).max(MAX_PRICE).optional(),
  maxPrice: z.number().int().min(0).max(MAX_PRICE).optional(),
  brands: z.array(z.string().max(80)).max(50).default([]),
  /** Attribute code → accepted values (any of them). */
  attributes: z.record(z.string().max(60), z.array(z.string().max(200)).max(50)).default({}),
});
export type BrowseFilters = z.infer<typeof BrowseFilters>;

export const BrowseProductsInput = z.object({
  locale: Locale.default("en"),
  categorySlug: z.string().max(120).optional(),
  vendorSlug: z.string().max(120).optional(),
  filters: BrowseFilters.default({ brands: [], attributes: {} }),
  sort: z.enum(PRODUCT_SORTS).default("newest"),
  page: z.number().int().min(1).max(1000).default(1),
  pageSize: z.number().int().min(1).max(60).default(PAGE_SIZE),
});
export type BrowseProductsInput = z.input<typeof BrowseProductsInput>;

export const ProductPageInput = z.object({ slug: z.string().max(200), locale: Locale.default("en") });
export type ProductPageInput = z.infer<typeof ProductPageInput>;
