"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";

/** "Send the confirmation link again" for an address that isn't confirmed yet. */
export function ResendVerification({ email }: { email: string }) {
  const t = useTranslations("auth.login");
  const locale = useLocale();
  const trpc = useTRPC();
  const { message } = useErrorMessages();
  const resend = useMutation(trpc.identity.resendVerification.mutationOptions());
  return (
    <div className="flex flex-col items-start gap-2">
      {resend.isSuccess ? null : (
        <Button variant="secondary" size="sm" className="text-start whitespace-normal!" loading={resend.isPending} onClick={() => resend.mutate({ email, locale })}>
          {t("resend")}
        </Button>
      )}
      <p role="status" className="text-sm">
        {resend.isSuccess ? t("resent") : resend.isError ? message(resend.error) : null}
      </p>
    </div>
  );
}
