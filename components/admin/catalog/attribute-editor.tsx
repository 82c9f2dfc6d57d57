"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Badge, Button, Card, EmptyState, useToast } from "@/components/ui";
import { useRouter } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { AttributeFormDialog } from "./attribute-form-dialog";
import type { AttributeView } from "./types";

/** The category's own attribute definitions: add, edit, reorder, delete. */
export function AttributeEditor({ categoryId, attributes }: { categoryId: string; attributes: AttributeView[] }) {
  const t = useTranslations("adminCatalog");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const id = useId();
  const [editing, setEditing] = useState<AttributeView | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [deleting, setDeleting] = useState<AttributeView | null>(null);

  const reorder = useMutation(trpc.catalog.reorderAttributes.mutationOptions({
    onSuccess: () => router.refresh(),
    onError: (e) => toast({ title: errors.message(e), tone: "danger" }),
  }));
  const remove = useMutation(trpc.catalog.deleteAttribute.mutationOptions({
    onSuccess: () => {
      toast({ title: t("attributeDeleted"), tone: "success" });
      setDeleting(null);
      router.refresh();
    },
  }));
  const shift = (index: number, by: -1 | 1) => {
    const ids = attributes.map((a) => a.id);
    const j = index + by;
    if (j < 0 || j >= ids.length) return;
    [ids[index], ids[j]] = [ids[j]!, ids[index]!];
    reorder.mutate({ categoryId, orderedIds: ids });
  };
  const add = () => {
    setEditing(null);
    setFormOpen(true);
  };

  return (
    <section aria-labelledby={`${id}-title`}>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {t("ownAttributes")}
        </h2>
        <Button size="sm" onClick={add}>
          {t("addAttribute")}
        </Button>
      </div>
      {attributes.length === 0 ? (
        <Card>
          <EmptyState headingLevel="h3" title={t("noOwnAttributes")} description={t("noOwnAttributesBody")} />
        </Card>
      ) : (
        <ul className="divide-y divide-neutral-200 rounded-xl border border-neutral-200 bg-white" data-testid="own-attributes">
          {attributes.map((a, index) => {
            const nameId = `${id}-${a.id}`;
            return (
              <li key={a.id} className="flex flex-wrap items-start gap-x-4 gap-y-2 px-4 py-3">
                <div className="min-w-0 flex-1">
                  <p className="flex flex-wrap items-baseline gap-x-2 font-medium" id={nameId}>
                    <bdi>{a.name}</bdi>
                    <code dir="ltr" className="text-xs font-normal text-neutral-600">{a.code}</code>
                  </p>
                  <div className="mt-1 flex flex-wrap gap-1.5">
                    <Badge tone="brand">{t(`types.${a.type}`)}</Badge>
                    {a.unit ? <Badge>{t("unitIs", { unit: a.unit })}</Badge> : null}
                    <Badge tone={a.filterable ? "success" : "neutral"}>{a.filterable ? t("filterable") : t("notFilterable")}</Badge>
                  </div>
                  {a.options.length > 0 ? (
                    <p className="mt-1 text-sm text-neutral-600">
                      {t("optionsList")}: <bdi>{a.options.map((o) => o.name).join(", ")}</bdi>
                    </p>
                  ) : null}
                </div>
                <div className="flex flex-wrap gap-1">
                  <Button size="sm" variant="ghost" aria-describedby={nameId} onClick={() => { setEditing(a); setFormOpen(true); }}>
                    {tc("edit")}
                  </Button>
                  <Button size="sm" variant="ghost" aria-describedby={nameId} disabled={index === 0 || reorder.isPending} onClick={() => shift(index, -1)}>
                    {t("moveUp")}
                  </Button>
                  <Button size="sm" variant="ghost" aria-describedby={nameId} disabled={index === attributes.length - 1 || reorder.isPending} onClick={() => shift(index, 1)}>
                    {t("moveDown")}
                  </Button>
                  <Button size="sm" variant="ghost" className="text-danger-700 hover:bg-danger-50" aria-describedby={nameId} onClick={() => { remove.reset(); setDeleting(a); }}>
                    {tc("delete")}
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <AttributeFormDialog open={formOpen} categoryId={categoryId} attribute={editing} onClose={() => setFormOpen(false)} />
      <ConfirmDialog
        open={deleting != null}
        title={t("deleteAttribute")}
        description={deleting ? t("deleteAttributeConfirm", { name: deleting.name }) : undefined}
        confirmLabel={tc("delete")}
        pending={remove.isPending}
        error={remove.error ? errors.message(remove.error) : undefined}
        onConfirm={() => deleting && remove.mutate({ attributeId: deleting.id })}
        onClose={() => setDeleting(null)}
      />
    </section>
  );
}
