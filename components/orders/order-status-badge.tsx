// An order's or a part's status as a coloured label (the text always says it; colour only helps).
import { useTranslations } from "next-intl";
import { Badge, cn } from "@/components/ui";
import { statusTone } from "@/lib/orders/timeline";

export function OrderStatusBadge({ status, className }: { status: string; className?: string }) {
  const t = useTranslations("orders");
  return (
    <Badge tone={statusTone(status)} className={cn("w-fit", className)} data-status={status} data-testid="order-status">
      {t.has(`status.${status}` as never) ? t(`status.${status}` as never) : status}
    </Badge>
  );
}
