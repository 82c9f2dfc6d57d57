"use client";
// CSV import: the file is read in the browser and sent as text; then the import's progress is
// polled every second until it finishes, with its summary and the refused rows.

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Alert, Badge, Button, Card, CardBody, CardHeader, CardTitle, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { useRouter } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";
import { importStatusTone, MAX_CSV_BYTES } from "./import-status";


export function ImportUploader({ vendorId, initialImportId }: { vendorId: string; initialImportId?: string }) {
  const t = useTranslations("sellerProducts.import");
  const trpc = useTRPC();
  const router = useRouter();
  const errors = useErrorMessages();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [importId, setImportId] = useState<string | null>(initialImportId ?? null);
  const start = useMutation(trpc.products.startImport.mutationOptions());

  const job = useQuery({
    ...trpc.products.getImport.queryOptions({ vendorId, importId: importId ?? "" }),
    enabled: importId !== null,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === "SUCCEEDED" || status === "FAILED" ? false : 1000;
    },
  });
  const data = job.data;
  const finished = data?.status === "SUCCEEDED" || data?.status === "FAILED";

  // When an import this page started finishes, refresh the list of past imports.
  const refreshedFor = useRef<string | null>(initialImportId ?? null);
  useEffect(() => {
    if (finished && importId && refreshedFor.current !== importId) {
      refreshedFor.current = importId;
      router.refresh();
    }
  }, [finished, importId, router]);

  async function submit() {
    setFileError(null);
    if (!file) {
      setFileError(t("chooseFile"));
      fileRef.current?.focus();
      return;
    }
    if (file.size > MAX_CSV_BYTES) {
      setFileError(errors.translate("catalogImport.tooLarge"));
      fileRef.current?.focus();
      return;
    }
    if (!/\.csv$/i.test(file.name) && file.type !== "text/csv") {
      setFileError(t("notCsv"));
      fileRef.current?.focus();
      return;
    }
    const csv = await file.text();
    start.mutate(
      { vendorId, fileName: file.name, csv },
      {
        onSuccess: ({ importId: id }) => {
          setImportId(id);
          setFile(null);
          if (fileRef.current) fileRef.current.value = "";
        },
        onError: (error) => setFileError(errors.message(error)),
      },
    );
  }

  const percent = data && data.totalRows > 0 ? Math.round((data.processedRows / data.totalRows) * 100) : finished ? 100 : 0;
  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardHeader>
          <CardTitle>{t("uploadTitle")}</CardTitle>
        </CardHeader>
        <CardBody className="flex flex-col gap-4">
          <p className="text-sm text-neutral-700">{t("uploadIntro")}</p>
          <form
            className="flex flex-wrap items-end gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <div className="min-w-64 flex-1">
              <label htmlFor="import-file" className="mb-1.5 block text-sm font-medium">
                {t("file")}
              </label>
              <input
                ref={fileRef}
                id="import-file"
                type="file"
                accept=".csv,text/csv"
                aria-describedby="import-file-hint import-file-error"
                aria-invalid={fileError ? true : undefined}
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setFileError(null);
                }}
                className="block w-full rounded-lg border border-neutral-400 bg-white text-sm file:me-3 file:border-0 file:border-e file:border-neutral-300 file:bg-neutral-100 file:px-3 file:py-2 file:font-medium focus-visible:outline-2 focus-visible:outline-brand-600"
              />
              <p id="import-file-hint" className="mt-1.5 text-sm text-neutral-600">
                {t("fileHint")}
              </p>
              <p id="import-file-error" aria-live="polite" className="text-sm font-medium text-danger-700">
                {fileError}
              </p>
            </div>
            <Button type="submit" loading={start.isPending} disabled={importId !== null && !finished && job.isFetched}>
              {t("start")}
            </Button>
          </form>
        </CardBody>
      </Card>

      {importId ? (
        <Card data-testid="import-progress">
          <CardHeader actions={data ? <Badge tone={importStatusTone[data.status]}>{t(`status.${data.status}`)}</Badge> : null}>
            <CardTitle>{data ? t("progressTitle", { file: data.fileName }) : t("progressTitleLoading")}</CardTitle>
          </CardHeader>
          <CardBody className="flex flex-col gap-4">
            {job.error ? <Alert tone="danger">{errors.message(job.error)}</Alert> : null}
            <div>
              <div
                role="progressbar"
                aria-label={t("progressLabel")}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={percent}
                aria-valuetext={data ? t("rowsProcessed", { done: data.processedRows, total: data.totalRows }) : undefined}
                className="h-3 w-full overflow-hidden rounded-full bg-neutral-200"
              >
                <div className={`h-full rounded-full transition-[width] duration-500 ${data?.status === "FAILED" ? "bg-danger-600" : "bg-brand-600"}`} style={{ width: `${percent}%` }} />
              </div>
              <p className="mt-2 text-sm text-neutral-700 tabular-nums" aria-live="polite">
                {data ? (finished ? t(`done.${data.status as "SUCCEEDED" | "FAILED"}`) : t("rowsProcessed", { done: data.processedRows, total: data.totalRows })) : null}
              </p>
            </div>
            {data && finished ? (
              <dl className="grid grid-cols-3 gap-3 text-center" data-testid="import-summary">
                <div className="rounded-lg bg-neutral-50 p-3">
                  <dt className="text-xs text-neutral-600">{t("total")}</dt>
                  <dd className="text-2xl font-semibold tabular-nums">{data.totalRows}</dd>
                </div>
                <div className="rounded-lg bg-success-50 p-3">
                  <dt className="text-xs text-success-800">{t("imported")}</dt>
                  <dd className="text-2xl font-semibold text-success-800 tabular-nums">{data.importedRows}</dd>
                </div>
                <div className="rounded-lg bg-danger-50 p-3">
                  <dt className="text-xs text-danger-800">{t("failed")}</dt>
                  <dd className="text-2xl font-semibold text-danger-800 tabular-nums">{data.failedRows}</dd>
                </div>
              </dl>
            ) : null}
            {data && data.errors.length > 0 ? (
              <Table caption={t("errorsCaption")} showCaption data-testid="import-errors">
                <THead>
                  <TR>
                    <TH className="w-20">{t("row")}</TH>
                    <TH className="w-40">{t("column")}</TH>
                    <TH>{t("reason")}</TH>
                  </TR>
                </THead>
                <TBody>
                  {data.errors.map((e, i) => (
                    <TR key={`${e.row}-${i}`}>
                      <TD className="tabular-nums">{e.row}</TD>
                      <TD>
                        <code dir="ltr">{e.column ?? "—"}</code>
                      </TD>
                      <TD>{errors.translate(e.messageKey, e.params)}</TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            ) : null}
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
