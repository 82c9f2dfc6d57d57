// The listing's sort order: its own small GET form carrying the current filters, so it works
// without JavaScript (a button appears) and applies at once with it.
import { getTranslations } from "next-intl/server";
import { Button, Select } from "@/components/ui";
import { BROWSE_SORTS, browseQuery, browseSearch, type AnyBrowseState } from "@/lib/storefront/browse-params";
import { AutoSubmit } from "./auto-submit";

type SortKey = "relevance" | "newest" | "bestSelling" | "rating" | "priceAsc" | "priceDesc";

export async function SortSelect({ action, state, sorts = BROWSE_SORTS }: { action: string; state: AnyBrowseState; sorts?: readonly string[] }) {
  const t = await getTranslations("storefront.sort");
  const hidden = Object.entries(browseQuery(state, { sort: state.defaultSort ?? "newest", page: 1 })).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value]).map((v) => <input key={`${key}=${v}`} type="hidden" name={key} value={v} />));
  return (
    <form key={browseSearch(state)} method="get" action={action} className="flex items-center gap-2" data-default-sort={state.defaultSort ?? "newest"}>
      <AutoSubmit />
      {hidden}
      <label htmlFor="sort" className="text-sm text-neutral-700">{t("label")}</label>
      <Select id="sort" name="sort" defaultValue={state.sort} className="min-h-9 py-1.5">
        {sorts.map((s) => <option key={s} value={s}>{t(s as SortKey)}</option>)}
      </Select>
      <noscript>
        <Button type="submit" size="sm" variant="secondary">{t("apply")}</Button>
      </noscript>
    </form>
  );
}
