// The filters of a listing as a plain GET form (works without JavaScript; AutoSubmit applies
// changes at once when it runs). On small screens it folds into a <details> panel.
import { getTranslations } from "next-intl/server";
import { Button, Checkbox, cn, Input } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { currencyDigits, formatMoney } from "@/lib/money";
import { ATTR_PREFIX, browseQuery, browseSearch, CLEARED_FILTERS, hasFilters, type AnyBrowseState } from "@/lib/storefront/browse-params";
import { priceRanges } from "@/lib/storefront/price-ranges";
import { AutoSubmit } from "./auto-submit";

export interface Facets {
  brands: { value: string; label: string; count: number }[];
  price: { min: number | null; max: number | null };
  attributes: { code: string; label: string; unit: string | null; values: { value: string; label: string; count: number }[] }[];
  /** Search engine listings: the category tree (search page), shops, "rated at least" counts ("1".."5"). */
  categories?: { slug: string; name: string; parentSlug: string | null; count: number }[];
  vendors?: { value: string; label: string; count: number }[];
  ratings?: { value: string; label: string; count: number }[];
}

interface FilterPanelProps {
  /** The listing's localized path (the form's action), e.g. "/en/c/lamps". */
  action: string;
  /** The same path without the locale, for links. */
  pathname: string;
  state: AnyBrowseState;
  facets: Facets;
  currency: string;
  locale: string;
  /** Attribute code → type; without it yes/no values are recognised by their stored "true"/"false". */
  attributeTypes?: Record<string, string>;
}

function FacetGroup({ legend, children }: { legend: string; children: React.ReactNode }) {
  return (
    <fieldset className="border-t border-neutral-200 py-4 first-of-type:border-t-0 first-of-type:pt-0">
      <legend className="float-start mb-2 w-full text-sm font-semibold text-neutral-900">{legend}</legend>
      <div className="clear-both">{children}</div>
    </fieldset>
  );
}

