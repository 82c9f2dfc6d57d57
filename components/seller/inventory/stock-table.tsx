"use client";

import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { Fragment, useId, useState, type FormEvent } from "react";
import { Alert, Badge, Button, Field, Input, Table, TBody, TD, TH, THead, TR, useToast } from "@/components/ui";
import { Link, useRouter } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";
import { RulesDialog } from "./rules-dialog";
import { TransferDialog } from "./transfer-dialog";
import type { StockRowView, WarehouseView } from "./types";

/** Stock status of a variant: sold out, low (at or under its threshold) or fine. */
export function StockBadge({ available, low }: { available: number; low: boolean }) {
  const t = useTranslations("sellerInventory");
  if (available <= 0) return <Badge tone="danger">{t("statusOut")}</Badge>;
  if (low) return <Badge tone="warning">{t("statusLow")}</Badge>;
  return <Badge tone="success">{t("statusOk")}</Badge>;
}

/** Sets on hand per warehouse for one variant, inline under its row, with one reason. */
function InlineStockEditor({ vendorId, row, warehouses, onDone }: { vendorId: string; row: StockRowView; warehouses: WarehouseView[]; onDone: () => void }) {
  const t = useTranslations("sellerInventory");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const formId = useId();
  const current = (warehouseId: string) => row.levels.find((l) => l.warehouseId === warehouseId)?.onHand ?? 0;
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(warehouses.map((w) => [w.id, String(current(w.id))])));
  const [reason, setReason] = useState("");
  const [reasonMissing, setReasonMissing] = useState(false);
  const setStock = useMutation(trpc.inventory.setStock.mutationOptions());

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const changes = warehouses.filter((w) => values[w.id] !== String(current(w.id)));
    if (changes.length === 0) {
      toast({ title: t("nothingChanged") });
      onDone();
      return;
    }
    if (!reason.trim()) {
      setReasonMissing(true);
      return;
    }
    try {
      for (const w of changes) {
        await setStock.mutateAsync({ vendorId, variantId: row.variantId, warehouseId: w.id, onHand: Number(values[w.id]), reason: reason.trim() });
      }
      toast({ title: t("stockSaved"), tone: "success" });
      router.refresh();
      onDone();
    } catch {
      router.refresh(); // earlier warehouses may have saved
    }
  }

  return (
    <form id={formId} onSubmit={submit} noValidate className="flex flex-col gap-3" aria-label={t("setStockFor", { sku: row.sku })}>
      {setStock.error ? <Alert tone="danger">{errors.message(setStock.error)}</Alert> : null}
      <div className="flex flex-wrap items-end gap-3">
        {warehouses.map((w, i) => (
          <Field key={w.id} id={`${formId}-${w.id}`} label={t("onHandIn", { warehouse: w.code })} className="w-36">
            {(c) => (
              <Input
                {...c}
                type="number"
                inputMode="numeric"
                min={0}
                max={1_000_000}
                step={1}
                value={values[w.id] ?? ""}
                onChange={(e) => setValues((v) => ({ ...v, [w.id]: e.target.value }))}
                autoFocus={i === 0}
                dir="ltr"
              />
            )}
          </Field>
        ))}
        <Field id={`${formId}-reason`} label={t("reason")} error={reasonMissing ? t("reasonRequired") : undefined} required className="min-w-56 flex-1">
          {(c) => (
            <Input
              {...c}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                setReasonMissing(false);
              }}
              placeholder={t("reasonPlaceholder")}
              maxLength={200}
              dir="auto"
            />
          )}
        </Field>
        <div className="flex gap-2">
          <Button type="submit" loading={setStock.isPending}>{tc("save")}</Button>
          <Button type="button" variant="secondary" onClick={onDone}>{tc("cancel")}</Button>
        </div>
      </div>
    </form>
  );
}

