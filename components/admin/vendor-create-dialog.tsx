"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { FormDialog } from "@/components/forms/form-dialog";
import { Button, Field, Input } from "@/components/ui";
import { useRouter } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { messageKeyOf, useErrorMessages } from "@/lib/trpc/errors";

/** "New vendor": name + the owner's email (an existing account); opens the new vendor's page. */
export function VendorCreateButton() {
  const t = useTranslations("adminVendors");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const router = useRouter();
  const errors = useErrorMessages();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [ownerEmail, setOwnerEmail] = useState("");
  const create = useMutation(
    trpc.vendors.createVendor.mutationOptions({
      onSuccess: (vendor) => {
        setOpen(false);
        router.push(`/admin/vendors/${vendor.id}`);
      },
    }),
  );
  const key = messageKeyOf(create.error);
  const nameError = errors.field(create.error, "name") ?? (key === "vendors.slugTaken" ? errors.message(create.error) : undefined);
  const ownerError = errors.field(create.error, "ownerEmail") ?? (key === "vendors.ownerNotFound" ? errors.message(create.error) : undefined);
  const generalError = create.error && !nameError && !ownerError ? errors.message(create.error) : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ name, ownerEmail: ownerEmail.trim() });
  }

  return (
    <>
      <Button
        onClick={() => {
          create.reset();
          setName("");
          setOwnerEmail("");
          setOpen(true);
        }}
      >
        {t("newVendor")}
      </Button>
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("createTitle")}
        description={t("createBody")}
        submitLabel={tc("create")}
        pending={create.isPending}
        error={generalError}
        onSubmit={submit}
        data-testid="create-vendor-form"
      >
        {(formId) => (
          <>
            <Field id={`${formId}-name`} label={t("name")} error={nameError} required>
              {(c) => <Input {...c} name="name" value={name} onChange={(e) => setName(e.target.value)} maxLength={80} autoComplete="off" dir="auto" required autoFocus />}
            </Field>
            <Field id={`${formId}-owner`} label={t("ownerEmail")} hint={t("ownerEmailHint")} error={ownerError} required>
              {(c) => <Input {...c} type="email" name="ownerEmail" value={ownerEmail} onChange={(e) => setOwnerEmail(e.target.value)} maxLength={254} autoComplete="off" dir="ltr" required />}
            </Field>
          </>
        )}
      </FormDialog>
    </>
  );
}
