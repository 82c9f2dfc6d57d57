"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { Alert, Button, Dialog, Field, Input, useToast } from "@/components/ui";
import { useRouter } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";
import type { StockRowView } from "./types";

/** A variant's low-stock threshold and per-order maximum. Keep mounted; `row` opens it. */
export function RulesDialog({ vendorId, row, onClose }: { vendorId: string; row: StockRowView | null; onClose: () => void }) {
  const t = useTranslations("sellerInventory");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const formId = useId();
  const [shown, setShown] = useState<StockRowView | null>(null);
  const [threshold, setThreshold] = useState("");
  const [max, setMax] = useState("");
  const save = useMutation(trpc.inventory.updateInventoryItem.mutationOptions({
    onSuccess: () => {
      toast({ title: t("rulesSaved"), tone: "success" });
      router.refresh();
      onClose();
    },
  }));
  if (row && row !== shown) {
    setShown(row);
    setThreshold(String(row.lowStockThreshold));
    setMax(row.maxPerOrder === null ? "" : String(row.maxPerOrder));
    save.reset();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!shown) return;
    save.mutate({ vendorId, variantId: shown.variantId, lowStockThreshold: Number(threshold), maxPerOrder: max.trim() === "" ? null : Number(max) });
  }
  const thresholdError = errors.field(save.error, "lowStockThreshold");
  const maxError = errors.field(save.error, "maxPerOrder");

  return (
    <Dialog
      open={row !== null}
      onClose={onClose}
      title={t("rulesTitle", { sku: shown?.sku ?? "" })}
      closeLabel={tc("close")}
      size="sm"
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>{tc("cancel")}</Button>
          <Button type="submit" form={formId} loading={save.isPending}>{tc("save")}</Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} noValidate className="flex flex-col gap-4">
        {save.error && !thresholdError && !maxError ? <Alert tone="danger">{errors.message(save.error)}</Alert> : null}
        <Field id={`${formId}-threshold`} label={t("threshold")} hint={t("thresholdHint")} error={thresholdError} required>
          {(c) => <Input {...c} type="number" inputMode="numeric" min={0} step={1} value={threshold} onChange={(e) => setThreshold(e.target.value)} required dir="ltr" className="w-36" />}
        </Field>
        <Field id={`${formId}-max`} label={t("maxPerOrder")} hint={t("maxPerOrderHint")} error={maxError}>
          {(c) => <Input {...c} type="number" inputMode="numeric" min={1} step={1} value={max} onChange={(e) => setMax(e.target.value)} dir="ltr" className="w-36" />}
        </Field>
      </form>
    </Dialog>
  );
}
