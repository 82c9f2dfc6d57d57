"use client";

import { useTranslations } from "next-intl";
import { Field, Input } from "@/components/ui";

export const CATALOG_LOCALES = ["en", "es", "fr", "ar", "zh"] as const;
export type NamesValue = Record<(typeof CATALOG_LOCALES)[number], string>;

/** The names as stored (English always there) turned into five editable strings. */
export function namesValue(names?: Record<string, string> | null): NamesValue {
  return { en: names?.en ?? "", es: names?.es ?? "", fr: names?.fr ?? "", ar: names?.ar ?? "", zh: names?.zh ?? "" };
}

/** One input per locale; English required, the others optional. Each input speaks its own language. */
export function NamesFields({
  idPrefix,
  value,
  onChange,
  error,
  legend,
  autoFocusRef,
}: {
  idPrefix: string;
  value: NamesValue;
  onChange: (next: NamesValue) => void;
  /** Translated error of one locale's input, if any. */
  error?: (locale: string) => string | undefined;
  legend: string;
  autoFocusRef?: React.Ref<HTMLInputElement>;
}) {
  const t = useTranslations("adminCatalog");
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium text-neutral-900">{legend}</legend>
      <div className="grid gap-3 sm:grid-cols-2">
      {CATALOG_LOCALES.map((locale) => (
        <Field
          key={locale}
          id={`${idPrefix}-${locale}`}
          label={t(`localeName.${locale}`)}
          hint={locale === "en" ? t("englishRequired") : undefined}
          required={locale === "en"}
          error={error?.(locale)}
        >
          {(c) => (
            <Input
              {...c}
              name={`names.${locale}`}
              lang={locale}
              dir={locale === "ar" ? "rtl" : "auto"}
              value={value[locale]}
              maxLength={80}
              autoComplete="off"
              ref={locale === "en" ? autoFocusRef : undefined}
              onChange={(e) => onChange({ ...value, [locale]: e.target.value })}
            />
          )}
        </Field>
      ))}
      </div>
    </fieldset>
  );
}
