import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Badge, EmptyState, type Tone } from "@/components/ui";

export interface LedgerEntryView {
  id: string;
  kind: "RECEIVE" | "ADJUST" | "RESERVE" | "RELEASE" | "SALE" | "RETURN" | "TRANSFER_OUT" | "TRANSFER_IN";
  onHandDelta: number;
  reservedDelta: number;
  onHandAfter: number;
  reservedAfter: number;
  reason: string;
  actorName: string | null;
  warehouse: string | null;
  orderNumber: string | null;
  createdAt: string;
}

const TONES: Record<LedgerEntryView["kind"], Tone> = {
  RECEIVE: "success", RETURN: "success", TRANSFER_IN: "info", ADJUST: "neutral", RESERVE: "brand", RELEASE: "neutral", SALE: "warning", TRANSFER_OUT: "info",
};
const SYSTEM_REASONS = new Set(["checkout", "payment", "expired"]);

/** A variant's stock movements, newest first, as a timeline. */
export async function LedgerTimeline({ movements }: { movements: LedgerEntryView[] }) {
  const t = await getTranslations("sellerInventory");
  const format = await getFormatter();
  if (movements.length === 0) {
    return (
      <div className="rounded-xl border border-neutral-200 bg-white">
        <EmptyState title={t("ledgerEmpty")} />
      </div>
    );
  }
  const signed = (n: number) => format.number(n, { signDisplay: "exceptZero" });
  // A signed number reads left to right in every language ("+3", "−2").
  const delta = (chunks: ReactNode) => <bdi dir="ltr">{chunks}</bdi>;
  return (
    <ol className="relative flex flex-col gap-4 border-s-2 border-neutral-200 ps-6">
      {movements.map((m) => (
        <li key={m.id} className="relative rounded-xl border border-neutral-200 bg-white p-4">
          <span aria-hidden="true" className="absolute -start-[33px] top-5 size-3 rounded-full border-2 border-white bg-neutral-400 ring-2 ring-neutral-200" />
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <Badge tone={TONES[m.kind]}>{t(`kind.${m.kind}`)}</Badge>
            {m.warehouse ? <span className="text-sm font-medium text-neutral-900" dir="ltr">{m.warehouse}</span> : <span className="text-sm text-neutral-600">{t("warehouseDeleted")}</span>}
            <time dateTime={m.createdAt} className="ms-auto text-sm text-neutral-600">
              {format.dateTime(new Date(m.createdAt), { dateStyle: "medium", timeStyle: "short" })}
            </time>
          </div>
          <p className="mt-2 text-sm text-neutral-900 tabular-nums">
            {m.onHandDelta !== 0 ? <span className="me-3 font-medium">{t.rich("change", { label: t("onHand"), value: signed(m.onHandDelta), delta })}</span> : null}
            {m.reservedDelta !== 0 ? <span className="me-3 font-medium">{t.rich("change", { label: t("reserved"), value: signed(m.reservedDelta), delta })}</span> : null}
            <span className="text-neutral-600">{t("after", { onHand: format.number(m.onHandAfter), reserved: format.number(m.reservedAfter) })}</span>
          </p>
          <p className="mt-1 text-sm text-neutral-700">
            {m.reason ? <span dir="auto">{SYSTEM_REASONS.has(m.reason) ? t(`systemReason.${m.reason as "checkout"}`) : m.reason}</span> : null}
            <span className="text-neutral-600">
              {m.reason ? " · " : null}
              {m.actorName ? t("byActor", { name: m.actorName }) : t("automatic")}
              {m.orderNumber ? <> · {t("forOrder", { number: m.orderNumber })}</> : null}
            </span>
          </p>
        </li>
      ))}
    </ol>
  );
}
