"use client";
// Seller center: a shop's flat shipping methods (table + add/edit dialog + delete confirmation).

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { EditDeleteButtons } from "@/components/forms/row-actions";
import { FormDialog } from "@/components/forms/form-dialog";
import { Badge, Button, Card, Checkbox, EmptyState, Field, Input, Select, Table, TBody, TD, TH, THead, TR, useToast } from "@/components/ui";
import { useRouter } from "@/lib/i18n/navigation";
import { currencyDigits, formatMoney, parseMoney } from "@/lib/money";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";
// Pure zod + constants (no server code).
import { SHIPPING_CURRENCIES } from "@/server/modules/shipping/shipping.schema";

export interface ShippingRuleView {
  id: string;
  name: string;
  price: number;
  currency: string;
  freeOver: number | null;
  minDays: number;
  maxDays: number;
  active: boolean;
  position: number;
}

type Currency = (typeof SHIPPING_CURRENCIES)[number];

interface Draft {
  name: string;
  price: string;
  currency: Currency;
  freeOver: string;
  minDays: string;
  maxDays: string;
  active: boolean;
  position: string;
}

/** Minor units as the decimal a seller types ("4.99"). */
const decimal = (minor: number, currency: string) => {
  const digits = currencyDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
};

const draftOf = (rule: ShippingRuleView | null, currency: Currency): Draft =>
  rule
    ? {
        name: rule.name, price: decimal(rule.price, rule.currency), currency: rule.currency as Currency,
        freeOver: rule.freeOver === null ? "" : decimal(rule.freeOver, rule.currency),
        minDays: String(rule.minDays), maxDays: String(rule.maxDays), active: rule.active, position: String(rule.position),
      }
    : { name: "", price: "", currency, freeOver: "", minDays: "3", maxDays: "7", active: true, position: "" };

