"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { Alert, Button, Dialog, Field, Input, Select, useToast } from "@/components/ui";
import { useRouter } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";
import type { StockRowView, WarehouseView } from "./types";

/** Moves units of one variant between two of the shop's warehouses. Keep mounted; `row` opens it. */
export function TransferDialog({ vendorId, row, warehouses, onClose }: { vendorId: string; row: StockRowView | null; warehouses: WarehouseView[]; onClose: () => void }) {
  const t = useTranslations("sellerInventory");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const formId = useId();
  const [shown, setShown] = useState<StockRowView | null>(null);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [quantity, setQuantity] = useState("1");
  const [reason, setReason] = useState("");
  const transfer = useMutation(trpc.inventory.transferStock.mutationOptions({
    onSuccess: () => {
      toast({ title: t("transferred"), tone: "success" });
      router.refresh();
      onClose();
    },
  }));
  if (row && row !== shown) {
    // Opening for a variant: start from its fullest warehouse, towards another active one.
    setShown(row);
    const fullest = [...row.levels].sort((a, b) => b.onHand - b.reserved - (a.onHand - a.reserved))[0]?.warehouseId ?? warehouses[0]?.id ?? "";
    setFrom(fullest);
    setTo(warehouses.find((w) => w.id !== fullest && w.active)?.id ?? "");
    setQuantity("1");
    setReason("");
    transfer.reset();
  }
  const level = shown?.levels.find((l) => l.warehouseId === from);
  const movable = level ? level.onHand - level.reserved : 0;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!shown) return;
    transfer.mutate({ vendorId, variantId: shown.variantId, fromWarehouseId: from, toWarehouseId: to, quantity: Number(quantity), reason: reason.trim() });
  }

  return (
    <Dialog
      open={row !== null}
      onClose={onClose}
      title={t("transferTitle", { sku: shown?.sku ?? "" })}
      description={t("transferBody")}
      closeLabel={tc("close")}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>{tc("cancel")}</Button>
          <Button type="submit" form={formId} loading={transfer.isPending}>{t("transfer")}</Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} noValidate className="flex flex-col gap-4">
        {transfer.error ? <Alert tone="danger">{errors.message(transfer.error)}</Alert> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={`${formId}-from`} label={t("from")} hint={t("availableIn", { count: movable })}>
            {(c) => (
              <Select {...c} value={from} onChange={(e) => setFrom(e.target.value)}>
                {warehouses.map((w) => <option key={w.id} value={w.id}>{`${w.code} · ${w.name}`}</option>)}
              </Select>
            )}
          </Field>
          <Field id={`${formId}-to`} label={t("to")}>
            {(c) => (
              <Select {...c} value={to} onChange={(e) => setTo(e.target.value)}>
                {warehouses.filter((w) => w.active).map((w) => <option key={w.id} value={w.id}>{`${w.code} · ${w.name}`}</option>)}
              </Select>
            )}
          </Field>
        </div>
        <Field id={`${formId}-quantity`} label={t("quantity")} error={errors.field(transfer.error, "quantity")} required>
          {(c) => <Input {...c} type="number" inputMode="numeric" min={1} max={Math.max(1, movable)} step={1} value={quantity} onChange={(e) => setQuantity(e.target.value)} required dir="ltr" className="w-36" />}
        </Field>
        <Field id={`${formId}-reason`} label={t("reason")} error={errors.field(transfer.error, "reason")} required>
          {(c) => <Input {...c} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} placeholder={t("reasonPlaceholder")} required dir="auto" />}
        </Field>
      </form>
    </Dialog>
  );
}