export async function FilterPanel({ action, pathname, state, facets, currency, locale, attributeTypes = {} }: FilterPanelProps) {
  const t = await getTranslations("storefront.filters");
  const nf = new Intl.NumberFormat(locale);
  const active = hasFilters(state);
  const activeCount = state.brands.length + (state.vendors?.length ?? 0) + (state.rating ? 1 : 0)
    + Object.values(state.attributes).reduce((n, v) => n + v.length, 0) + (state.min || state.max ? 1 : 0);
  const major = (minor: number | null, round: (n: number) => number) => (minor === null ? undefined : String(round(minor / 10 ** currencyDigits(currency))));
  const clear = { pathname, query: browseQuery(state, CLEARED_FILTERS) };
  const digits = currencyDigits(currency);
  const ranges = facets.price.min !== null && facets.price.max !== null ? priceRanges(facets.price.min / 10 ** digits, facets.price.max / 10 ** digits) : [];
  const ratings = (facets.ratings ?? []).filter((r) => Number(r.value) <= 4 && r.count > 0).sort((a, b) => Number(b.value) - Number(a.value));
  // Values of yes/no and number attributes arrive as stored ("true", "30"): show them localized.
  const valueLabel = (facet: Facets["attributes"][number], v: { value: string; label: string }) => {
    if (v.label !== v.value) return v.label;
    const type = attributeTypes[facet.code];
    const yesNo = type ? type === "BOOLEAN" : facet.values.every((x) => x.value === "true" || x.value === "false");
    if (yesNo) return v.value === "true" ? t("yes") : v.value === "false" ? t("no") : v.label;
    if ((!type || type === "NUMBER") && /^-?\d+(\.\d+)?$/.test(v.value)) return nf.format(Number(v.value));
    return v.label;
  };
  const option = (name: string, value: string, label: string, count: number, checked: boolean, id: string) => (
    <li key={value}>
      <Checkbox
        id={id.replace(/[^A-Za-z0-9_-]/g, "_")}
        name={name}
        value={value}
        defaultChecked={checked}
        label={
          <span className="flex gap-1.5">
            <span>{label}</span>
            <span className="text-neutral-600" aria-hidden="true">({nf.format(count)})</span>
            <span className="sr-only">{t("count", { count })}</span>
          </span>
        }
      />
    </li>
  );

  return (
    <details className="group/filters rounded-xl border border-neutral-200 bg-white lg:border-0 lg:bg-transparent lg:[&::details-content]:block lg:[&::details-content]:[content-visibility:visible]">
      <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-2 px-4 py-2 text-sm font-medium lg:hidden [&::-webkit-details-marker]:hidden">
        <span className="flex items-center gap-2">
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
            <path d="M3 5h14M6 10h8M8.5 15h3" />
          </svg>
          {t("title")}
          {activeCount > 0 && <span className="rounded-full bg-brand-600 px-1.5 text-xs text-white">{nf.format(activeCount)}</span>}
        </span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 transition-transform group-open/filters:rotate-180" fill="currentColor">
          <path fillRule="evenodd" d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z" clipRule="evenodd" />
        </svg>
      </summary>
      <form key={browseSearch(state)} method="get" action={action} aria-label={t("title")} className="px-4 pb-4 lg:p-0" data-testid="filters">
        <AutoSubmit />
        <h2 className="mb-3 hidden text-base font-semibold lg:block">{t("title")}</h2>
        {state.q && <input type="hidden" name="q" value={state.q} />}
        {state.category && <input type="hidden" name="category" value={state.category} />}
        {state.sort !== (state.defaultSort ?? "newest") && <input type="hidden" name="sort" value={state.sort} />}

        {facets.categories && <CategoryFacet categories={facets.categories} state={state} pathname={pathname} legend={t("category")} allLabel={t("allCategories")} nf={nf} countLabel={(count) => t("count", { count })} />}

        <FacetGroup legend={t("price")}>
          <div className="flex items-end gap-2">
            <label className="flex min-w-0 flex-1 flex-col text-sm">
              <span className="mb-1 text-neutral-700">{t("min")}</span>
              <Input id="f-min" name="min" inputMode="decimal" autoComplete="off" defaultValue={state.min} placeholder={major(facets.price.min, Math.floor)} className="min-w-0" />
            </label>
            <span aria-hidden="true" className="pb-2.5 text-neutral-500">–</span>
            <label className="flex min-w-0 flex-1 flex-col text-sm">
              <span className="mb-1 text-neutral-700">{t("max")}</span>
              <Input id="f-max" name="max" inputMode="decimal" autoComplete="off" defaultValue={state.max} placeholder={major(facets.price.max, Math.ceil)} className="min-w-0" />
            </label>
          </div>
          {facets.price.min !== null && facets.price.max !== null && (
            <p className="mt-2 text-xs text-neutral-600">
              {t("priceRange", { min: formatMoney(facets.price.min, currency, locale), max: formatMoney(facets.price.max, currency, locale) })}
            </p>
          )}
          {ranges.length > 0 && (
            <ul className="mt-3 flex flex-wrap gap-1.5" aria-label={t("priceRanges")}>
              {ranges.map((r) => {
                const current = state.min === (r.min ?? "") && state.max === (r.max ?? "");
                const money = (major: string) => formatMoney(Number(major) * 10 ** digits, currency, locale);
                const label = r.min && r.max ? t("between", { min: money(r.min), max: money(r.max) }) : r.max ? t("under", { max: money(r.max) }) : t("andAbove", { min: money(r.min!) });
                return (
                  <li key={`${r.min}-${r.max}`}>
                    <Link
                      href={{ pathname, query: browseQuery(state, { min: r.min ?? "", max: r.max ?? "", page: 1 }) }}
                      aria-current={current ? "true" : undefined}
                      className={cn("inline-flex min-h-8 items-center rounded-full border px-3 text-xs font-medium", current ? "border-brand-600 bg-brand-50 text-brand-800" : "border-neutral-300 bg-white text-neutral-800 hover:border-brand-600")}
                    >
                      {label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          )}
        </FacetGroup>

        {facets.brands.length > 0 && (
          <FacetGroup legend={t("brand")}>
            <ul className="flex flex-col gap-2">
              {facets.brands.map((b) => option("brand", b.value, b.label, b.count, state.brands.includes(b.value), `f-brand-${b.value}`))}
            </ul>
          </FacetGroup>
        )}

        {facets.vendors && facets.vendors.length > 0 && (
          <FacetGroup legend={t("vendor")}>
            <ul className="flex flex-col gap-2">
              {facets.vendors.map((v) => option("vendor", v.value, v.label, v.count, state.vendors?.includes(v.value) ?? false, `f-vendor-${v.value}`))}
            </ul>
          </FacetGroup>
        )}

        {ratings.length > 0 && (
          <FacetGroup legend={t("rating")}>
            <ul className="flex flex-col gap-2">
              <li>
                <label className="inline-flex cursor-pointer items-center gap-2 text-sm font-medium text-neutral-900">
                  <input type="radio" id="f-rating-any" name="rating" value="" defaultChecked={!state.rating} className="size-4 accent-brand-600" />
                  {t("anyRating")}
                </label>
              </li>
              {ratings.map((r) => (
                <li key={r.value}>
                  <label className="inline-flex cursor-pointer items-center gap-2 text-sm font-medium text-neutral-900">
                    <input type="radio" id={`f-rating-${r.value}`} name="rating" value={r.value} defaultChecked={state.rating === Number(r.value)} className="size-4 accent-brand-600" />
                    <span aria-hidden="true" className="tracking-tight text-amber-500">{"★".repeat(Number(r.value))}<span className="text-neutral-300">{"★".repeat(5 - Number(r.value))}</span></span>
                    <span>{t("ratingAtLeast", { stars: Number(r.value) })}</span>
                    <span className="text-neutral-600" aria-hidden="true">({nf.format(r.count)})</span>
                    <span className="sr-only">{t("count", { count: r.count })}</span>
                  </label>
                </li>
              ))}
            </ul>
          </FacetGroup>
        )}

        {facets.attributes.map((a) => (
          <FacetGroup key={a.code} legend={a.unit ? t("withUnit", { label: a.label, unit: a.unit }) : a.label}>
            <ul className="flex flex-col gap-2">
              {a.values.map((v) => option(`${ATTR_PREFIX}${a.code}`, v.value, valueLabel(a, v), v.count, state.attributes[a.code]?.includes(v.value) ?? false, `f-${a.code}-${v.value}`))}
            </ul>
          </FacetGroup>
        ))}

        <div className={cn("flex flex-wrap items-center gap-3 border-t border-neutral-200 pt-4")}>
          <Button type="submit" size="sm">{t("apply")}</Button>
          {active && (
            <Link href={clear} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">{t("clear")}</Link>
          )}
        </div>
      </form>
    </details>
  );
}

/**
 * The category tree of a search: with no category chosen, the top-level categories that have
 * matches; with one, "All categories", its ancestors, itself and its children. Links, so each
 * narrows (or widens) the search and keeps the other filters.
 */
function CategoryFacet({ categories, state, pathname, legend, allLabel, nf, countLabel }: {
  categories: NonNullable<Facets["categories"]>;
  state: AnyBrowseState;
  pathname: string;
  legend: string;
  allLabel: string;
  nf: Intl.NumberFormat;
  countLabel: (count: number) => string;
}) {
  const bySlug = new Map(categories.map((c) => [c.slug, c]));
  const current = state.category ? bySlug.get(state.category) : undefined;
  const ancestors: typeof categories = [];
  for (let c = current?.parentSlug ? bySlug.get(current.parentSlug) : undefined; c && ancestors.length < 10; c = c.parentSlug ? bySlug.get(c.parentSlug) : undefined) ancestors.unshift(c);
  const kids = (slug: string) => categories.filter((c) => c.parentSlug === slug);
  let children = state.category ? kids(state.category) : categories.filter((c) => c.parentSlug === null || !bySlug.has(c.parentSlug));
  // With nothing chosen and every match under one branch, open the branch down to where it splits.
  const chain: typeof categories = [];
  while (!state.category && children.length === 1 && kids(children[0]!.slug).length > 0 && chain.length < 5) {
    chain.push(children[0]!);
    children = kids(children[0]!.slug);
  }
  if (!state.category && children.length === 0) return null;
  const href = (slug: string | undefined) => ({ pathname, query: browseQuery(state, { category: slug, page: 1 }) });
  const link = "inline-flex min-h-7 items-center gap-1.5 rounded-sm text-sm text-neutral-800 hover:text-brand-700 hover:underline underline-offset-2";
  const count = (n: number) => (
    <>
      <span className="text-neutral-600" aria-hidden="true">({nf.format(n)})</span>
      <span className="sr-only">{countLabel(n)}</span>
    </>
  );
  return (
    <nav aria-label={legend} className="border-b border-neutral-200 pb-4 mb-4" data-testid="category-facet">
      <h3 className="mb-2 text-sm font-semibold text-neutral-900">{legend}</h3>
      <ul className="flex flex-col gap-1">
        {state.category && (
          <li><Link href={href(undefined)} className={link}>{allLabel}</Link></li>
        )}
        {ancestors.map((a, i) => (
          <li key={a.slug} style={{ paddingInlineStart: `${(i + 1) * 0.75}rem` }}>
            <Link href={href(a.slug)} className={link}>{a.name}</Link>
          </li>
        ))}
        {chain.map((a, i) => (
          <li key={a.slug} style={{ paddingInlineStart: i ? `${i * 0.75}rem` : undefined }}>
            <Link href={href(a.slug)} className={link}>{a.name} {count(a.count)}</Link>
          </li>
        ))}
        {current && (
          <li style={{ paddingInlineStart: `${(ancestors.length + 1) * 0.75}rem` }}>
            <span aria-current="true" className="inline-flex min-h-7 items-center gap-1.5 text-sm font-semibold text-neutral-900">{current.name} {count(current.count)}</span>
          </li>
        )}
        {children.map((c) => (
          <li key={c.slug} style={{ paddingInlineStart: state.category ? `${(ancestors.length + 2) * 0.75}rem` : chain.length ? `${chain.length * 0.75}rem` : undefined }}>
            <Link href={href(c.slug)} className={link}>{c.name} {count(c.count)}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
