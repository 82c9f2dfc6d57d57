// What changed in the cart since the shopper last looked (price moved, out of stock, shop paused,
// fewer available), named per item. The cart read that finds them also acknowledges them.
import { getTranslations } from "next-intl/server";
import { Alert, buttonClasses } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import type { CartView } from "@/server/modules/cart";

export async function CheckoutChanges({ cart, locale }: { cart: CartView; locale: string }) {
  const t = await getTranslations("checkout.change");
  const items: string[] = [];
  for (const group of cart.groups) {
    for (const line of group.lines) {
      const title = line.title || t("unknownItem");
      const money = (minor: number) => formatMoney(minor, line.currency || "USD", locale);
      for (const n of line.notices) {
        if (n.kind === "priceChanged") items.push(t(n.to > n.from ? "priceUp" : "priceDown", { title, from: money(n.from), to: money(n.to) }));
        else if (n.kind === "quantityReduced") items.push(t("quantityReduced", { title, to: n.to }));
        else if (n.kind === "shopPaused") items.push(t("shopPaused", { title, shop: group.vendor.name }));
        else items.push(t(n.kind, { title }));
      }
    }
  }
  if (items.length === 0) return null;
  return (
    <Alert
      tone="warning"
      title={t("title")}
      data-testid="checkout-changes"
      action={<Link href="/cart" className={buttonClasses({ variant: "secondary", size: "sm" })}>{t("reviewCart")}</Link>}
    >
      <ul className="mt-1 list-disc ps-5">
        {items.map((text, i) => <li key={i}>{text}</li>)}
      </ul>
    </Alert>
  );
}
