"use client";

import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Alert, Badge, Button, Card, CardBody, CardFooter, CardHeader, CardTitle, Field, Input, Select, useToast } from "@/components/ui";
import { localeNames, locales, isLocale, type Locale } from "@/lib/i18n/routing";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";

export interface ProfileData {
  name: string;
  email: string;
  locale: string;
  emailVerified: boolean;
  createdAt: Date;
}

/** Name and the language of emails; the address is shown, not editable. */
export function ProfileForm({ profile }: { profile: ProfileData }) {
  const t = useTranslations("account.profile");
  const tc = useTranslations("common");
  const format = useFormatter();
  const router = useRouter();
  const trpc = useTRPC();
  const { toast } = useToast();
  const { message, field } = useErrorMessages();
  const update = useMutation(
    trpc.identity.updateProfile.mutationOptions({
      onSuccess: () => {
        toast({ title: t("updated"), tone: "success" });
        router.refresh(); // the header shows the name
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const locale = String(data.get("locale"));
    update.mutate({ name: String(data.get("name") ?? ""), locale: (isLocale(locale) ? locale : "en") as Locale });
  }

  const nameError = field(update.error, "name");
  return (
    <Card>
      <form noValidate onSubmit={onSubmit}>
        <CardHeader>
          <CardTitle>{t("title")}</CardTitle>
          <p className="mt-1 text-sm text-neutral-600">{t("memberSince", { date: format.dateTime(profile.createdAt, { dateStyle: "long" }) })}</p>
        </CardHeader>
        <CardBody className="flex flex-col gap-5">
          {update.isError && !nameError ? <Alert tone="danger">{message(update.error)}</Alert> : null}
          <Field id="name" label={t("name")} error={nameError}>
            {(c) => <Input {...c} name="name" autoComplete="name" defaultValue={profile.name} maxLength={100} />}
          </Field>
          <Field id="email" label={t("email")}>
            {(c) => (
              <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
                <Input {...c} type="email" name="email" value={profile.email} readOnly className="flex-1 basis-60" />
                <Badge tone={profile.emailVerified ? "success" : "warning"}>{profile.emailVerified ? t("verified") : t("unverified")}</Badge>
              </div>
            )}
          </Field>
          <Field id="locale" label={t("language")}>
            {(c) => (
              <Select {...c} name="locale" defaultValue={profile.locale} wrapperClassName="sm:max-w-xs">
                {locales.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {localeNames[l]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </CardBody>
        <CardFooter>
          <Button type="submit" loading={update.isPending}>
            {update.isPending ? tc("saving") : tc("save")}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
