"use client";
// The synonyms section of /admin/search: the groups, a dialog to add or edit one (words typed
// comma-separated), and a confirmation before deleting.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { EditDeleteButtons } from "@/components/forms/row-actions";
import { FormDialog } from "@/components/forms/form-dialog";
import { Badge, Button, Card, Field, Input, Select, Table, TBody, TD, TH, THead, TR, useToast } from "@/components/ui";
import { useRouter } from "@/lib/i18n/navigation";
import { localeNames, locales, type Locale } from "@/lib/i18n/routing";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";

export interface SynonymGroupView {
  id: string;
  locale: string | null;
  terms: string[];
}

/** "tee, T-shirt ،  camiseta" → ["tee", "T-shirt", "camiseta"] (Latin, Arabic and CJK commas). */
export function splitTerms(value: string): string[] {
  return value.split(/[,،，、]/).map((term) => term.trim()).filter(Boolean);
}

/** The first field error under `terms` (the list or one of its words). */
function termsError(error: unknown): string | undefined {
  const fields = (error as { data?: { fieldErrors?: Record<string, string> } } | null)?.data?.fieldErrors ?? {};
  return Object.entries(fields).find(([path]) => path === "terms" || path.startsWith("terms."))?.[1];
}

function GroupDialog({ open, group, onClose }: { open: boolean; group: SynonymGroupView | null; onClose: () => void }) {
  const t = useTranslations("adminSearch");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const inputRef = useRef<HTMLInputElement>(null);
  const [terms, setTerms] = useState(group?.terms.join(", ") ?? "");
  const [locale, setLocale] = useState(group?.locale ?? "");

  const done = (message: string, synced: boolean) => {
    toast({ title: message, description: synced ? undefined : t("notSynced"), tone: synced ? "success" : "warning" });
    router.refresh();
    onClose();
  };
  const create = useMutation(trpc.searchAdmin.createSynonym.mutationOptions({ onSuccess: (r) => done(t("created"), r.synced) }));
  const update = useMutation(trpc.searchAdmin.updateSynonym.mutationOptions({ onSuccess: (r) => done(t("updated"), r.synced) }));
  const mutation = group ? update : create;
  const fieldKey = termsError(mutation.error);
  const fieldMessage = fieldKey ? errors.translate(fieldKey) : undefined;
  const generalError = mutation.error && !fieldMessage ? errors.message(mutation.error) : undefined;

  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { terms: splitTerms(terms), locale: (locales as readonly string[]).includes(locale) ? (locale as Locale) : null };
    if (group) update.mutate({ id: group.id, ...input });
    else create.mutate(input);
  }

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={group ? t("editGroup") : t("newGroup")}
      submitLabel={group ? tc("save") : tc("create")}
      pending={mutation.isPending}
      error={generalError}
      onSubmit={submit}
      data-testid="synonym-dialog"
    >
      {(formId) => (
        <>
          <Field id={`${formId}-terms`} label={t("terms")} hint={t("termsHint")} error={fieldMessage} required>
            {(c) => <Input {...c} name="terms" value={terms} onChange={(e) => setTerms(e.target.value)} maxLength={1300} autoComplete="off" dir="auto" ref={inputRef} />}
          </Field>
          <Field id={`${formId}-locale`} label={t("language")}>
            {(c) => (
              <Select {...c} name="locale" value={locale} onChange={(e) => setLocale(e.target.value)}>
                <option value="">{t("allLanguages")}</option>
                {locales.map((l) => (
                  <option key={l} value={l} lang={l}>{localeNames[l]}</option>
                ))}
              </Select>
            )}
          </Field>
        </>
      )}
    </FormDialog>
  );
}

export function SynonymManager({ groups }: { groups: SynonymGroupView[] }) {
  const t = useTranslations("adminSearch");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  // `editing`: undefined = closed, null = a new group, else the group being edited.
  const [editing, setEditing] = useState<SynonymGroupView | null | undefined>(undefined);
  const [dialogKey, setDialogKey] = useState(0);
  const [deleting, setDeleting] = useState<SynonymGroupView | null>(null);
  const remove = useMutation(trpc.searchAdmin.deleteSynonym.mutationOptions({
    onSuccess: (r) => {
      toast({ title: t("deleted"), description: r.synced ? undefined : t("notSynced"), tone: r.synced ? "success" : "warning" });
      setDeleting(null);
      router.refresh();
    },
  }));
  const open = (group: SynonymGroupView | null) => {
    setDialogKey((k) => k + 1);
    setEditing(group);
  };
  const words = (g: SynonymGroupView) => g.terms.join(", ");
  const language = (g: SynonymGroupView) => (g.locale ? <span lang={g.locale}>{localeNames[g.locale as Locale] ?? g.locale}</span> : t("allLanguages"));

  return (
    <section aria-labelledby="synonyms-heading">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="synonyms-heading" className="text-lg font-semibold">{t("synonymsTitle")}</h2>
          <p className="text-sm text-neutral-600">{t("synonymsIntro")}</p>
        </div>
        <Button onClick={() => open(null)}>{t("addGroup")}</Button>
      </div>
      {groups.length === 0 ? (
        <Card className="p-6 text-center text-neutral-600">{t("noGroups")}</Card>
      ) : (
        <Table caption={t("synonymsTitle")} data-testid="synonym-groups">
          <THead>
            <TR>
              <TH>{t("words")}</TH>
              <TH className="hidden sm:table-cell">{t("scope")}</TH>
              <TH className="text-end!">{t("actions")}</TH>
            </TR>
          </THead>
          <TBody>
            {groups.map((g) => (
              <TR key={g.id} data-testid="synonym-group">
                <TD className="min-w-36">
                  <ul className="flex flex-wrap gap-1" aria-label={t("words")}>
                    {g.terms.map((term) => (
                      <li key={term}><Badge dir="auto">{term}</Badge></li>
                    ))}
                  </ul>
                  {/* On small screens the language goes under the words instead of its own column. */}
                  <p className="mt-1 text-xs text-neutral-600 sm:hidden">{language(g)}</p>
                </TD>
                <TD className="hidden text-sm whitespace-nowrap sm:table-cell">{language(g)}</TD>
                <TD>
                  <EditDeleteButtons
                    onEdit={() => open(g)} editText={t("edit")} editLabel={t("editLabel", { terms: words(g) })}
                    onDelete={() => { remove.reset(); setDeleting(g); }} deleteText={t("delete")} deleteLabel={t("deleteLabel", { terms: words(g) })}
                  />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <GroupDialog key={dialogKey} open={editing !== undefined} group={editing ?? null} onClose={() => setEditing(undefined)} />
      <ConfirmDialog
        open={deleting !== null}
        title={t("confirmDelete")}
        description={deleting ? t("confirmDeleteBody", { terms: words(deleting) }) : undefined}
        confirmLabel={t("delete")}
        pending={remove.isPending}
        error={remove.error ? errors.message(remove.error) : undefined}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        onClose={() => setDeleting(null)}
      />
    </section>
  );
}
