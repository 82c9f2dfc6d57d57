"use client";
// Admin: pick a notification type, channel and language, edit its subject and body with the
// type's variables, see the preview rendered with sample values, save or go back to the default.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useDeferredValue, useState, type FormEvent } from "react";
import { Badge, Button, Card, Field, Input, Select, Textarea, useToast } from "@/components/ui";
import { localeNames, locales, type Locale } from "@/lib/i18n/routing";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";
import { NOTIFICATION_TYPE_NAMES, NOTIFICATION_TYPES, type NotificationChannel, type NotificationType } from "@/server/modules/notifications/notifications.types";

export function TemplateEditor() {
  const t = useTranslations("adminNotifications");
  const tn = useTranslations("notifications");
  const [type, setType] = useState<NotificationType>("order.shipped");
  const [locale, setLocale] = useState<Locale>("en");
  const channels = NOTIFICATION_TYPES[type].channels as readonly NotificationChannel[];
  const [rawChannel, setChannel] = useState<NotificationChannel>("EMAIL");
  const channel = channels.includes(rawChannel) ? rawChannel : channels[0]!;
  return (
    <section aria-labelledby="templates-title" className="mb-10">
      <h2 id="templates-title" className="mb-1 text-lg font-semibold">{t("templates.title")}</h2>
      <p className="mb-4 text-sm text-neutral-600">{t("templates.description")}</p>
      <div className="mb-4 grid gap-3 sm:grid-cols-3">
        <Field id="tpl-type" label={t("templates.type")}>
          {(control) => (<Select {...control} value={type} onChange={(e) => setType(e.currentTarget.value as NotificationType)}>
            {NOTIFICATION_TYPE_NAMES.map((name) => <option key={name} value={name}>{tn(`types.${NOTIFICATION_TYPES[name].key}` as never)}</option>)}
          </Select>)}
        </Field>
        <Field id="tpl-channel" label={t("templates.channel")}>
          {(control) => (<Select {...control} value={channel} onChange={(e) => setChannel(e.currentTarget.value as NotificationChannel)}>
            {channels.map((c) => <option key={c} value={c}>{tn(`channels.${c}` as never)}</option>)}
          </Select>)}
        </Field>
        <Field id="tpl-locale" label={t("templates.language")}>
          {(control) => (<Select {...control} value={locale} onChange={(e) => setLocale(e.currentTarget.value as Locale)}>
            {locales.map((l) => <option key={l} value={l}>{localeNames[l]}</option>)}
          </Select>)}
        </Field>
      </div>
      <TemplateForm key={`${type}|${channel}|${locale}`} type={type} channel={channel} locale={locale} />
    </section>
  );
}

function TemplateForm({ type, channel, locale }: { type: NotificationType; channel: NotificationChannel; locale: Locale }) {
  const t = useTranslations("adminNotifications");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errors = useErrorMessages();
  const { toast } = useToast();
  const current = useQuery(trpc.notifications.listTemplates.queryOptions({ type, locale }));
  const row = current.data?.find((r) => r.channel === channel);
  const [edit, setEdit] = useState<{ subject: string; body: string } | null>(null);
  const subject = edit?.subject ?? row?.subject ?? "";
  const body = edit?.body ?? row?.body ?? "";
  const deferred = useDeferredValue({ subject, body });
  const preview = useQuery({
    ...trpc.notifications.previewTemplate.queryOptions({ type, channel, locale, subject: deferred.subject, body: deferred.body }),
    enabled: Boolean(row),
    placeholderData: (previous) => previous,
  });
  const invalidate = () => void queryClient.invalidateQueries({ queryKey: trpc.notifications.listTemplates.pathKey() });
  const save = useMutation(trpc.notifications.saveTemplate.mutationOptions({
    onSuccess: () => { invalidate(); setEdit(null); toast({ title: t("templates.saved"), tone: "success" }); },
  }));
  const reset = useMutation(trpc.notifications.resetTemplate.mutationOptions({
    onSuccess: () => { invalidate(); setEdit(null); toast({ title: t("templates.resetDone"), tone: "success" }); },
  }));
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate({ type, channel, locale, subject, body });
  }
  if (current.isPending) return <p className="text-sm text-neutral-600">{t("loading")}</p>;
  if (current.isError) return <p role="alert" className="text-sm text-danger-700">{errors.message(current.error)}</p>;
  const error = save.error ?? reset.error;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <form onSubmit={submit} className="flex flex-col gap-3" data-testid="template-form">
        <p className="text-sm">
          {row?.overridden ? <Badge tone="info">{t("templates.customised")}</Badge> : <Badge tone="neutral">{t("templates.default")}</Badge>}
        </p>
        <Field id="tpl-subject" label={t("templates.subject")}>
          {(control) => <Input {...control} value={subject} maxLength={200} onChange={(e) => setEdit({ subject: e.currentTarget.value, body })} required />}
        </Field>
        <Field id="tpl-body" label={t("templates.body")} hint={t("templates.variables", { list: (row?.variables ?? []).map((v) => `{${v}}`).join(" ") })}>
          {(control) => <Textarea {...control} value={body} maxLength={2000} rows={6} onChange={(e) => setEdit({ subject, body: e.currentTarget.value })} required />}
        </Field>
        {error ? <p role="alert" className="text-sm text-danger-700">{errors.message(error)}</p> : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={save.isPending}>{t("templates.save")}</Button>
          <Button type="button" variant="secondary" disabled={!row?.overridden || reset.isPending} onClick={() => reset.mutate({ type, channel, locale })}>
            {t("templates.reset")}
          </Button>
        </div>
      </form>
      <Card className="self-start p-4" aria-live="polite">
        <h3 className="mb-2 text-sm font-semibold text-neutral-700">{t("templates.preview")}</h3>
        {preview.data ? (
          <div dir={locale === "ar" ? "rtl" : "ltr"} lang={locale} data-testid="template-preview">
            <p className="font-semibold text-neutral-900">{preview.data.subject}</p>
            <p className="mt-2 text-sm whitespace-pre-line text-neutral-700">{preview.data.body}</p>
          </div>
        ) : preview.isError ? (
          <p className="text-sm text-danger-700">{errors.message(preview.error)}</p>
        ) : (
          <p className="text-sm text-neutral-600">{t("loading")}</p>
        )}
      </Card>
    </div>
  );
}
