"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useId, useMemo, useState, type FormEvent } from "react";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { FormDialog } from "@/components/forms/form-dialog";
import { Badge, Button, Card, Checkbox, EmptyState, Field, Input, Select, useToast } from "@/components/ui";
import { useRouter } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";
// Pure zod + constants (no server code): the same country list and postal rules the server applies.
import { ADDRESS_COUNTRIES, POSTAL_RULES } from "@/server/modules/addresses/addresses.schema";

export interface AddressView {
  id: string;
  fullName: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  countryCode: string;
  phone: string;
  isDefault: boolean;
}

type Draft = Omit<AddressView, "id" | "isDefault"> & { makeDefault: boolean };

const blank = (country: string): Draft => ({ fullName: "", line1: "", line2: "", city: "", region: "", postalCode: "", countryCode: country, phone: "", makeDefault: false });
const FIELDS = ["fullName", "line1", "line2", "city", "region", "postalCode", "phone"] as const;
const LIMITS: Record<(typeof FIELDS)[number], number> = { fullName: 100, line1: 120, line2: 120, city: 80, region: 80, postalCode: 12, phone: 30 };

/** Country code → its name in the page's language. */
export function useCountryName() {
  const locale = useLocale();
  return useMemo(() => {
    const names = new Intl.DisplayNames([locale], { type: "region" });
    return (code: string) => names.of(code) ?? code;
  }, [locale]);
}

/**
 * Add (address null) or edit an address in a dialog; the page refreshes afterwards.
 * `onSaved` gets the saved address's id (checkout selects a new one).
 */
