"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { Alert, Button, Field, Input, Textarea, useToast } from "@/components/ui";
import { useRouter } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";
import type { VendorProfileView } from "./vendor-types";

/**
 * The shop profile form: name, description, support email and phone, return and shipping
 * policies. `scope="admin"` saves through updateVendor, `scope="seller"` through updateShopProfile.
 * Labels come from `adminVendors` or `sellerShop` (they share key names).
 */
export function VendorProfileForm({ scope, vendor, readOnly = false }: { scope: "admin" | "seller"; vendor: VendorProfileView; readOnly?: boolean }) {
  const t = useTranslations(scope === "admin" ? "adminVendors" : "sellerShop");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const id = useId();
  const [form, setForm] = useState({
    name: vendor.name,
    description: vendor.description,
    supportEmail: vendor.supportEmail ?? "",
    supportPhone: vendor.supportPhone ?? "",
    returnPolicy: vendor.returnPolicy,
    shippingPolicy: vendor.shippingPolicy,
  });
  const saved = () => {
    toast({ title: scope === "admin" ? t("profileSaved") : t("saved"), tone: "success" });
    router.refresh();
  };
  const adminSave = useMutation(trpc.vendors.updateVendor.mutationOptions({ onSuccess: saved }));
  const sellerSave = useMutation(trpc.vendors.updateShopProfile.mutationOptions({ onSuccess: saved }));
  const save = scope === "admin" ? adminSave : sellerSave;
  const fieldError = (name: string) => errors.field(save.error, name);
  const fieldNames = ["name", "description", "supportEmail", "supportPhone", "returnPolicy", "shippingPolicy"];
  const generalError = save.error && !fieldNames.some((n) => fieldError(n)) ? errors.message(save.error) : undefined;

  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate({
      vendorId: vendor.id,
      name: form.name,
      description: form.description,
      supportEmail: form.supportEmail.trim() === "" ? null : form.supportEmail.trim(),
      supportPhone: form.supportPhone,
      returnPolicy: form.returnPolicy,
      shippingPolicy: form.shippingPolicy,
    });
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4" data-testid="vendor-profile-form">
      {generalError ? <Alert tone="danger">{generalError}</Alert> : null}
      <fieldset disabled={readOnly} className="flex flex-col gap-4">
        <Field id={`${id}-name`} label={t("name")} error={fieldError("name")} hint={t("address", { slug: vendor.slug })} required>
          {(c) => <Input {...c} name="name" value={form.name} onChange={set("name")} maxLength={80} autoComplete="off" dir="auto" required />}
        </Field>
        <Field id={`${id}-description`} label={t("descriptionLabel")} error={fieldError("description")}>
          {(c) => <Textarea {...c} name="description" rows={3} value={form.description} onChange={set("description")} maxLength={2000} dir="auto" />}
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={`${id}-email`} label={t("supportEmail")} error={fieldError("supportEmail")}>
            {(c) => <Input {...c} type="email" name="supportEmail" value={form.supportEmail} onChange={set("supportEmail")} maxLength={254} autoComplete="off" dir="ltr" />}
          </Field>
          <Field
            id={`${id}-phone`}
            label={t("supportPhone")}
            error={fieldError("supportPhone")}
            hint={scope === "seller" ? t("supportPhoneHint") : undefined}
          >
            {(c) => <Input {...c} type="tel" name="supportPhone" value={form.supportPhone} onChange={set("supportPhone")} maxLength={40} autoComplete="off" dir="ltr" />}
          </Field>
        </div>
        <Field id={`${id}-returns`} label={t("returnPolicy")} error={fieldError("returnPolicy")} hint={scope === "seller" ? t("policyHint") : undefined}>
          {(c) => <Textarea {...c} name="returnPolicy" rows={4} value={form.returnPolicy} onChange={set("returnPolicy")} maxLength={5000} dir="auto" />}
        </Field>
        <Field id={`${id}-shipping`} label={t("shippingPolicy")} error={fieldError("shippingPolicy")} hint={scope === "seller" ? t("policyHint") : undefined}>
          {(c) => <Textarea {...c} name="shippingPolicy" rows={4} value={form.shippingPolicy} onChange={set("shippingPolicy")} maxLength={5000} dir="auto" />}
        </Field>
      </fieldset>
      {readOnly ? null : (
        <div>
          <Button type="submit" loading={save.isPending}>
            {scope === "admin" ? t("saveProfile") : t("save")}
          </Button>
        </div>
      )}
    </form>
  );
}
