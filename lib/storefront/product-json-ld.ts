// schema.org Product data for a product page (Google's merchant listings read it).
import { currencyDigits } from "@/lib/money";

export interface ProductJsonLdInput {
  name: string;
  description: string;
  url: string;
  images: string[];
  sku: string | null;
  brand: string | null;
  currency: string;
  /** Minor units of each active variant. */
  prices: number[];
  inStock: boolean;
  seller: { name: string; url: string };
}

/** Minor units as a decimal string in major units: 1250 USD → "12.50", 1250 JPY → "1250". */
export function majorAmount(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  if (digits === 0) return `${sign}${abs}`;
  const whole = Math.floor(abs / 10 ** digits);
  const fraction = String(abs % 10 ** digits).padStart(digits, "0");
  return `${sign}${whole}.${fraction}`;
}

export function productJsonLd(input: ProductJsonLdInput) {
  const availability = input.inStock ? "https://schema.org/InStock" : "https://schema.org/OutOfStock";
  const seller = { "@type": "Organization", name: input.seller.name, url: input.seller.url };
  const low = Math.min(...input.prices);
  const high = Math.max(...input.prices);
  const offers = input.prices.length === 0
    ? undefined
    : low === high
      ? { "@type": "Offer", price: majorAmount(low, input.currency), priceCurrency: input.currency, availability, url: input.url, seller }
      : {
        "@type": "AggregateOffer", lowPrice: majorAmount(low, input.currency), highPrice: majorAmount(high, input.currency),
        offerCount: input.prices.length, priceCurrency: input.currency, availability, url: input.url, seller,
      };
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: input.name,
    ...(input.description ? { description: input.description } : {}),
    ...(input.images.length ? { image: input.images } : {}),
    ...(input.sku ? { sku: input.sku } : {}),
    ...(input.brand ? { brand: { "@type": "Brand", name: input.brand } } : {}),
    url: input.url,
    ...(offers ? { offers } : {}),
  };
}

/** JSON for a <script type="application/ld+json">: "<" is escaped so text can never close the tag. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
