"use client";
// Options (up to three, values as chips) and the variants table built from them.

import { useTranslations } from "next-intl";
import { useState, type KeyboardEvent } from "react";
import { Alert, Button, Checkbox, cn, Input, Select } from "@/components/ui";
import { MAX_OPTIONS, MAX_OPTION_VALUES } from "@/server/modules/products/products.schema";
import { generateVariants, newKey, usableOptions, variantsMatchOptions, type ImageDraft, type OptionDraft, type VariantDraft } from "./product-draft";

type ErrorOf = (path: string) => string | undefined;

function CellError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="mt-1 max-w-48 text-xs font-medium text-danger-700">
      {message}
    </p>
  ) : null;
}

export function OptionsEditor({ options, onChange, error }: { options: OptionDraft[]; onChange: (options: OptionDraft[]) => void; error?: string }) {
  const t = useTranslations("sellerProducts.editor");
  const [pending, setPending] = useState<Record<string, string>>({});

  function update(key: string, patch: Partial<OptionDraft>) {
    onChange(options.map((o) => (o.key === key ? { ...o, ...patch } : o)));
  }
  function addValues(option: OptionDraft) {
    const text = pending[option.key] ?? "";
    const fresh = text.split(",").map((v) => v.trim()).filter(Boolean);
    const values = [...option.values];
    for (const v of fresh) if (!values.some((x) => x.toLowerCase() === v.toLowerCase()) && values.length < MAX_OPTION_VALUES) values.push(v.slice(0, 60));
    update(option.key, { values });
    setPending((p) => ({ ...p, [option.key]: "" }));
  }
  function onValueKey(event: KeyboardEvent<HTMLInputElement>, option: OptionDraft) {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      addValues(option);
    } else if (event.key === "Backspace" && !(pending[option.key] ?? "") && option.values.length > 0) {
      update(option.key, { values: option.values.slice(0, -1) });
    }
  }

  return (
    <div className="flex flex-col gap-4">
      {options.length === 0 ? <p className="text-sm text-neutral-600">{t("noOptions")}</p> : null}
      {options.map((option, index) => (
        <fieldset key={option.key} className="rounded-lg border border-neutral-200 p-4" data-testid="option">
          <legend className="px-1 text-sm font-semibold">{t("optionN", { n: index + 1 })}</legend>
          <div className="grid gap-3 md:grid-cols-[minmax(0,14rem)_minmax(0,1fr)_auto] md:items-start">
            <div>
              <label htmlFor={`${option.key}-name`} className="mb-1.5 block text-sm font-medium">
                {t("optionName")}
              </label>
              <Input id={`${option.key}-name`} value={option.name} maxLength={60} placeholder={t("optionNamePlaceholder")} onChange={(e) => update(option.key, { name: e.target.value })} />
            </div>
            <div>
              <label htmlFor={`${option.key}-values`} className="mb-1.5 block text-sm font-medium">
                {t("optionValues")}
              </label>
              <div className="flex min-h-10 flex-wrap items-center gap-1.5 rounded-lg border border-neutral-400 bg-white px-2 py-1.5 focus-within:outline-2 focus-within:outline-brand-600">
                <ul className="contents" aria-label={t("optionValuesOf", { name: option.name || t("optionN", { n: index + 1 }) })}>
                  {option.values.map((value) => (
                    <li key={value} className="inline-flex items-center gap-1 rounded-full bg-brand-100 py-0.5 ps-2.5 pe-1 text-sm text-brand-900">
                      <bdi>{value}</bdi>
                      <button
                        type="button"
                        className="inline-flex size-5 items-center justify-center rounded-full hover:bg-brand-200 focus-visible:outline-2 focus-visible:outline-brand-600"
                        aria-label={t("removeValue", { value })}
                        onClick={() => update(option.key, { values: option.values.filter((v) => v !== value) })}
                      >
                        <span aria-hidden="true">×</span>
                      </button>
                    </li>
                  ))}
                </ul>
                <input
                  id={`${option.key}-values`}
                  className="min-w-28 flex-1 border-0 bg-transparent p-0.5 text-sm outline-none"
                  value={pending[option.key] ?? ""}
                  placeholder={t("optionValuePlaceholder")}
                  aria-describedby={`${option.key}-values-hint`}
                  onChange={(e) => setPending((p) => ({ ...p, [option.key]: e.target.value }))}
                  onKeyDown={(e) => onValueKey(e, option)}
                  onBlur={() => (pending[option.key] ?? "").trim() && addValues(option)}
                />
              </div>
              <p id={`${option.key}-values-hint`} className="mt-1 text-xs text-neutral-600">
                {t("optionValuesHint")}
              </p>
            </div>
            <Button variant="ghost" size="sm" className="text-danger-700! md:mt-7" onClick={() => onChange(options.filter((o) => o.key !== option.key))}>
              {t("removeOption")}
              <span className="sr-only">: {option.name}</span>
            </Button>
          </div>
        </fieldset>
      ))}
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <div>
        <Button variant="secondary" size="sm" disabled={options.length >= MAX_OPTIONS} onClick={() => onChange([...options, { key: newKey("o"), name: "", values: [] }])}>
          {t("addOption")}
        </Button>
        {options.length >= MAX_OPTIONS ? <span className="ms-2 text-xs text-neutral-600">{t("maxOptions", { max: MAX_OPTIONS })}</span> : null}
      </div>
    </div>
  );
}

