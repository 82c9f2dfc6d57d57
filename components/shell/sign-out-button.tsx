"use client";

import { signOut } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Button, type ButtonProps } from "@/components/ui";

/** Signs this device out (the session row is revoked by next-auth's signOut event). */
export function SignOutButton(props: Omit<ButtonProps, "onClick">) {
  const t = useTranslations("nav");
  const locale = useLocale();
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="ghost"
      size="sm"
      {...props}
      loading={pending}
      onClick={async () => {
        setPending(true);
        await signOut({ callbackUrl: `/${locale}` });
      }}
    >
      {t("signOut")}
    </Button>
  );
}
