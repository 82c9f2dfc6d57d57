// The product editor's state and its pure rules: variants generated from the options (keeping
// what the seller already typed), conversion to the server's input, and field-error keys.
import { mediaSrc } from "@/lib/media/sizes";
import { currencyDigits, parseMoney } from "@/lib/money";
import { CreateProductInput, MAX_OPTIONS, MAX_VARIANTS } from "@/server/modules/products/products.schema";

export interface OptionDraft {
  key: string;
  name: string;
  values: string[];
}

export interface VariantDraft {
  key: string;
  id?: string;
  sku: string;
  optionValues: Record<string, string>;
  price: string;
  compareAt: string;
  weight: string;
  length: string;
  width: string;
  height: string;
  barcode: string;
  imageMediaId: string | null;
  active: boolean;
}

export interface ImageDraft {
  mediaId: string;
  src: string;
  width: number;
  height: number;
  placeholder: string;
  alt: string;
}

export interface TranslationDraft {
  title: string;
  description: string;
}

export type AttributeValue = string | number | boolean;

export interface ProductDraft {
  title: string;
  description: string;
  locale: string;
  categoryId: string;
  brandId: string;
  currency: string;
  attributes: Record<string, AttributeValue>;
  options: OptionDraft[];
  variants: VariantDraft[];
  images: ImageDraft[];
  translations: Record<string, TranslationDraft>;
}

/** A translated message key (under "errors") and its parameters, for one field. */
export interface FieldError {
  key: string;
  params?: Record<string, string | number>;
}
export type FieldErrors = Record<string, FieldError>;

let counter = 0;
/** A key for React lists that survives reordering. */
export function newKey(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

/** "1250" minor units of USD → "12.50" (what the seller sees in a price box). */
export function minorToText(minor: number | null | undefined, currency: string): string {
  if (minor === null || minor === undefined) return "";
  const digits = currencyDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}

export function emptyVariant(optionValues: Record<string, string> = {}): VariantDraft {
  return {
    key: newKey("v"), sku: "", optionValues, price: "", compareAt: "", weight: "", length: "", width: "", height: "", barcode: "",
    imageMediaId: null, active: true,
  };
}

export function emptyDraft(locale: string, currency = "USD"): ProductDraft {
  return {
    title: "", description: "", locale, categoryId: "", brandId: "", currency, attributes: {}, options: [], variants: [emptyVariant()], images: [],
    translations: {},
  };
}

/** Options that take part in the variant matrix: named, with at least one value. */
export function usableOptions(options: OptionDraft[]): OptionDraft[] {
  return options.filter((o) => o.name.trim() && o.values.length > 0).slice(0, MAX_OPTIONS);
}

/** Every combination of the options' values, in option order. */
export function combinations(options: { name: string; values: string[] }[]): Record<string, string>[] {
  let out: Record<string, string>[] = [{}];
  for (const option of options) {
    const name = option.name.trim();
    out = out.flatMap((combo) => option.values.map((value) => ({ ...combo, [name]: value })));
  }
  return out;
}

function skuPart(text: string, max = 12): string {
  return text.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "").toUpperCase().slice(0, max).replace(/-+$/, "");
}

/** How many option values two variants share, or -1 when they disagree on an option both have. */
function agreement(a: Record<string, string>, b: Record<string, string>): number {
  let shared = 0;
  for (const [name, value] of Object.entries(a)) {
    if (!(name in b)) continue;
    if (b[name] !== value) return -1;
    shared += 1;
  }
  return shared;
}

/**
 * The variants for the current options: one per combination. A combination that already has a
 * variant keeps it untouched; a new one copies the closest existing variant's price, sizes and
 * image (the first such copy also keeps its id and SKU, so an added option extends the variant
 * rather than replacing it). Capped at MAX_VARIANTS.
 */
