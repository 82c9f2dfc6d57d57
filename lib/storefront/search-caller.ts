// The storefront's one door to search.products from server components.
import "server-only";
import type { Locale } from "@/lib/i18n/routing";
import type { SearchPage } from "@/server/modules/search/search.types";
import { getServerCaller } from "@/server/trpc/server";
import type { toSearchInput } from "./browse-params";

/** search.products for a listing's state in `locale` (results, facets, corrected text). */
export async function searchProducts(locale: Locale, input: ReturnType<typeof toSearchInput>): Promise<SearchPage> {
  return (await getServerCaller()).search.products({ ...input, locale });
}
