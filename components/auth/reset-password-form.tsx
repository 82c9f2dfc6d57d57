"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert, Button, Field, Input } from "@/components/ui";
import { Link, useRouter } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";
import { textLinkClasses } from "./auth-card";

/** New password (twice) for the token from the reset mail; then back to sign-in. */
export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth");
  const trpc = useTRPC();
  const router = useRouter();
  const { message, field, translate } = useErrorMessages();
  const [mismatch, setMismatch] = useState(false);
  const reset = useMutation(
    trpc.identity.resetPassword.mutationOptions({
      onSuccess: () => router.push("/login?reset=1"),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const password = String(data.get("newPassword") ?? "");
    const different = password !== String(data.get("confirmPassword") ?? "");
    setMismatch(different);
    if (!different) reset.mutate({ token, password });
  }

  const error = reset.error;
  const passwordError = field(error, "password");
  const tokenError = field(error, "token") ?? (error?.data?.messageKey?.startsWith("auth.token") ? message(error) : undefined);
  const general = error && !passwordError ? (tokenError ?? message(error)) : null;

  return (
    <form noValidate onSubmit={onSubmit}>
      {general ? (
        <Alert
          tone="danger"
          className="mb-5"
          action={
            tokenError ? (
              <Link href="/forgot-password" className={textLinkClasses}>
                {t("reset.requestNew")}
              </Link>
            ) : undefined
          }
        >
          {general}
        </Alert>
      ) : null}
      <div className="flex flex-col gap-4">
        <Field id="newPassword" label={t("reset.newPassword")} hint={t("passwordHint")} error={passwordError}>
          {(c) => <Input {...c} type="password" name="newPassword" autoComplete="new-password" maxLength={128} />}
        </Field>
        <Field id="confirmPassword" label={t("confirmPassword")} error={mismatch ? translate("validation.passwordMismatch") : undefined}>
          {(c) => <Input {...c} type="password" name="confirmPassword" autoComplete="new-password" maxLength={128} />}
        </Field>
      </div>
      <p className="mt-4 text-sm text-neutral-600">{t("reset.signedOutEverywhere")}</p>
      <Button type="submit" className="mt-6 w-full" loading={reset.isPending || reset.isSuccess}>
        {t("reset.submit")}
      </Button>
    </form>
  );
}
