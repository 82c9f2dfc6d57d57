"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Alert, buttonClasses, Spinner } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";

/** Confirms the address once on mount (a link's token is single-use, so never twice). */
export function VerifyEmail({ token }: { token: string }) {
  const t = useTranslations("auth");
  const trpc = useTRPC();
  const { message, field } = useErrorMessages();
  const verify = useMutation(trpc.identity.verifyEmail.mutationOptions());
  const started = useRef(false);
  const { mutate } = verify;

  useEffect(() => {
    // Strict Mode runs effects twice in development; the second run must not spend the token again.
    if (started.current) return;
    started.current = true;
    mutate({ token });
  }, [mutate, token]);

  if (verify.isSuccess) {
    return (
      <div className="flex flex-col gap-5">
        <Alert tone="success">{t("verifyEmail.success", { email: verify.data.email })}</Alert>
        <Link href="/login?verified=1" className={buttonClasses({ className: "w-full" })}>
          {t("verifyEmail.continue")}
        </Link>
      </div>
    );
  }
  if (verify.isError) {
    return (
      <div className="flex flex-col gap-5">
        <Alert tone="danger" title={t("verifyEmail.failed")}>
          {field(verify.error, "token") ?? message(verify.error)}
        </Alert>
        <Link href="/login" className={buttonClasses({ variant: "secondary", className: "w-full" })}>
          {t("forgot.backToLogin")}
        </Link>
      </div>
    );
  }
  return (
    <div className="flex items-center gap-3 py-4 text-neutral-700" aria-busy="true">
      <Spinner />
      <p role="status">{t("verifyEmail.working")}</p>
    </div>
  );
}
