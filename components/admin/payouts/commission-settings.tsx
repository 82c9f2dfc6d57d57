"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert, Button, Card, Field, Input, Select, Table, TBody, TD, TH, THead, TR, useToast } from "@/components/ui";
import { bpsToPercent, percentToBps } from "@/lib/commission";
import { useRouter } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";

export interface CommissionRow {
  scope: "vendor" | "category";
  id: string;
  label: string;
  rateBps: number;
}

/** The default rate and the shop / category overrides (category beats shop beats default). */
export function CommissionSettings({ defaultBps, rows, vendors, categories }: {
  defaultBps: number;
  rows: CommissionRow[];
  vendors: { id: string; name: string }[];
  categories: { id: string; label: string }[];
}) {
  const t = useTranslations("adminPayments");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const [rate, setRate] = useState(bpsToPercent(defaultBps));
  const [scope, setScope] = useState<"vendor" | "category">("category");
  const [target, setTarget] = useState("");
  const [overrideRate, setOverrideRate] = useState("");
  const [invalid, setInvalid] = useState<"default" | "override" | null>(null);
  const set = useMutation(
    trpc.ledger.setCommissionRule.mutationOptions({
      onSuccess: () => {
        toast({ title: t("saved"), tone: "success" });
        setOverrideRate("");
        router.refresh();
      },
    }),
  );

  const saveDefault = (event: FormEvent) => {
    event.preventDefault();
    const bps = percentToBps(rate);
    setInvalid(bps === null ? "default" : null);
    if (bps !== null) set.mutate({ scope: "default", rateBps: bps });
  };
  const addOverride = (event: FormEvent) => {
    event.preventDefault();
    const bps = percentToBps(overrideRate);
    setInvalid(bps === null || !target ? "override" : null);
    if (bps === null || !target) return;
    set.mutate(scope === "vendor" ? { scope, vendorId: target, rateBps: bps } : { scope, categoryId: target, rateBps: bps });
  };
  const choices = scope === "vendor" ? vendors.map((v) => ({ id: v.id, label: v.name })) : categories;

  return (
    <div className="flex flex-col gap-6">
      {set.error ? <Alert tone="danger">{errors.message(set.error)}</Alert> : null}
      <Card className="p-5">
        <form onSubmit={saveDefault} className="flex flex-wrap items-end gap-3">
          <Field id="commission-default" label={t("defaultRate")} hint={t("rateHint")} error={invalid === "default" ? t("rateInvalid") : null}>
            {(c) => <Input {...c} inputMode="decimal" value={rate} onChange={(e) => setRate(e.target.value)} className="w-32" />}
          </Field>
          <Button type="submit" loading={set.isPending && set.variables?.scope === "default"}>{t("save")}</Button>
        </form>
      </Card>

      <Card className="p-5">
        <h2 className="mb-1 text-lg font-semibold">{t("overridesTitle")}</h2>
        <p className="mb-4 text-sm text-neutral-700">{t("precedence")}</p>
        <form onSubmit={addOverride} className="mb-4 flex flex-wrap items-end gap-3">
          <Field id="commission-scope" label={t("scope")}>
            {(c) => (
              <Select {...c} value={scope} onChange={(e) => { setScope(e.target.value as "vendor" | "category"); setTarget(""); }}>
                <option value="category">{t("scopeCategory")}</option>
                <option value="vendor">{t("scopeVendor")}</option>
              </Select>
            )}
          </Field>
          <Field id="commission-target" label={scope === "vendor" ? t("scopeVendor") : t("scopeCategory")} error={invalid === "override" && !target ? t("targetRequired") : null}>
            {(c) => (
              <Select {...c} value={target} onChange={(e) => setTarget(e.target.value)} className="max-w-xs">
                <option value="">{t("choose")}</option>
                {choices.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
              </Select>
            )}
          </Field>
          <Field id="commission-override-rate" label={t("rate")} error={invalid === "override" && target ? t("rateInvalid") : null}>
            {(c) => <Input {...c} inputMode="decimal" value={overrideRate} onChange={(e) => setOverrideRate(e.target.value)} className="w-28" />}
          </Field>
          <Button type="submit" variant="secondary" loading={set.isPending && set.variables?.scope !== "default"}>{t("addOverride")}</Button>
        </form>
        {rows.length === 0 ? (
          <p className="text-sm text-neutral-700">{t("noOverrides")}</p>
        ) : (
          <Table caption={t("overridesTitle")}>
            <THead>
              <TR>
                <TH>{t("scope")}</TH>
                <TH>{t("appliesTo")}</TH>
                <TH>{t("rate")}</TH>
                <TH><span className="sr-only">{t("actions")}</span></TH>
              </TR>
            </THead>
            <TBody>
              {rows.map((r) => (
                <TR key={`${r.scope}:${r.id}`}>
                  <TD>{r.scope === "vendor" ? t("scopeVendor") : t("scopeCategory")}</TD>
                  <TD>{r.label}</TD>
                  <TD className="tabular-nums">{t("percent", { value: bpsToPercent(r.rateBps) })}</TD>
                  <TD>
                    <Button size="sm" variant="secondary" aria-label={t("removeFor", { name: r.label })}
                      onClick={() => set.mutate(r.scope === "vendor" ? { scope: "vendor", vendorId: r.id, rateBps: null } : { scope: "category", categoryId: r.id, rateBps: null })}>
                      {t("remove")}
                    </Button>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </div>
  );
}
