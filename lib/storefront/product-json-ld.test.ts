import { describe, expect, it } from "vitest";
import { jsonLdText, majorAmount, productJsonLd } from "./product-json-ld";

const base = {
  name: "Linen shirt", description: "Soft linen.", url: "https://bazaar.test/en/p/linen-shirt", images: ["https://bazaar.test/media/abc/1280"],
  sku: "LS-1", brand: "Acme", currency: "USD", inStock: true, seller: { name: "Nordic Home", url: "https://bazaar.test/en/shop/nordic-home" },
};

describe("product JSON-LD", () => {
  it("writes prices in major units as strings", () => {
    expect(majorAmount(1250, "USD")).toBe("12.50");
    expect(majorAmount(5, "USD")).toBe("0.05");
    expect(majorAmount(1250, "JPY")).toBe("1250");
    expect(majorAmount(12345, "KWD")).toBe("12.345");
  });

  it("uses one Offer when every variant costs the same", () => {
    const data = productJsonLd({ ...base, prices: [1999, 1999] });
    expect(data.offers).toEqual({
      "@type": "Offer", price: "19.99", priceCurrency: "USD", availability: "https://schema.org/InStock", url: base.url,
      seller: { "@type": "Organization", name: "Nordic Home", url: base.seller.url },
    });
    expect(data).toMatchObject({ "@type": "Product", sku: "LS-1", brand: { "@type": "Brand", name: "Acme" }, image: base.images });
  });

  it("uses an AggregateOffer when prices differ, out of stock when the shop is paused", () => {
    const data = productJsonLd({ ...base, prices: [2500, 1999, 3000], inStock: false, brand: null, sku: null });
    expect(data.offers).toMatchObject({ "@type": "AggregateOffer", lowPrice: "19.99", highPrice: "30.00", offerCount: 3, availability: "https://schema.org/OutOfStock" });
    expect(data).not.toHaveProperty("brand");
    expect(data).not.toHaveProperty("sku");
  });

  it("escapes < so a title cannot close the script tag", () => {
    const text = jsonLdText(productJsonLd({ ...base, name: "</script><script>alert(1)</script>", prices: [100] }));
    expect(text).not.toContain("<");
    expect(JSON.parse(text).name).toBe("</script><script>alert(1)</script>");
  });
});
