import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { pageCacheSignature, revalidatePages, verifyPageCacheSignature } from "@/server/lib/page-cache";
import { createCategoryPath, createShop, productInput } from "@/test/catalog-factories";
import { createProduct, CreateProductInput, setProductStatus } from "./index";
import { productPagePaths } from "./products.pages";

describe("product page cache", () => {
  it("names the page of every locale under the current and former slugs", async () => {
    const [leaf] = await createCategoryPath(db, ["Kettles"]);
    const shop = await createShop(db, { name: "Cache Kitchen" });
    const product = await db.$transaction((tx) => createProduct(tx, shop.actor, CreateProductInput.parse(productInput(shop.vendor.id, leaf!.id, { title: "Copper Kettle" }))));
    await db.$transaction((tx) => setProductStatus(tx, shop.actor, { vendorId: shop.vendor.id, productId: product.id, status: "ACTIVE" }));
    const { slug } = await db.product.findUniqueOrThrow({ where: { id: product.id }, select: { slug: true } });
    await db.productSlugRedirect.create({ data: { slug: "old-kettle", productId: product.id } }); // what a slug change leaves

    const paths = await productPagePaths(db, [product.id]);
    expect(paths).toHaveLength(10);
    expect(paths).toContain(`/en/p/${slug}`);
    expect(paths).toContain("/ar/p/old-kettle");
    expect(await productPagePaths(db, [])).toEqual([]);
  });

  it("signs revalidation requests and refuses other signatures", async () => {
    const sent: { url: string; body: string; signature: string | null }[] = [];
    const fetcher = (async (url: URL, init: RequestInit) => {
      sent.push({ url: String(url), body: String(init.body), signature: new Headers(init.headers).get("x-bazaar-signature") });
      return new Response("{}", { status: 200 });
    }) as unknown as typeof fetch;

    expect(await revalidatePages(["/en/p/a", "/fr/p/a"], fetcher)).toBe(true);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toMatch(/\/api\/revalidate$/);
    expect(JSON.parse(sent[0]!.body)).toEqual({ paths: ["/en/p/a", "/fr/p/a"] });
    expect(verifyPageCacheSignature(sent[0]!.body, sent[0]!.signature)).toBe(true);
    expect(verifyPageCacheSignature(sent[0]!.body.replace("/fr/", "/es/"), sent[0]!.signature)).toBe(false);
    expect(verifyPageCacheSignature(sent[0]!.body, null)).toBe(false);
    expect(verifyPageCacheSignature("{}", pageCacheSignature("{ }"))).toBe(false);

    expect(await revalidatePages([], fetcher)).toBe(true);
    expect(sent).toHaveLength(1); // nothing to drop, nothing sent
    const down = (async () => { throw new Error("ECONNREFUSED"); }) as unknown as typeof fetch;
    expect(await revalidatePages(["/en/p/a"], down)).toBe(false); // logged, not thrown: the timer still refreshes the page
  });
});
