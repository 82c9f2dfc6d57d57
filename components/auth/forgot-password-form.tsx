"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { Alert, Button, Field, Input } from "@/components/ui";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";

/** Asks for a reset link; the answer is the same whether or not the account exists. */
export function ForgotPasswordForm() {
  const t = useTranslations("auth");
  const locale = useLocale();
  const trpc = useTRPC();
  const { message, field } = useErrorMessages();
  const request = useMutation(trpc.identity.requestPasswordReset.mutationOptions());

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    request.mutate({ email: String(new FormData(event.currentTarget).get("email") ?? ""), locale });
  }

  if (request.isSuccess) {
    return <Alert tone="success">{t("forgot.sent", { email: request.variables.email.trim() })}</Alert>;
  }

  const emailError = field(request.error, "email");
  return (
    <form noValidate onSubmit={onSubmit}>
      {request.isError && !emailError ? (
        <Alert tone="danger" className="mb-5">
          {message(request.error)}
        </Alert>
      ) : null}
      <Field id="email" label={t("email")} error={emailError}>
        {(c) => <Input {...c} type="email" name="email" autoComplete="email" maxLength={254} />}
      </Field>
      <Button type="submit" className="mt-6 w-full" loading={request.isPending}>
        {t("forgot.submit")}
      </Button>
    </form>
  );
}
