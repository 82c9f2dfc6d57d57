// A payment's or a refund's status as a coloured label (the text always says it).
import { useTranslations } from "next-intl";
import { Badge, cn, type Tone } from "@/components/ui";

const PAYMENT_TONES: Record<string, Tone> = {
  PENDING: "neutral", REQUIRES_ACTION: "warning", AUTHORIZED: "info", CAPTURED: "success", FAILED: "danger", CANCELLED: "neutral",
};
const REFUND_TONES: Record<string, Tone> = { PENDING: "warning", SUCCEEDED: "info", FAILED: "danger" };

export function PaymentStatusBadge({ status, className }: { status: string; className?: string }) {
  const t = useTranslations("paymentRecords");
  return (
    <Badge tone={PAYMENT_TONES[status] ?? "neutral"} className={cn("w-fit", className)} data-status={status} data-testid="payment-status">
      {t.has(`status.${status}` as never) ? t(`status.${status}` as never) : status}
    </Badge>
  );
}

export function RefundStatusBadge({ status, className }: { status: string; className?: string }) {
  const t = useTranslations("paymentRecords");
  return (
    <Badge tone={REFUND_TONES[status] ?? "neutral"} className={cn("w-fit", className)} data-status={status} data-testid="refund-status">
      {t.has(`refundStatus.${status}` as never) ? t(`refundStatus.${status}` as never) : status}
    </Badge>
  );
}

/** Card networks' own names (brand names are not translated). */
export const CARD_BRANDS: Record<string, string> = { visa: "Visa", mastercard: "Mastercard", amex: "American Express", discover: "Discover", jcb: "JCB", unionpay: "UnionPay", diners: "Diners Club" };

/** "Visa ending in 4242" (or "Card ending in 4242" when the brand is unknown). */
export function CardLabel({ card }: { card: { brand: string | null; last4: string } | null }) {
  const t = useTranslations("paymentRecords");
  if (!card) return null;
  const brand = card.brand ? CARD_BRANDS[card.brand] : undefined;
  return <span dir="auto">{brand ? t("cardWithBrand", { brand, last4: card.last4 }) : t("cardEnding", { last4: card.last4 })}</span>;
}