export function generateVariants(options: OptionDraft[], existing: VariantDraft[], skuBase: string): VariantDraft[] {
  const usable = usableOptions(options);
  const combos = combinations(usable).slice(0, MAX_VARIANTS);
  const names = usable.map((o) => o.name.trim());
  const usedIds = new Set<string>();
  const usedKeys = new Set<string>();
  const result: VariantDraft[] = [];
  const base = skuPart(skuBase, 24) || skuPart(existing[0]?.sku.split("-")[0] ?? "") || "SKU";

  // Exact matches first, so they never lose their id to a partial match.
  const exact = combos.map((combo) =>
    existing.find((v) => Object.keys(v.optionValues).length === names.length && names.every((n) => v.optionValues[n] === combo[n])),
  );
  for (const v of exact) if (v) {
    usedKeys.add(v.key);
    if (v.id) usedIds.add(v.id);
  }

  for (const [i, combo] of combos.entries()) {
    const match = exact[i];
    if (match) {
      result.push({ ...match, optionValues: combo });
      continue;
    }
    let best: VariantDraft | undefined;
    let bestScore = -1;
    for (const v of existing) {
      const score = agreement(v.optionValues, combo);
      if (score > bestScore) {
        best = v;
        bestScore = score;
      }
    }
    const suffix = names.map((n) => skuPart(combo[n]!)).filter(Boolean).join("-");
    const freshSku = suffix ? `${base}-${suffix}` : base;
    if (best && bestScore >= 0) {
      const takeOver = !usedKeys.has(best.key);
      usedKeys.add(best.key);
      if (takeOver && best.id) usedIds.add(best.id);
      result.push({
        ...best,
        key: takeOver ? best.key : newKey("v"),
        id: takeOver ? best.id : undefined,
        sku: takeOver && best.sku ? best.sku : freshSku,
        barcode: takeOver ? best.barcode : "",
        optionValues: combo,
      });
    } else {
      result.push({ ...emptyVariant(combo), sku: freshSku });
    }
  }
  return uniqueSkus(result);
}

/** Makes generated SKUs unique within the product by numbering repeats. */
function uniqueSkus(variants: VariantDraft[]): VariantDraft[] {
  const seen = new Set<string>();
  return variants.map((v) => {
    if (!v.sku) return v;
    let sku = v.sku;
    for (let n = 2; seen.has(sku.toLowerCase()); n += 1) sku = `${v.sku}-${n}`;
    seen.add(sku.toLowerCase());
    return sku === v.sku ? v : { ...v, sku };
  });
}

/** Do the variants match the options' combinations exactly (so saving will be accepted)? */
export function variantsMatchOptions(options: OptionDraft[], variants: VariantDraft[]): boolean {
  const combos = combinations(usableOptions(options));
  if (combos.length !== variants.length) return false;
  const key = (o: Record<string, string>) => JSON.stringify(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  const wanted = new Set(combos.map(key));
  return variants.every((v) => wanted.has(key(v.optionValues)));
}

const MEASURES = [
  ["weight", "weightGrams"],
  ["length", "lengthMm"],
  ["width", "widthMm"],
  ["height", "heightMm"],
] as const;

/** The server's input for the draft, or the field errors the schema (and price parsing) finds. */
export function toInput(draft: ProductDraft, vendorId: string): { input: CreateProductInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const money = (text: string, path: string, optional: boolean) => {
    if (!text.trim()) {
      if (!optional) errors[path] = { key: "validation.required" };
      return optional ? null : 0;
    }
    const minor = parseMoney(text, draft.currency);
    if (minor === null) errors[path] = { key: "validation.invalid" };
    return minor ?? 0;
  };
  const measure = (text: string, path: string) => {
    if (!text.trim()) return null;
    const n = Number(text.trim().replace(",", "."));
    if (!Number.isInteger(n) || n < 0) errors[path] = { key: "validation.invalid" };
    return Number.isFinite(n) ? n : null;
  };
  const options = usableOptions(draft.options).map((o) => ({ name: o.name.trim(), values: o.values }));
  const raw = {
    vendorId,
    title: draft.title,
    description: draft.description,
    locale: draft.locale,
    categoryId: draft.categoryId,
    brandId: draft.brandId || null,
    attributes: Object.fromEntries(Object.entries(draft.attributes).filter(([, v]) => v !== "")),
    currency: draft.currency,
    options,
    variants: draft.variants.map((v, i) => ({
      ...(v.id ? { id: v.id } : {}),
      sku: v.sku,
      optionValues: v.optionValues,
      price: money(v.price, `variants.${i}.price`, false),
      compareAtPrice: money(v.compareAt, `variants.${i}.compareAtPrice`, true),
      ...Object.fromEntries(MEASURES.map(([field, name]) => [name, measure(v[field], `variants.${i}.${name}`)])),
      barcode: v.barcode,
      imageMediaId: v.imageMediaId,
      active: v.active,
    })),
    images: draft.images.map((img) => ({ mediaId: img.mediaId, alt: img.alt })),
    translations: Object.entries(draft.translations)
      .filter(([locale, tr]) => locale !== draft.locale && (tr.title.trim() || stripHtml(tr.description)))
      .map(([locale, tr]) => ({ locale, title: tr.title, description: tr.description })),
  };
  const parsed = CreateProductInput.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join(".") || "_";
      errors[path] ??= { key: /^[a-z]+\.[A-Za-z.]+$/.test(issue.message) ? issue.message : "validation.invalid" };
    }
  }
  // Rules the schema cannot see.
  const skus = new Map<string, number>();
  draft.variants.forEach((v, i) => {
    const sku = v.sku.trim().toLowerCase();
    if (sku && skus.has(sku)) errors[`variants.${i}.sku`] ??= { key: "products.skuDuplicate", params: { sku: v.sku } };
    skus.set(sku, i);
  });
  draft.variants.forEach((v, i) => {
    const price = raw.variants[i]!.price ?? 0;
    const compare = raw.variants[i]!.compareAtPrice;
    if (compare !== null && price > 0 && compare <= price) errors[`variants.${i}.compareAtPrice`] ??= { key: "products.compareAtTooLow", params: { sku: v.sku } };
  });
  if (!draft.categoryId) errors.categoryId = { key: "products.categoryNotFound" };
  if (!variantsMatchOptions(draft.options, draft.variants)) errors.variants ??= { key: "products.variantOptionsMismatch", params: { sku: draft.variants[0]?.sku ?? "" } };
  return { input: Object.keys(errors).length === 0 && parsed.success ? parsed.data : null, errors };
}