export function VariantsTable({
  options,
  variants,
  images,
  currency,
  skuBase,
  onChange,
  errorOf,
}: {
  options: OptionDraft[];
  variants: VariantDraft[];
  images: ImageDraft[];
  currency: string;
  skuBase: string;
  onChange: (variants: VariantDraft[]) => void;
  errorOf: ErrorOf;
}) {
  const t = useTranslations("sellerProducts.editor");
  const [bulkPrice, setBulkPrice] = useState("");
  const matches = variantsMatchOptions(options, variants);
  const names = usableOptions(options).map((o) => o.name.trim());

  function update(index: number, patch: Partial<VariantDraft>) {
    onChange(variants.map((v, i) => (i === index ? { ...v, ...patch } : v)));
  }
  const labelOf = (v: VariantDraft) => (names.length ? names.map((n) => v.optionValues[n] ?? "?").join(" / ") : t("defaultVariant"));
  const tableError = errorOf("variants");

  const text = (index: number, v: VariantDraft, field: "sku" | "price" | "compareAt" | "weight" | "barcode", path: string, extra?: { inputMode?: "decimal" | "numeric"; className?: string; dir?: "ltr" }) => {
    const id = `variant-${v.key}-${field}`;
    const message = errorOf(`variants.${index}.${path}`);
    return (
      <>
        <Input
          id={id}
          value={v[field]}
          aria-label={t(`variantField.${field}`, { variant: labelOf(v) })}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-error` : undefined}
          inputMode={extra?.inputMode}
          dir={extra?.dir}
          className={cn("min-h-9 py-1", extra?.className)}
          onChange={(e) => update(index, { [field]: e.target.value })}
          data-testid={`variant-${field}`}
        />
        <CellError id={`${id}-error`} message={message} />
      </>
    );
  };

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-3">
        <Button variant="secondary" onClick={() => onChange(generateVariants(options, variants, skuBase))} data-testid="generate-variants">
          {t("generateVariants")}
        </Button>
        <div className="flex items-end gap-2">
          <div>
            <label htmlFor="bulk-price" className="mb-1 block text-sm font-medium">
              {t("bulkPrice", { currency })}
            </label>
            <div className="w-32">
              <Input id="bulk-price" inputMode="decimal" dir="ltr" value={bulkPrice} onChange={(e) => setBulkPrice(e.target.value)} />
            </div>
          </div>
          <Button variant="secondary" disabled={!bulkPrice.trim()} onClick={() => onChange(variants.map((v) => ({ ...v, price: bulkPrice.trim() })))}>
            {t("applyToAll")}
          </Button>
        </div>
      </div>
      {!matches ? <Alert tone="warning">{t("variantsOutOfDate")}</Alert> : null}
      {tableError ? <Alert tone="danger">{tableError}</Alert> : null}
      <div className="overflow-x-auto rounded-xl border border-neutral-200">
        <table className="w-full min-w-[72rem] text-sm" data-testid="variants-table">
          <caption className="sr-only">{t("variantsCaption")}</caption>
          <thead className="border-b border-neutral-200 bg-neutral-50 text-xs text-neutral-700">
            <tr>
              <th scope="col" className="px-3 py-2 text-start font-semibold">{t("variant")}</th>
              <th scope="col" className="px-3 py-2 text-start font-semibold">{t("sku")}</th>
              <th scope="col" className="px-3 py-2 text-start font-semibold">{t("price", { currency })}</th>
              <th scope="col" className="px-3 py-2 text-start font-semibold">{t("compareAt", { currency })}</th>
              <th scope="col" className="px-3 py-2 text-start font-semibold">{t("weight")}</th>
              <th scope="col" className="px-3 py-2 text-start font-semibold">{t("dimensions")}</th>
              <th scope="col" className="px-3 py-2 text-start font-semibold">{t("barcode")}</th>
              <th scope="col" className="px-3 py-2 text-start font-semibold">{t("variantImage")}</th>
              <th scope="col" className="px-3 py-2 text-start font-semibold">{t("active")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-200">
            {variants.map((v, index) => (
              <tr key={v.key} data-testid="variant-row">
                <th scope="row" className="px-3 py-2 text-start align-top font-medium whitespace-nowrap">
                  <bdi>{labelOf(v)}</bdi>
                </th>
                <td className="min-w-56 px-3 py-2 align-top">{text(index, v, "sku", "sku", { dir: "ltr" })}</td>
                <td className="min-w-28 px-3 py-2 align-top">{text(index, v, "price", "price", { inputMode: "decimal", dir: "ltr" })}</td>
                <td className="min-w-28 px-3 py-2 align-top">{text(index, v, "compareAt", "compareAtPrice", { inputMode: "decimal", dir: "ltr" })}</td>
                <td className="min-w-24 px-3 py-2 align-top">{text(index, v, "weight", "weightGrams", { inputMode: "numeric", dir: "ltr" })}</td>
                <td className="px-3 py-2 align-top">
                  <div className="flex items-center gap-1" dir="ltr">
                    {(["length", "width", "height"] as const).map((d, i) => {
                      const path = `variants.${index}.${d}Mm`;
                      const message = errorOf(path);
                      return (
                        <span key={d} className="flex items-center gap-1">
                          {i > 0 ? <span aria-hidden="true" className="text-neutral-500">×</span> : null}
                          <span className="block w-16 shrink-0">
                          <Input
                            id={`variant-${v.key}-${d}`}
                            inputMode="numeric"
                            className="min-h-9 px-2 py-1"
                            value={v[d]}
                            aria-label={t(`variantField.${d}`, { variant: labelOf(v) })}
                            aria-invalid={message ? true : undefined}
                            title={message}
                            onChange={(e) => update(index, { [d]: e.target.value })}
                          />
                          </span>
                        </span>
                      );
                    })}
                  </div>
                  <CellError
                    id={`variant-${v.key}-dims-error`}
                    message={errorOf(`variants.${index}.lengthMm`) ?? errorOf(`variants.${index}.widthMm`) ?? errorOf(`variants.${index}.heightMm`)}
                  />
                </td>
                <td className="min-w-32 px-3 py-2 align-top">{text(index, v, "barcode", "barcode", { dir: "ltr" })}</td>
                <td className="min-w-32 px-3 py-2 align-top">
                  <Select
                    id={`variant-${v.key}-image`}
                    className="min-h-9 py-1"
                    value={v.imageMediaId ?? ""}
                    aria-label={t("variantField.image", { variant: labelOf(v) })}
                    onChange={(e) => update(index, { imageMediaId: e.target.value || null })}
                  >
                    <option value="">{t("noImage")}</option>
                    {images.map((img, i) => (
                      <option key={img.mediaId} value={img.mediaId}>
                        {img.alt ? t("imageNamed", { n: i + 1, alt: img.alt }) : t("imageN", { n: i + 1 })}
                      </option>
                    ))}
                  </Select>
                  <CellError id={`variant-${v.key}-image-error`} message={errorOf(`variants.${index}.imageMediaId`)} />
                </td>
                <td className="px-3 py-2 align-top">
                  <Checkbox
                    className="mt-2.5"
                    checked={v.active}
                    aria-label={t("variantField.active", { variant: labelOf(v) })}
                    onChange={(e) => update(index, { active: e.target.checked })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
