"use client";

import { useMutation } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { Alert, Badge, Button, Checkbox, DataTable, Dialog, EmptyState, Field, Input, useToast } from "@/components/ui";
import { useRouter } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";
import type { WarehouseView } from "./types";

/** Adds a warehouse or edits one. Keep mounted; toggle `open`. */
function WarehouseFormDialog({ vendorId, open, warehouse, onClose }: { vendorId: string; open: boolean; warehouse: WarehouseView | null; onClose: () => void }) {
  const t = useTranslations("sellerInventory");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const formId = useId();
  const [wasOpen, setWasOpen] = useState(false);
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [countryCode, setCountryCode] = useState("");
  const [city, setCity] = useState("");
  const [isDefault, setIsDefault] = useState(false);
  const [active, setActive] = useState(true);
  const done = () => {
    toast({ title: t("warehouseSaved"), tone: "success" });
    router.refresh();
    onClose();
  };
  const create = useMutation(trpc.inventory.createWarehouse.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.inventory.updateWarehouse.mutationOptions({ onSuccess: done }));
  const mutation = warehouse ? update : create;
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setCode(warehouse?.code ?? "");
      setName(warehouse?.name ?? "");
      setCountryCode(warehouse?.countryCode ?? "");
      setCity(warehouse?.city ?? "");
      setIsDefault(warehouse?.isDefault ?? false);
      setActive(warehouse?.active ?? true);
      create.reset();
      update.reset();
    }
  }
  const key = (mutation.error as { data?: { messageKey?: string } } | null)?.data?.messageKey;
  const fieldErrors = {
    code: errors.field(mutation.error, "code") ?? (key === "inventory.codeTaken" ? errors.message(mutation.error) : undefined),
    name: errors.field(mutation.error, "name"),
    countryCode: errors.field(mutation.error, "countryCode"),
    city: errors.field(mutation.error, "city"),
  };
  const general = mutation.error && !Object.values(fieldErrors).some(Boolean) ? errors.message(mutation.error) : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = { vendorId, name, countryCode, city, isDefault };
    if (warehouse) update.mutate({ ...fields, warehouseId: warehouse.id, active });
    else create.mutate({ ...fields, code });
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={warehouse ? t("editWarehouse", { name: warehouse.name }) : t("newWarehouse")}
      closeLabel={tc("close")}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>{tc("cancel")}</Button>
          <Button type="submit" form={formId} loading={mutation.isPending}>{tc("save")}</Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} noValidate className="flex flex-col gap-4">
        {general ? <Alert tone="danger">{general}</Alert> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={`${formId}-code`} label={t("code")} hint={warehouse ? undefined : t("codeHint")} error={fieldErrors.code} required>
            {(c) => <Input {...c} value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} maxLength={20} disabled={warehouse !== null} required dir="ltr" autoFocus={!warehouse} />}
          </Field>
          <Field id={`${formId}-name`} label={t("name")} error={fieldErrors.name} required>
            {(c) => <Input {...c} value={name} onChange={(e) => setName(e.target.value)} maxLength={80} required dir="auto" autoFocus={warehouse !== null} />}
          </Field>
          <Field id={`${formId}-country`} label={t("country")} hint={t("countryHint")} error={fieldErrors.countryCode} required>
            {(c) => <Input {...c} value={countryCode} onChange={(e) => setCountryCode(e.target.value.toUpperCase())} maxLength={2} required dir="ltr" autoComplete="country" />}
          </Field>
          <Field id={`${formId}-city`} label={t("city")} error={fieldErrors.city}>
            {(c) => <Input {...c} value={city} onChange={(e) => setCity(e.target.value)} maxLength={80} dir="auto" autoComplete="address-level2" />}
          </Field>
        </div>
        <Checkbox label={t("makeDefault")} checked={isDefault} onChange={(e) => setIsDefault(e.target.checked)} disabled={warehouse?.isDefault} />
        {warehouse ? <Checkbox label={t("activeLabel")} checked={active} onChange={(e) => setActive(e.target.checked)} disabled={warehouse.isDefault} /> : null}
      </form>
    </Dialog>
  );
}

/** The shop's warehouses with their stock, and the add/edit dialog. */
export function WarehousesManager({ vendorId, warehouses }: { vendorId: string; warehouses: WarehouseView[] }) {
  const t = useTranslations("sellerInventory");
  const tc = useTranslations("common");
  const format = useFormatter();
  const locale = useLocale();
  const region = (code: string) => {
    try {
      return new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;
    } catch {
      return code;
    }
  };
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<WarehouseView | null>(null);
  const openFor = (w: WarehouseView | null) => {
    setEditing(w);
    setOpen(true);
  };
  return (
    <div className="flex flex-col gap-4">
      <div>
        <Button onClick={() => openFor(null)}>{t("addWarehouse")}</Button>
      </div>
      <DataTable
        caption={t("warehousesTitle")}
        rows={warehouses}
        getRowKey={(w) => w.id}
        empty={<EmptyState title={t("noWarehousesTitle")} description={t("noWarehousesBody")} />}
        columns={[
          { key: "code", header: t("code"), rowHeader: true, cell: (w) => <span dir="ltr">{w.code}</span> },
          { key: "name", header: t("name"), cell: (w) => <span dir="auto">{w.name}</span> },
          { key: "place", header: t("country"), cell: (w) => <span>{new Intl.ListFormat(locale, { type: "unit", style: "short" }).format([w.city, region(w.countryCode)].filter(Boolean))}</span> },
          { key: "stock", header: t("stock"), cell: (w) => t("levelCell", { onHand: format.number(w.onHand), reserved: format.number(w.reserved) }) },
          {
            key: "status", header: t("status"), cell: (w) => (
              <span className="flex flex-wrap gap-1">
                {w.isDefault ? <Badge tone="brand">{t("default")}</Badge> : null}
                {w.active ? <Badge tone="success">{t("active")}</Badge> : <Badge>{t("inactive")}</Badge>}
              </span>
            ),
          },
          {
            key: "actions", header: <span className="sr-only">{tc("actions")}</span>, className: "text-end", cell: (w) => (
              <Button size="sm" variant="secondary" onClick={() => openFor(w)} aria-label={t("editWarehouse", { name: w.name })}>{tc("edit")}</Button>
            ),
          },
        ]}
      />
      <WarehouseFormDialog vendorId={vendorId} open={open} warehouse={editing} onClose={() => setOpen(false)} />
    </div>
  );
}