export function AddressDialog({ open, address, onClose, onSaved }: { open: boolean; address: AddressView | null; onClose: () => void; onSaved?: (id: string) => void }) {
  const t = useTranslations("addresses");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const countryName = useCountryName();
  const formId = useId();
  const [draft, setDraft] = useState<Draft>(() => (address ? { ...address, makeDefault: false } : blank("US")));
  // Each opening starts from the address as it is now (or a blank form).
  const [wasOpen, setWasOpen] = useState(open);
  const done = (saved: { id: string }) => {
    onSaved?.(saved.id);
    toast({ title: t("savedToast"), tone: "success" });
    router.refresh();
    onClose();
  };
  const create = useMutation(trpc.addresses.create.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.addresses.update.mutationOptions({ onSuccess: done }));
  const mutation = address ? update : create;
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setDraft(address ? { ...address, makeDefault: false } : blank("US"));
    }
  }
  const error = mutation.error;
  // Errors of an earlier opening are not shown again.
  const close = () => {
    create.reset();
    update.reset();
    onClose();
  };
  const fieldError = (name: string) => errors.field(error, name);
  const hasFieldErrors = [...FIELDS, "countryCode"].some((f) => fieldError(f));
  const countries = useMemo(() => {
    const list = [...ADDRESS_COUNTRIES].map((code) => ({ code, name: countryName(code) })).sort((a, b) => a.name.localeCompare(b.name));
    if (!list.some((c) => c.code === draft.countryCode)) list.unshift({ code: draft.countryCode as (typeof ADDRESS_COUNTRIES)[number], name: countryName(draft.countryCode) });
    return list;
  }, [countryName, draft.countryCode]);
  const rule = POSTAL_RULES[draft.countryCode];
  const postalHintKey = (rule ? draft.countryCode : "other") as "US";
  const noPostal = rule?.pattern === null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { makeDefault, ...fields } = draft;
    if (address) update.mutate({ id: address.id, ...fields });
    else create.mutate({ ...fields, makeDefault });
  }

  const text = (name: (typeof FIELDS)[number], options: { required?: boolean; autoComplete: string; hint?: string; type?: string; dir?: string }) => (
    <Field id={`${formId}-${name}`} label={t(name)} error={fieldError(name)} required={options.required} hint={options.hint}>
      {(c) => (
        <Input
          {...c}
          name={name}
          type={options.type ?? "text"}
          value={draft[name]}
          onChange={(e) => setDraft((d) => ({ ...d, [name]: e.target.value }))}
          maxLength={LIMITS[name]}
          autoComplete={options.autoComplete}
          dir={options.dir ?? "auto"}
        />
      )}
    </Field>
  );

  return (
    <FormDialog
      open={open}
      onClose={close}
      title={address ? t("editTitle") : t("addTitle")}
      size="lg"
      submitLabel={tc("save")}
      pending={mutation.isPending}
      error={error && !hasFieldErrors ? errors.message(error) : null}
      onSubmit={submit}
      columns={2}
    >
      {() => (
        <>
          <div className="sm:col-span-2">{text("fullName", { required: true, autoComplete: "name" })}</div>
          <Field id={`${formId}-country`} label={t("country")} error={fieldError("countryCode")} required className="sm:col-span-2">
            {(c) => (
              <Select {...c} name="countryCode" value={draft.countryCode} onChange={(e) => setDraft((d) => ({ ...d, countryCode: e.target.value }))} autoComplete="country">
                {countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <div className="sm:col-span-2">{text("line1", { required: true, autoComplete: "address-line1" })}</div>
          <div className="sm:col-span-2">{text("line2", { autoComplete: "address-line2" })}</div>
          {text("city", { required: true, autoComplete: "address-level2" })}
          {text("region", { autoComplete: "address-level1" })}
          {noPostal ? (
            <p className="text-sm text-neutral-600 sm:col-span-2">{t("postalHint.AE")}</p>
          ) : (
            text("postalCode", { required: Boolean(rule), autoComplete: "postal-code", hint: t(`postalHint.${postalHintKey}`), dir: "ltr" })
          )}
          {text("phone", { autoComplete: "tel", hint: t("phoneHint"), type: "tel", dir: "ltr" })}
          {!address ? (
            <div className="sm:col-span-2">
              <Checkbox
                id={`${formId}-default`}
                name="makeDefault"
                checked={draft.makeDefault}
                onChange={(e) => setDraft((d) => ({ ...d, makeDefault: e.target.checked }))}
                label={t("useAsDefault")}
              />
            </div>
          ) : null}
        </>
      )}
    </FormDialog>
  );
}

/** The account's address book: cards with edit / delete / make default, and a dialog to add or edit. */
export function AddressBook({ addresses }: { addresses: AddressView[] }) {
  const t = useTranslations("addresses");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const countryName = useCountryName();
  const [editing, setEditing] = useState<{ address: AddressView | null } | null>(null);
  const [deleting, setDeleting] = useState<AddressView | null>(null);
  const onError = (error: unknown) => toast({ title: errors.message(error), tone: "danger" });
  const setDefault = useMutation(trpc.addresses.setDefault.mutationOptions({ onSuccess: () => { toast({ title: t("defaultToast"), tone: "success" }); router.refresh(); }, onError }));
  const remove = useMutation(
    trpc.addresses.delete.mutationOptions({
      onSuccess: () => {
        setDeleting(null);
        toast({ title: t("deletedToast"), tone: "success" });
        router.refresh();
      },
    }),
  );
  const open = (address: AddressView | null) => setEditing({ address });

  return (
    <div className="flex flex-col gap-4">
      <div className="flex justify-end">
        <Button onClick={() => open(null)}>{t("add")}</Button>
      </div>
      {addresses.length === 0 ? (
        <Card>
          <EmptyState title={t("emptyTitle")} description={t("emptyBody")} headingLevel="h3" />
        </Card>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2" data-testid="address-list">
          {addresses.map((a) => (
            <li key={a.id}>
              <Card className="flex h-full flex-col gap-3 p-4">
                <div className="flex items-start justify-between gap-2">
                  <p className="font-semibold"><bdi>{a.fullName}</bdi></p>
                  {a.isDefault ? <Badge tone="brand">{t("default")}</Badge> : null}
                </div>
                <address className="text-sm leading-6 text-neutral-700 not-italic">
                  <bdi>{a.line1}</bdi>
                  {a.line2 ? <><br /><bdi>{a.line2}</bdi></> : null}
                  <br />
                  <bdi>{[a.city, a.region].filter(Boolean).join(", ")}</bdi>
                  {a.postalCode ? <> <span dir="ltr">{a.postalCode}</span></> : null}
                  <br />
                  {countryName(a.countryCode)}
                  {a.phone ? <><br /><span dir="ltr">{a.phone}</span></> : null}
                </address>
                <div className="mt-auto flex flex-wrap gap-2">
                  <Button size="sm" variant="secondary" onClick={() => open(a)} aria-label={t("editNamed", { name: a.fullName })}>
                    {t("edit")}
                  </Button>
                  {!a.isDefault ? (
                    <Button size="sm" variant="ghost" onClick={() => setDefault.mutate({ id: a.id })} loading={setDefault.isPending && setDefault.variables?.id === a.id} aria-label={t("makeDefaultNamed", { name: a.fullName })}>
                      {t("makeDefault")}
                    </Button>
                  ) : null}
                  <Button size="sm" variant="ghost" className="text-danger-700" onClick={() => { remove.reset(); setDeleting(a); }} aria-label={t("deleteNamed", { name: a.fullName })}>
                    {t("delete")}
                  </Button>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <AddressDialog open={editing !== null} address={editing?.address ?? null} onClose={() => setEditing(null)} />
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t("deleteTitle")}
        description={t("deleteBody")}
        confirmLabel={t("delete")}
        pending={remove.isPending}
        error={remove.error ? errors.message(remove.error) : undefined}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
      />
    </div>
  );
}