export function stripHtml(html: string): string {
  return html.replace(/<[^>]*>/g, "").replace(/&nbsp;/g, " ").trim();
}

// Which field a server error belongs to when it is not a zod field error.
const SKU_FIELD: Record<string, string> = {
  "products.compareAtTooLow": "compareAtPrice",
  "products.variantImageUnknown": "imageMediaId",
};
const FORM_FIELD: Record<string, string> = {
  "products.categoryNotFound": "categoryId",
  "products.brandNotFound": "brandId",
  "products.currencyInvalid": "currency",
  "products.optionDuplicate": "options",
  "products.optionValueDuplicate": "options",
  "products.optionNeedsValues": "options",
  "products.tooManyOptions": "options",
  "products.variantRequired": "variants",
  "products.tooManyVariants": "variants",
  "products.singleVariantWithoutOptions": "variants",
  "products.noActiveVariant": "variants",
  "products.tooManyImages": "images",
  "products.imageDuplicate": "images",
  "products.imageNotYours": "images",
  "products.translationDuplicate": "translations",
};

/** The form field a server error belongs to ("variants.2.sku", "attributes.colour", "title"), if any. */
export function fieldOfServerError(draft: ProductDraft, messageKey: string, params: Record<string, string | number>): string | null {
  if (typeof params.sku === "string") {
    const index = draft.variants.findIndex((v) => v.sku.trim().toLowerCase() === String(params.sku).toLowerCase());
    if (index >= 0) return `variants.${index}.${SKU_FIELD[messageKey] ?? "sku"}`;
    return "variants";
  }
  if (typeof params.code === "string" && messageKey.startsWith("products.attribute")) return `attributes.${params.code}`;
  return FORM_FIELD[messageKey] ?? null;
}

/** What the editor needs of a stored product (products.getVendorProduct). */
export interface StoredProduct {
  title: string;
  description: string;
  locale: string;
  categoryId: string;
  brandId: string | null;
  currency: string;
  attributes: Record<string, AttributeValue>;
  options: { name: string; values: string[] }[];
  variants: {
    id: string; sku: string; optionValues: Record<string, string>; price: number; compareAtPrice: number | null; weightGrams: number | null;
    lengthMm: number | null; widthMm: number | null; heightMm: number | null; barcode: string | null; imageMediaId: string | null; active: boolean;
  }[];
  images: { alt: string; media: { id: string; storageKey: string; placeholder: string; width: number; height: number } }[];
  translations: { locale: string; title: string; description: string }[];
}

/** The editor's state for a stored product. */
export function draftFromProduct(p: StoredProduct): ProductDraft {
  const num = (n: number | null) => (n === null ? "" : String(n));
  return {
    title: p.title,
    description: p.description,
    locale: p.locale,
    categoryId: p.categoryId,
    brandId: p.brandId ?? "",
    currency: p.currency.trim(),
    attributes: p.attributes,
    options: p.options.map((o, i) => ({ key: `o-${i}`, name: o.name, values: o.values })),
    variants: p.variants.map((v) => ({
      key: v.id, id: v.id, sku: v.sku, optionValues: v.optionValues, price: minorToText(v.price, p.currency.trim()),
      compareAt: minorToText(v.compareAtPrice, p.currency.trim()), weight: num(v.weightGrams), length: num(v.lengthMm), width: num(v.widthMm),
      height: num(v.heightMm), barcode: v.barcode ?? "", imageMediaId: v.imageMediaId, active: v.active,
    })),
    images: p.images.map((img) => ({
      mediaId: img.media.id, src: mediaSrc(img.media.storageKey), width: img.media.width, height: img.media.height, placeholder: img.media.placeholder, alt: img.alt,
    })),
    translations: Object.fromEntries(p.translations.map((tr) => [tr.locale, { title: tr.title, description: tr.description }])),
  };
}
