"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { FormDialog } from "@/components/forms/form-dialog";
import { Field, Input, useToast } from "@/components/ui";
import { useRouter } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { messageKeyOf, useErrorMessages } from "@/lib/trpc/errors";
import { NamesFields, namesValue, type NamesValue } from "./names-fields";

export type CategoryFormTarget =
  | { mode: "create"; parentId: string | null; parentName: string | null }
  | { mode: "edit"; id: string; slug: string; names: Record<string, string> };

/** Creates a category (root or child) or edits one's names and slug. Keep mounted; toggle `open`. */
export function CategoryFormDialog({ open, target, onClose }: { open: boolean; target: CategoryFormTarget | null; onClose: () => void }) {
  const t = useTranslations("adminCatalog");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const firstRef = useRef<HTMLInputElement>(null);
  const [names, setNames] = useState<NamesValue>(namesValue());
  const [slug, setSlug] = useState("");
  const [wasOpen, setWasOpen] = useState(false);

  const done = (message: string) => {
    toast({ title: message, tone: "success" });
    router.refresh();
    onClose();
  };
  const create = useMutation(trpc.catalog.createCategory.mutationOptions({ onSuccess: () => done(t("categoryCreated")) }));
  const update = useMutation(trpc.catalog.updateCategory.mutationOptions({ onSuccess: () => done(t("categorySaved")) }));
  const mutation = target?.mode === "edit" ? update : create;

  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setNames(namesValue(target?.mode === "edit" ? target.names : null));
      setSlug(target?.mode === "edit" ? target.slug : "");
      create.reset();
      update.reset();
    }
  }
  useEffect(() => {
    if (open) firstRef.current?.focus();
  }, [open]);

  const error = mutation.error;
  const nameError = (locale: string) => errors.field(error, `names.${locale}`);
  const slugError = errors.field(error, "slug") ?? (messageKeyOf(error) === "catalog.slugTaken" ? errors.message(error) : undefined);
  const fieldKeys = Object.keys((error as { data?: { fieldErrors?: object } } | null)?.data?.fieldErrors ?? {});
  const shown = fieldKeys.some((k) => k.startsWith("names.") || k === "slug") || messageKeyOf(error) === "catalog.slugTaken";
  const generalError = error && !shown ? errors.message(error) : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!target) return;
    if (target.mode === "edit") update.mutate({ categoryId: target.id, names, slug: slug.trim() || undefined });
    else create.mutate({ parentId: target.parentId, names, slug: slug.trim() || undefined });
  }

  const title = target?.mode === "edit" ? t("editCategory") : target?.parentName ? t("addChildTo", { name: target.parentName }) : t("addRoot");
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={title}
      size="md"
      submitLabel={target?.mode === "edit" ? tc("save") : tc("create")}
      pending={mutation.isPending}
      error={generalError}
      onSubmit={submit}
    >
      {(formId) => (
        <>
          <NamesFields idPrefix={`${formId}-name`} legend={t("names")} value={names} onChange={setNames} error={nameError} autoFocusRef={firstRef} />
          <Field id={`${formId}-slug`} label={t("slug")} hint={t("slugHint")} error={slugError}>
            {(c) => <Input {...c} name="slug" dir="ltr" value={slug} maxLength={60} autoComplete="off" onChange={(e) => setSlug(e.target.value)} />}
          </Field>
        </>
      )}
    </FormDialog>
  );
}
