// A cart line's notices (what changed since the shopper last looked), as a short list.
import { getTranslations } from "next-intl/server";
import { cn } from "@/components/ui";
import { formatMoney } from "@/lib/money";
import type { CartNotice } from "@/server/modules/cart";

const ICON = {
  warning: "M10 3 2 17h16L10 3Zm0 5v4m0 3h.01",
  info: "M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm0-9v5m0-8h.01",
};

export async function CartNotices({ notices, currency, locale }: { notices: CartNotice[]; currency: string; locale: string }) {
  if (notices.length === 0) return null;
  const t = await getTranslations("cart.notice");
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const items = notices.map((n) => {
    switch (n.kind) {
      case "priceChanged":
        return n.to > n.from
          ? { tone: "warning" as const, text: t("priceUp", { from: money(n.from), to: money(n.to) }) }
          : { tone: "info" as const, text: t("priceDown", { from: money(n.from), to: money(n.to) }) };
      case "quantityReduced":
        return { tone: "warning" as const, text: t("quantityReduced", { to: n.to }) };
      default:
        return { tone: "warning" as const, text: t(n.kind) };
    }
  });
  return (
    <ul className="mt-2 flex flex-col gap-1" data-testid="cart-notices">
      {items.map((item, i) => (
        <li
          key={i}
          className={cn(
            "flex items-start gap-1.5 rounded-md px-2 py-1 text-sm font-medium",
            item.tone === "warning" ? "bg-warning-50 text-warning-900" : "bg-info-50 text-info-900",
          )}
        >
          <svg viewBox="0 0 20 20" className="mt-0.5 size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
            <path d={ICON[item.tone]} />
          </svg>
          <span>{item.text}</span>
        </li>
      ))}
    </ul>
  );
}
