"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert, Button, Card, CardBody, CardFooter, CardHeader, CardTitle, Field, Input, useToast } from "@/components/ui";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";

/** Current + new password; the service signs the other devices out. */
export function ChangePasswordForm() {
  const t = useTranslations("account.password");
  const ta = useTranslations("auth");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const { message, field, translate } = useErrorMessages();
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation(trpc.identity.changePassword.mutationOptions());

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const newPassword = String(data.get("newPassword") ?? "");
    const different = newPassword !== String(data.get("confirmPassword") ?? "");
    setMismatch(different);
    if (different) return;
    change.mutate(
      { currentPassword: String(data.get("currentPassword") ?? ""), newPassword },
      {
        onSuccess: () => {
          form.reset();
          toast({ title: t("changed"), tone: "success" });
          void queryClient.invalidateQueries({ queryKey: trpc.identity.listSessions.queryKey() });
        },
      },
    );
  }

  const error = change.error;
  const currentError = error?.data?.messageKey === "auth.currentPasswordWrong" ? message(error) : field(error, "currentPassword");
  const newError = field(error, "newPassword");
  const general = error && !currentError && !newError ? message(error) : null;

  return (
    <Card>
      <form noValidate onSubmit={onSubmit} aria-labelledby="password-title">
        <CardHeader>
          <CardTitle id="password-title">{t("title")}</CardTitle>
        </CardHeader>
        <CardBody className="flex flex-col gap-5">
          {general ? <Alert tone="danger">{general}</Alert> : null}
          <Field id="currentPassword" label={t("current")} error={currentError}>
            {(c) => <Input {...c} type="password" name="currentPassword" autoComplete="current-password" maxLength={128} />}
          </Field>
          <div className="grid gap-5 sm:grid-cols-2">
            <Field id="newPassword" label={t("new")} hint={ta("passwordHint")} error={newError}>
              {(c) => <Input {...c} type="password" name="newPassword" autoComplete="new-password" maxLength={128} />}
            </Field>
            <Field id="confirmPassword" label={ta("confirmPassword")} error={mismatch ? translate("validation.passwordMismatch") : undefined}>
              {(c) => <Input {...c} type="password" name="confirmPassword" autoComplete="new-password" maxLength={128} />}
            </Field>
          </div>
        </CardBody>
        <CardFooter>
          <Button type="submit" loading={change.isPending}>
            {t("submit")}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
