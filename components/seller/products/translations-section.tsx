"use client";
// Title and description in the languages other than the one the seller writes in (tabs).

import { useTranslations } from "next-intl";
import { useState, type KeyboardEvent } from "react";
import { Field, Input, cn } from "@/components/ui";
import { directionOf, localeNames, locales, type Locale } from "@/lib/i18n/routing";
import type { TranslationDraft } from "./product-draft";
import { RichTextEditor } from "./rich-text-editor";

export function TranslationsSection({
  writingLocale,
  translations,
  onChange,
  errorOf,
  resetKey,
}: {
  writingLocale: string;
  translations: Record<string, TranslationDraft>;
  onChange: (translations: Record<string, TranslationDraft>) => void;
  errorOf: (locale: string, field: "title" | "description") => string | undefined;
  resetKey: string;
}) {
  const t = useTranslations("sellerProducts.editor");
  const others = locales.filter((l) => l !== writingLocale);
  const [tab, setTab] = useState<Locale>(others[0]!);
  const current = others.includes(tab) ? tab : others[0]!;
  const value = translations[current] ?? { title: "", description: "" };
  const set = (patch: Partial<TranslationDraft>) => onChange({ ...translations, [current]: { ...value, ...patch } });

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = others.indexOf(current);
    const rtl = getComputedStyle(event.currentTarget).direction === "rtl";
    let next: number | null = null;
    if (event.key === "ArrowRight") next = index + (rtl ? -1 : 1);
    else if (event.key === "ArrowLeft") next = index + (rtl ? 1 : -1);
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = others.length - 1;
    if (next === null) return;
    event.preventDefault();
    const target = others[(next + others.length) % others.length]!;
    setTab(target);
    document.getElementById(`translation-tab-${target}`)?.focus();
  }

  return (
    <div>
      <div role="tablist" aria-label={t("translationsTabs")} onKeyDown={onKeyDown} className="mb-4 flex flex-wrap gap-1 border-b border-neutral-200">
        {others.map((l) => {
          const filled = Boolean(translations[l]?.title.trim());
          return (
            <button
              key={l}
              id={`translation-tab-${l}`}
              type="button"
              role="tab"
              aria-selected={l === current}
              aria-controls={`translation-panel-${l}`}
              tabIndex={l === current ? 0 : -1}
              onClick={() => setTab(l)}
              className={cn(
                "-mb-px inline-flex items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-600",
                l === current ? "border-brand-600 text-brand-800" : "border-transparent text-neutral-700 hover:text-neutral-900",
                (errorOf(l, "title") || errorOf(l, "description")) && "text-danger-700",
              )}
            >
              <span lang={l}>{localeNames[l]}</span>
              {filled ? (
                <span className="size-2 rounded-full bg-success-600" aria-label={t("translated")} role="img" />
              ) : null}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`translation-panel-${current}`} aria-labelledby={`translation-tab-${current}`} className="flex flex-col gap-4">
        <p className="text-sm text-neutral-600">
          {t("translationsHint")}
        </p>
        <Field id={`translation-${current}-title`} label={t("translatedTitle", { language: localeNames[current] })} error={errorOf(current, "title")}>
          {(c) => <Input {...c} lang={current} dir={directionOf(current)} value={value.title} maxLength={200} onChange={(e) => set({ title: e.target.value })} />}
        </Field>
        <RichTextEditor
          key={current}
          id={`translation-${current}-description`}
          label={t("translatedDescription", { language: localeNames[current] })}
          value={value.description}
          resetKey={`${resetKey}-${current}`}
          onChange={(html) => set({ description: html })}
          dir={directionOf(current)}
          lang={current}
          invalid={Boolean(errorOf(current, "description"))}
        />
      </div>
    </div>
  );
}
