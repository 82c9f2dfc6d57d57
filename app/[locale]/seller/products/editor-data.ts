// What both editor pages load besides the product: the category tree and the brands.
import "server-only";
import type { CategoryNode } from "@/components/seller/products/category-picker";
import type { getServerCaller } from "@/server/trpc/server";

type Caller = Awaited<ReturnType<typeof getServerCaller>>;

function toNodes(tree: { id: string; name: string; children: unknown[] }[]): CategoryNode[] {
  return tree.map((n) => ({ id: n.id, name: n.name, children: toNodes(n.children as typeof tree) }));
}

export async function loadEditorData(caller: Caller): Promise<{ categories: CategoryNode[]; brands: { id: string; name: string }[] }> {
  const [tree, brands] = await Promise.all([caller.catalog.getCategoryTree(), loadBrands(caller)]);
  return { categories: toNodes(tree), brands };
}

/** Every brand, by name (the list is short; pages of 100 until done, at most 1,000). */
async function loadBrands(caller: Caller) {
  const out: { id: string; name: string }[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10; page += 1) {
    const result = await caller.catalog.listBrands({ limit: 100, ...(cursor ? { cursor } : {}) });
    out.push(...result.brands.map((b) => ({ id: b.id, name: b.name })));
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return out;
}
