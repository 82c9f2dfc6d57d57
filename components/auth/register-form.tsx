"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Alert, Button, Field, Input } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";
import { textLinkClasses } from "./auth-card";
import { ResendVerification } from "./resend-verification";

const FIELDS = ["name", "email", "password"] as const;

/** Name, email, password twice; on success the form gives way to a "check your inbox" panel. */
export function RegisterForm({ devMailbox }: { devMailbox: boolean }) {
  const t = useTranslations("auth");
  const locale = useLocale();
  const trpc = useTRPC();
  const { message, field, translate } = useErrorMessages();
  const [mismatch, setMismatch] = useState(false);
  const register = useMutation(trpc.identity.register.mutationOptions());
  const doneRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (register.isSuccess) doneRef.current?.focus();
  }, [register.isSuccess]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const password = String(data.get("password") ?? "");
    const different = password !== String(data.get("confirmPassword") ?? "");
    setMismatch(different);
    if (different) return;
    register.mutate({ name: String(data.get("name") ?? ""), email: String(data.get("email") ?? ""), password, locale });
  }

  if (register.isSuccess) {
    const email = register.variables.email.trim();
    return (
      <div className="text-center">
        <div className="mx-auto mb-4 grid size-12 place-items-center rounded-full bg-success-100 text-success-700" aria-hidden="true">
          <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
            <path d="M3 7l9 6 9-6M4 5h16a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1Z" />
          </svg>
        </div>
        <h1 ref={doneRef} tabIndex={-1} className="text-2xl font-bold text-neutral-900 focus:outline-none">
          {t("register.checkInboxTitle")}
        </h1>
        <p className="mt-2 text-sm text-neutral-700" role="status">
          {t("register.checkInboxBody", { email })}
        </p>
        <div className="mt-6 flex flex-col items-center gap-3">
          {devMailbox ? (
            <Link href={{ pathname: "/dev/mailbox", query: { to: email } }} className={textLinkClasses}>
              {t("register.openDevMailbox")}
            </Link>
          ) : null}
          <ResendVerification email={email} />
        </div>
      </div>
    );
  }

  const error = register.error;
  const emailTaken = error?.data?.messageKey === "auth.emailTaken";
  const hasFieldErrors = FIELDS.some((name) => field(error, name));
  const general = error && !emailTaken && !hasFieldErrors ? message(error) : null;

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="register-title">
      <h1 id="register-title" className="text-2xl font-bold text-neutral-900">
        {t("register.title")}
      </h1>
      <p className="mt-1 mb-6 text-sm text-neutral-600">{t("register.subtitle")}</p>
      {general ? (
        <Alert tone="danger" className="mb-5">
          {general}
        </Alert>
      ) : null}
      <div className="flex flex-col gap-4">
        <Field id="name" label={t("name")} error={field(error, "name")}>
          {(c) => <Input {...c} name="name" autoComplete="name" maxLength={100} />}
        </Field>
        <Field
          id="email"
          label={t("email")}
          error={
            emailTaken ? (
              <>
                {message(error)}{" "}
                <Link href="/login" className="underline">
                  {t("register.signIn")}
                </Link>
              </>
            ) : (
              field(error, "email")
            )
          }
        >
          {(c) => <Input {...c} type="email" name="email" autoComplete="email" maxLength={254} />}
        </Field>
        <Field id="password" label={t("password")} hint={t("passwordHint")} error={field(error, "password")}>
          {(c) => <Input {...c} type="password" name="password" autoComplete="new-password" maxLength={128} />}
        </Field>
        <Field id="confirmPassword" label={t("confirmPassword")} error={mismatch ? translate("validation.passwordMismatch") : undefined}>
          {(c) => <Input {...c} type="password" name="confirmPassword" autoComplete="new-password" maxLength={128} />}
        </Field>
      </div>
      <Button type="submit" className="mt-6 w-full" loading={register.isPending}>
        {t("register.submit")}
      </Button>
      <p className="mt-4 text-xs text-neutral-600">{t("register.terms")}</p>
    </form>
  );
}