/** The stock table: one row per variant, one column per warehouse, inline editing and dialogs. */
export function StockTable({ vendorId, rows, warehouses, caption }: { vendorId: string; rows: StockRowView[]; warehouses: WarehouseView[]; caption: string }) {
  const t = useTranslations("sellerInventory");
  const tc = useTranslations("common");
  const format = useFormatter();
  const [editing, setEditing] = useState<string | null>(null);
  const [transferFor, setTransferFor] = useState<StockRowView | null>(null);
  const [rulesFor, setRulesFor] = useState<StockRowView | null>(null);
  const n = (value: number) => format.number(value);
  const columns = 4 + warehouses.length;

  return (
    <>
      <Table caption={caption}>
        <THead>
          <TR>
            <TH>{t("product")}</TH>
            {warehouses.map((w) => (
              <TH key={w.id}>
                <abbr title={w.name} className="no-underline">{w.code}</abbr>
                <span className="block text-[11px] font-normal text-neutral-600">{t("onHand")}</span>
              </TH>
            ))}
            <TH>{t("available")}</TH>
            <TH>{t("status")}</TH>
            <TH><span className="sr-only">{tc("actions")}</span></TH>
          </TR>
        </THead>
        <TBody>
          {rows.map((row) => (
            <Fragment key={row.variantId}>
              <TR className="hover:bg-neutral-50">
                <TH scope="row" className="max-w-72 font-normal">
                  <span className="block truncate font-medium"><bdi>{row.title}</bdi></span>
                  <span className="block text-xs text-neutral-600">
                    <bdi>{row.sku}</bdi>
                    {row.options ? <> · <bdi>{row.options}</bdi></> : null}
                  </span>
                  {row.maxPerOrder !== null ? <span className="block text-xs text-neutral-600">{t("maxPerOrderShort", { count: row.maxPerOrder })}</span> : null}
                </TH>
                {warehouses.map((w) => {
                  const level = row.levels.find((l) => l.warehouseId === w.id);
                  return (
                    <TD key={w.id} className="tabular-nums">
                      <span className="font-medium">{n(level?.onHand ?? 0)}</span>
                      {level && level.reserved > 0 ? <span className="block text-xs text-neutral-600">{t("reservedShort", { count: level.reserved })}</span> : null}
                    </TD>
                  );
                })}
                <TD className="font-semibold tabular-nums">{n(row.available)}</TD>
                <TD><StockBadge available={row.available} low={row.low} /></TD>
                <TD>
                  <div className="flex flex-wrap justify-end gap-1" role="group" aria-label={t("actionsFor", { sku: row.sku })}>
                    <Button size="sm" variant="secondary" aria-expanded={editing === row.variantId} onClick={() => setEditing(editing === row.variantId ? null : row.variantId)}>
                      {t("setStock")}
                    </Button>
                    {warehouses.length > 1 ? (
                      <Button size="sm" variant="ghost" onClick={() => setTransferFor(row)}>{t("transfer")}</Button>
                    ) : null}
                    <Button size="sm" variant="ghost" onClick={() => setRulesFor(row)}>{t("rules")}</Button>
                    <Link href={`/seller/inventory/${row.variantId}`} className="inline-flex min-h-8 items-center rounded-md px-2 text-sm font-medium text-brand-700 hover:bg-neutral-100 hover:underline">
                      {t("history")}
                    </Link>
                  </div>
                </TD>
              </TR>
              {editing === row.variantId ? (
                <TR className="bg-neutral-50">
                  <TD colSpan={columns}>
                    <InlineStockEditor vendorId={vendorId} row={row} warehouses={warehouses} onDone={() => setEditing(null)} />
                  </TD>
                </TR>
              ) : null}
            </Fragment>
          ))}
        </TBody>
      </Table>
      <TransferDialog vendorId={vendorId} row={transferFor} warehouses={warehouses} onClose={() => setTransferFor(null)} />
      <RulesDialog vendorId={vendorId} row={rulesFor} onClose={() => setRulesFor(null)} />
    </>
  );
}
