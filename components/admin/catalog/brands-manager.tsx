"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { FormDialog } from "@/components/forms/form-dialog";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button, DataTable, EmptyState, Field, Input, useToast } from "@/components/ui";
import { useRouter } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { EditDeleteButtons } from "@/components/forms/row-actions";
import type { BrandView } from "./types";

/** Adds a brand or renames one. Keep mounted; toggle `open`. */
function BrandFormDialog({ open, brand, onClose }: { open: boolean; brand: BrandView | null; onClose: () => void }) {
  const t = useTranslations("adminCatalog");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const nameRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState("");
  const [wasOpen, setWasOpen] = useState(false);
  const done = (message: string) => {
    toast({ title: message, tone: "success" });
    router.refresh();
    onClose();
  };
  const create = useMutation(trpc.catalog.createBrand.mutationOptions({ onSuccess: () => done(t("brandCreated")) }));
  const update = useMutation(trpc.catalog.updateBrand.mutationOptions({ onSuccess: () => done(t("brandSaved")) }));
  const mutation = brand ? update : create;
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setName(brand?.name ?? "");
      create.reset();
      update.reset();
    }
  }
  useEffect(() => {
    if (open) nameRef.current?.focus();
  }, [open]);
  const nameError = errors.field(mutation.error, "name");
  const generalError = mutation.error && !nameError ? errors.message(mutation.error) : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (brand) update.mutate({ brandId: brand.id, name });
    else create.mutate({ name });
  }

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={brand ? t("renameBrand") : t("addBrand")}
      description={brand ? t("renameBrandBody") : undefined}
      size="sm"
      submitLabel={brand ? tc("save") : tc("create")}
      pending={mutation.isPending}
      error={generalError}
      onSubmit={submit}
    >
      {(formId) => (
        <>
          <Field id={`${formId}-name`} label={t("brandName")} error={nameError} required>
            {(c) => <Input {...c} name="name" dir="auto" value={name} maxLength={80} autoComplete="off" ref={nameRef} onChange={(e) => setName(e.target.value)} />}
          </Field>
        </>
      )}
    </FormDialog>
  );
}

/** "Add brand" button plus the brands table with rename and delete. */
export function BrandsManager({ brands, searching }: { brands: BrandView[]; searching: boolean }) {
  const t = useTranslations("adminCatalog");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const [editing, setEditing] = useState<BrandView | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [deleting, setDeleting] = useState<BrandView | null>(null);
  const remove = useMutation(trpc.catalog.deleteBrand.mutationOptions({
    onSuccess: () => {
      toast({ title: t("brandDeleted"), tone: "success" });
      setDeleting(null);
      router.refresh();
    },
  }));

  return (
    <>
      <div className="mb-3 flex justify-end">
        <Button onClick={() => { setEditing(null); setFormOpen(true); }}>{t("addBrand")}</Button>
      </div>
      <DataTable
        caption={t("brandsTitle")}
        rows={brands}
        getRowKey={(b) => b.id}
        empty={<EmptyState headingLevel="h3" title={searching ? t("noBrandsFound") : t("noBrands")} description={searching ? undefined : t("noBrandsBody")} />}
        columns={[
          { key: "name", header: t("brandName"), rowHeader: true, cell: (b) => <bdi id={`brand-${b.id}`}>{b.name}</bdi> },
          { key: "slug", header: t("slug"), cell: (b) => <code dir="ltr" className="text-xs">{b.slug}</code> },
          { key: "products", header: t("products"), className: "text-end", cell: (b) => b.productCount },
          {
            key: "actions",
            header: <span className="sr-only">{tc("actions")}</span>,
            className: "text-end",
            cell: (b) => (
              <EditDeleteButtons
                describedBy={`brand-${b.id}`}
                onEdit={() => { setEditing(b); setFormOpen(true); }} editText={t("rename")}
                onDelete={() => { remove.reset(); setDeleting(b); }} deleteText={tc("delete")}
              />
            ),
          },
        ]}
      />
      <BrandFormDialog open={formOpen} brand={editing} onClose={() => setFormOpen(false)} />
      <ConfirmDialog
        open={deleting != null}
        title={t("deleteBrand")}
        description={deleting ? t("deleteBrandConfirm", { name: deleting.name }) : undefined}
        confirmLabel={tc("delete")}
        pending={remove.isPending}
        error={remove.error ? errors.message(remove.error) : undefined}
        onConfirm={() => deleting && remove.mutate({ brandId: deleting.id })}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
