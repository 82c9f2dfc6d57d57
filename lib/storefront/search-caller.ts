// The storefront's one door to the search module's procedures from server components, typed by
// the contract (server/modules/search/search.types.ts).
import "server-only";
import type { SearchPage } from "@/server/modules/search/search.types";
import { getServerCaller } from "@/server/trpc/server";
import type { toSearchInput } from "./browse-params";

export type SearchProductsInput = ReturnType<typeof toSearchInput>;

/** search.products: a page of results with facets, or null when the category does not exist. */
export async function searchProducts(input: SearchProductsInput): Promise<SearchPage | null> {
  const caller = (await getServerCaller()) as unknown as { search: { products(input: SearchProductsInput): Promise<SearchPage | null> } };
  return caller.search.products(input);
}