function RuleDialog({ vendorId, open, rule, defaultCurrency, onClose }: { vendorId: string; open: boolean; rule: ShippingRuleView | null; defaultCurrency: Currency; onClose: () => void }) {
  const t = useTranslations("sellerShipping");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const formId = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(rule, defaultCurrency));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setDraft(draftOf(rule, defaultCurrency));
      setLocalErrors({});
    }
  }
  const done = (message: string) => {
    toast({ title: message, tone: "success" });
    router.refresh();
    onClose();
  };
  const create = useMutation(trpc.shipping.createRule.mutationOptions({ onSuccess: () => done(t("createdToast")) }));
  const update = useMutation(trpc.shipping.updateRule.mutationOptions({ onSuccess: () => done(t("updatedToast")) }));
  const mutation = rule ? update : create;
  const close = () => {
    create.reset();
    update.reset();
    onClose();
  };
  const fieldError = (name: string) => localErrors[name] ?? errors.field(mutation.error, name);
  const names = ["name", "price", "currency", "freeOver", "minDays", "maxDays", "position"];
  const general = mutation.error && !names.some((n) => errors.field(mutation.error, n)) ? errors.message(mutation.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const price = parseMoney(draft.price, draft.currency);
    if (price === null) found.price = t("amountFormat");
    const freeOver = draft.freeOver.trim() === "" ? null : parseMoney(draft.freeOver, draft.currency);
    if (draft.freeOver.trim() !== "" && (freeOver === null || freeOver < 1)) found.freeOver = t("amountFormat");
    const int = (v: string) => (/^\d{1,4}$/.test(v.trim()) ? Number(v.trim()) : Number.NaN);
    setLocalErrors(found);
    if (Object.keys(found).length > 0) return;
    const input = {
      vendorId, name: draft.name, price: price!, currency: draft.currency, freeOver, minDays: int(draft.minDays), maxDays: int(draft.maxDays),
      active: draft.active, ...(draft.position.trim() !== "" ? { position: int(draft.position) } : {}),
    };
    if (rule) update.mutate({ ...input, id: rule.id });
    else create.mutate(input);
  }

  const set = (key: keyof Draft) => (value: string | boolean) => setDraft((d) => ({ ...d, [key]: value }));

  return (
    <FormDialog
      open={open}
      onClose={close}
      title={rule ? t("editTitle") : t("addTitle")}
      size="lg"
      submitLabel={tc("save")}
      pending={mutation.isPending}
      error={general}
      onSubmit={submit}
      columns={2}
    >
      {() => (
        <>
          <Field id={`${formId}-name`} label={t("name")} hint={t("nameHint")} error={fieldError("name")} required className="sm:col-span-2">
            {(c) => <Input {...c} name="name" value={draft.name} onChange={(e) => set("name")(e.target.value)} maxLength={60} dir="auto" autoComplete="off" />}
          </Field>
          <Field id={`${formId}-price`} label={t("price")} error={fieldError("price")} required>
            {(c) => <Input {...c} name="price" inputMode="decimal" dir="ltr" value={draft.price} onChange={(e) => set("price")(e.target.value)} maxLength={14} autoComplete="off" />}
          </Field>
          <Field id={`${formId}-currency`} label={t("currency")} error={fieldError("currency")} required>
            {(c) => (
              <Select {...c} name="currency" value={draft.currency} onChange={(e) => set("currency")(e.target.value)}>
                {SHIPPING_CURRENCIES.map((code) => (
                  <option key={code} value={code}>
                    {code}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field id={`${formId}-freeOver`} label={t("freeOver")} hint={t("freeOverHint")} error={fieldError("freeOver")} className="sm:col-span-2">
            {(c) => <Input {...c} name="freeOver" inputMode="decimal" dir="ltr" value={draft.freeOver} onChange={(e) => set("freeOver")(e.target.value)} maxLength={14} autoComplete="off" />}
          </Field>
          <Field id={`${formId}-minDays`} label={t("minDays")} error={fieldError("minDays")} required>
            {(c) => <Input {...c} name="minDays" type="number" min={0} max={180} dir="ltr" value={draft.minDays} onChange={(e) => set("minDays")(e.target.value)} />}
          </Field>
          <Field id={`${formId}-maxDays`} label={t("maxDays")} error={fieldError("maxDays")} required>
            {(c) => <Input {...c} name="maxDays" type="number" min={0} max={180} dir="ltr" value={draft.maxDays} onChange={(e) => set("maxDays")(e.target.value)} />}
          </Field>
          <Field id={`${formId}-position`} label={t("position")} hint={t("positionHint")} error={fieldError("position")}>
            {(c) => <Input {...c} name="position" type="number" min={0} max={1000} dir="ltr" value={draft.position} onChange={(e) => set("position")(e.target.value)} />}
          </Field>
          <div className="flex items-center sm:pt-7">
            <Checkbox id={`${formId}-active`} name="active" checked={draft.active} onChange={(e) => set("active")(e.target.checked)} label={t("active")} />
          </div>
        </>
      )}
    </FormDialog>
  );
}

/** The shop's shipping methods with add / edit / delete. */
export function ShippingRulesManager({ vendorId, rules }: { vendorId: string; rules: ShippingRuleView[] }) {
  const t = useTranslations("sellerShipping");
  const tc = useTranslations("common");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const [editing, setEditing] = useState<{ rule: ShippingRuleView | null } | null>(null);
  const [deleting, setDeleting] = useState<ShippingRuleView | null>(null);
  const remove = useMutation(
    trpc.shipping.deleteRule.mutationOptions({
      onSuccess: () => {
        setDeleting(null);
        toast({ title: t("deletedToast"), tone: "success" });
        router.refresh();
      },
    }),
  );
  const defaultCurrency = (rules[0]?.currency ?? "USD") as Currency;
  const days = (r: ShippingRuleView) => (r.minDays === r.maxDays ? t("sameDays", { days: r.minDays }) : t("days", { min: r.minDays, max: r.maxDays }));

  return (
    <div className="flex flex-col gap-4">
      <div className="flex justify-end">
        <Button onClick={() => setEditing({ rule: null })}>{t("add")}</Button>
      </div>
      {rules.length === 0 ? (
        <Card>
          <EmptyState title={t("emptyTitle")} description={t("emptyBody")} />
        </Card>
      ) : (
        <Table caption={t("title")} data-testid="shipping-rules">
          <THead>
            <TR>
              <TH>{t("name")}</TH>
              <TH>{t("price")}</TH>
              <TH>{t("freeOver")}</TH>
              <TH>{t("delivery")}</TH>
              <TH>{t("status")}</TH>
              <TH>
                <span className="sr-only">{tc("actions")}</span>
              </TH>
            </TR>
          </THead>
          <TBody>
            {rules.map((r) => (
              <TR key={r.id}>
                <TD className="font-medium"><bdi>{r.name}</bdi></TD>
                <TD className="tabular-nums">{formatMoney(r.price, r.currency, locale)}</TD>
                <TD className="tabular-nums">{r.freeOver === null ? t("neverFree") : t("freeOverValue", { amount: formatMoney(r.freeOver, r.currency, locale) })}</TD>
                <TD>{days(r)}</TD>
                <TD>
                  <Badge tone={r.active ? "success" : "neutral"}>{r.active ? t("activeBadge") : t("inactiveBadge")}</Badge>
                </TD>
                <TD>
                  <EditDeleteButtons
                    onEdit={() => setEditing({ rule: r })} editText={t("edit")} editLabel={t("editNamed", { name: r.name })}
                    onDelete={() => { remove.reset(); setDeleting(r); }} deleteText={t("delete")} deleteLabel={t("deleteNamed", { name: r.name })}
                  />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <RuleDialog vendorId={vendorId} open={editing !== null} rule={editing?.rule ?? null} defaultCurrency={defaultCurrency} onClose={() => setEditing(null)} />
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t("deleteTitle", { name: deleting?.name ?? "" })}
        description={t("deleteBody")}
        confirmLabel={t("delete")}
        pending={remove.isPending}
        error={remove.error ? errors.message(remove.error) : undefined}
        onConfirm={() => deleting && remove.mutate({ vendorId, id: deleting.id })}
      />
    </div>
  );
}
