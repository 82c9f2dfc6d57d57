// The lines of one shop's part: picture, title, chosen options, quantity, unit price and total.
import { useTranslations } from "next-intl";
import { formatMoney } from "@/lib/money";
import { OrderThumb } from "./order-thumb";

export interface OrderLineView {
  id: string;
  title: string;
  variantTitle: string;
  sku: string;
  imageKey: string | null;
  unitPrice: number;
  quantity: number;
  lineTotal: number;
}

export function OrderLines({ lines, currency, locale, showSku = false }: { lines: OrderLineView[]; currency: string; locale: string; showSku?: boolean }) {
  const t = useTranslations("orders");
  const money = (minor: number) => `\u2068${formatMoney(minor, currency, locale)}\u2069`;
  return (
    <ul className="divide-y divide-neutral-100" data-testid="order-lines">
      {lines.map((line) => (
        <li key={line.id} className="flex gap-3 py-3 first:pt-0 last:pb-0">
          <OrderThumb imageKey={line.imageKey} />
          <div className="flex min-w-0 flex-1 flex-col gap-0.5 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
            <div className="min-w-0">
              <p className="font-medium text-neutral-900"><bdi>{line.title}</bdi></p>
              {line.variantTitle ? <p className="text-sm text-neutral-600"><bdi>{line.variantTitle}</bdi></p> : null}
              {showSku ? <p className="text-xs text-neutral-600">{t("sku", { sku: line.sku })}</p> : null}
              <p className="text-sm text-neutral-600 tabular-nums">{t("qtyTimesPrice", { quantity: line.quantity, price: money(line.unitPrice) })}</p>
            </div>
            <p className="font-medium whitespace-nowrap text-neutral-900 tabular-nums sm:text-end">{money(line.lineTotal)}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}
