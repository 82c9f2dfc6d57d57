"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { Alert, Button, DataTable, Field, Input, useToast } from "@/components/ui";
import { useRouter } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";

const MAX_BYTES = 2 * 1024 * 1024;

/** Uploads a stock CSV and shows what changed and each refused row with its reason. */
export function StockImport({ vendorId }: { vendorId: string }) {
  const t = useTranslations("sellerInventory");
  const tErrors = useTranslations("errors");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const formId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string>();
  const upload = useMutation(trpc.inventory.importStock.mutationOptions({
    onSuccess: (result) => {
      // The result stays on the page (below); a toast confirms only a clean run.
      if (result.errors.length === 0) toast({ title: t("importResult", { updated: result.updated, unchanged: result.unchanged }), tone: "success" });
      router.refresh();
    },
  }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFileError(undefined);
    if (!file) return setFileError(tErrors("validation.required"));
    if (file.size > MAX_BYTES) return setFileError(tErrors("inventory.csvTooLarge"));
    upload.mutate({ vendorId, csv: await file.text() });
  }
  const result = upload.data;
  const failedRows = result ? new Set(result.errors.map((e) => e.row)).size : 0;

  return (
    <div className="flex flex-col gap-6">
      <form id={formId} onSubmit={submit} noValidate className="flex flex-col gap-4 rounded-xl border border-neutral-200 bg-white p-4 sm:p-6">
        {upload.error ? <Alert tone="danger">{errors.message(upload.error)}</Alert> : null}
        <Field id={`${formId}-file`} label={t("file")} hint={t("fileHint")} error={fileError} required>
          {(c) => <Input {...c} type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} required />}
        </Field>
        <div>
          <Button type="submit" loading={upload.isPending}>{t("importSubmit")}</Button>
        </div>
      </form>
      {result ? (
        <section aria-live="polite" className="flex flex-col gap-3">
          <Alert tone={failedRows ? "warning" : "success"}>
            {t("importResult", { updated: result.updated, unchanged: result.unchanged })}
            {failedRows ? ` ${t("importFailed", { count: failedRows })}` : null}
          </Alert>
          {result.errors.length ? (
            <DataTable
              caption={t("importFailed", { count: failedRows })}
              showCaption
              rows={result.errors}
              getRowKey={(e, i) => `${e.row}-${e.column ?? ""}-${i}`}
              empty={null}
              columns={[
                { key: "row", header: t("row"), rowHeader: true, className: "w-20", cell: (e) => e.row },
                { key: "column", header: t("column"), className: "w-32", cell: (e) => <code dir="ltr">{e.column ?? ""}</code> },
                { key: "problem", header: t("problem"), cell: (e) => errors.translate(e.messageKey, e.params) },
              ]}
            />
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
