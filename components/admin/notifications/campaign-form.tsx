"use client";
// Admin: write a bulk send (recipients, channels, English text plus optional other languages,
// optional link), confirm it, then watch the worker's progress until every recipient is done.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Alert, Badge, Button, Card, Checkbox, cn, Field, Input, Select, Textarea, useToast } from "@/components/ui";
import { useRouter } from "@/lib/i18n/navigation";
import { directionOf, localeNames, locales, type Locale } from "@/lib/i18n/routing";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";
import { SendBulkInput } from "@/server/modules/notifications/notifications.schema";
import { ProgressBar } from "./progress-bar";

const CHANNELS = ["EMAIL", "IN_APP", "PUSH"] as const;
type Channel = (typeof CHANNELS)[number];
const OTHER_LOCALES = locales.filter((l) => l !== "en");
const POLL_MS = 1500;

type Text = { title: string; body: string };
const emptyContent = () => Object.fromEntries(locales.map((l) => [l, { title: "", body: "" }])) as Record<Locale, Text>;
const MESSAGE_KEY = /^[a-z]+\.[A-Za-z.]+$/;

/** Where each input path of SendBulkInput is edited (to focus the first one in error). */
function controlIdOf(path: string): string {
  const text = /^content\.(\w+)\.(title|body)$/.exec(path);
  if (text) return `campaign-${text[1]}-${text[2]}`;
  if (path === "channels") return `campaign-channel-${CHANNELS[0]}`;
  if (path.startsWith("segment")) return "campaign-locale";
  if (path === "content") return "campaign-en-title";
  return "campaign-link";
}

export function CampaignForm() {
  const t = useTranslations("adminNotifications.campaignForm");
  const tn = useTranslations("notifications");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const errors = useErrorMessages();
  const { toast } = useToast();

  const [segmentKind, setSegmentKind] = useState<"allShoppers" | "locale">("allShoppers");
  const [segmentLocale, setSegmentLocale] = useState<Locale>("en");
  const [channels, setChannels] = useState<ReadonlySet<Channel>>(new Set(["IN_APP"]));
  const [content, setContent] = useState(emptyContent);
  const [link, setLink] = useState("");
  const [opened, setOpened] = useState<ReadonlySet<Locale>>(new Set());
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [campaignId, setCampaignId] = useState<string | null>(null);

  const send = useMutation(
    trpc.notifications.sendBulk.mutationOptions({
      onSuccess: (campaign) => {
        setConfirming(false);
        setCampaignId(campaign.id);
        toast({ title: t("started"), tone: "success" });
        router.refresh();
      },
      onError: (error) => {
        const server = (error as { data?: { fieldErrors?: Record<string, string> } | null }).data?.fieldErrors ?? {};
        if (Object.keys(server).length > 0) {
          setConfirming(false);
          showErrors(server);
        }
      },
    }),
  );

  function input() {
    const texts: Record<string, Text> = { en: content.en };
    for (const l of OTHER_LOCALES) if (content[l].title.trim() || content[l].body.trim()) texts[l] = content[l];
    return {
      segment: segmentKind === "locale" ? { kind: "locale" as const, locale: segmentLocale } : { kind: "allShoppers" as const },
      channels: CHANNELS.filter((c) => channels.has(c)),
      content: texts as { en: Text } & Record<string, Text>,
      link: link.trim() || null,
    };
  }

  function showErrors(found: Record<string, string>) {
    setFieldErrors(found);
    // Open the languages that have an error so it can be seen.
    const withErrors = OTHER_LOCALES.filter((l) => Object.keys(found).some((p) => p.startsWith(`content.${l}.`)));
    if (withErrors.length > 0) setOpened((prev) => new Set([...prev, ...withErrors]));
    const first = Object.keys(found)[0];
    if (first) requestAnimationFrame(() => document.getElementById(controlIdOf(first))?.focus());
  }

  function review(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    send.reset();
    const parsed = SendBulkInput.safeParse(input());
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) found[issue.path.join(".") || "content"] ??= MESSAGE_KEY.test(issue.message) ? issue.message : "validation.invalid";
      showErrors(found);
      return;
    }
    setFieldErrors({});
    setConfirming(true);
  }

  function restart() {
    setCampaignId(null);
    setContent(emptyContent());
    setLink("");
    setOpened(new Set());
    setFieldErrors({});
    send.reset();
  }

  const errorOf = (path: string) => (fieldErrors[path] ? errors.translate(fieldErrors[path]) : undefined);
  const setText = (locale: Locale, key: keyof Text, value: string) => setContent((prev) => ({ ...prev, [locale]: { ...prev[locale], [key]: value } }));
  const segment = segmentKind === "locale" ? { kind: "locale" as const, locale: segmentLocale } : { kind: "allShoppers" as const };
  const audience = useQuery({ ...trpc.notifications.segmentSize.queryOptions({ segment }), enabled: confirming });
  const channelList = format.list(CHANNELS.filter((c) => channels.has(c)).map((c) => tn(`channels.${c}`)), { type: "conjunction" });

  if (campaignId) return <CampaignProgress campaignId={campaignId} onAgain={restart} />;

  const hasErrors = Object.keys(fieldErrors).length > 0;
  const channelsError = errorOf("channels");
  const textFields = (locale: Locale) => (
    <div className="grid gap-3" lang={locale} dir={directionOf(locale)}>
      <Field id={`campaign-${locale}-title`} label={t("messageTitle")} required={locale === "en"} error={errorOf(`content.${locale}.title`)}>
        {(c) => <Input {...c} value={content[locale].title} maxLength={120} onChange={(e) => setText(locale, "title", e.currentTarget.value)} autoComplete="off" />}
      </Field>
      <Field id={`campaign-${locale}-body`} label={t("messageBody")} required={locale === "en"} error={errorOf(`content.${locale}.body`)}>
        {(c) => <Textarea {...c} value={content[locale].body} maxLength={1000} rows={3} onChange={(e) => setText(locale, "body", e.currentTarget.value)} />}
      </Field>
    </div>
  );

  return (
    <Card className="mb-10 p-4 sm:p-6">
      <h2 id="campaign-form-title" className="mb-4 text-lg font-semibold">{t("title")}</h2>
      <form noValidate onSubmit={review} aria-labelledby="campaign-form-title" className="flex flex-col gap-6" data-testid="campaign-form">
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-2 text-sm font-semibold text-neutral-900">{t("recipients")}</legend>
          <Radio name="segment" checked={segmentKind === "allShoppers"} onChange={() => setSegmentKind("allShoppers")} label={t("allShoppers")} />
          <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
            <Radio name="segment" checked={segmentKind === "locale"} onChange={() => setSegmentKind("locale")} label={t("oneLanguage")} />
            <label htmlFor="campaign-locale" className="sr-only">{t("language")}</label>
            <Select
              id="campaign-locale"
              wrapperClassName="w-48"
              value={segmentLocale}
              disabled={segmentKind !== "locale"}
              aria-invalid={errorOf("segment.locale") ? true : undefined}
              onChange={(e) => setSegmentLocale(e.currentTarget.value as Locale)}
            >
              {locales.map((l) => <option key={l} value={l} lang={l}>{localeNames[l]}</option>)}
            </Select>
          </div>
        </fieldset>

        <fieldset className="flex flex-col gap-2" aria-describedby={cn("campaign-channels-hint", channelsError && "campaign-channels-error")}>
          <legend className="mb-2 text-sm font-semibold text-neutral-900">
            {t("channels")}<span aria-hidden="true" className="ms-0.5 text-danger-700">*</span>
          </legend>
          <div className="flex flex-wrap gap-x-6 gap-y-2">
            {CHANNELS.map((c) => (
              <Checkbox
                key={c}
                id={`campaign-channel-${c}`}
                label={tn(`channels.${c}`)}
                checked={channels.has(c)}
                aria-invalid={channelsError ? true : undefined}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setChannels((prev) => {
                    const next = new Set(prev);
                    if (on) next.add(c);
                    else next.delete(c);
                    return next;
                  });
                }}
              />
            ))}
          </div>
          <p id="campaign-channels-hint" className="text-sm text-neutral-600">{t("channelsHint")}</p>
          <p id="campaign-channels-error" aria-live="polite" className="text-sm font-medium text-danger-700">{channelsError}</p>
        </fieldset>

        <fieldset className="flex flex-col gap-3" aria-describedby="campaign-en-hint">
          <legend className="mb-1 text-sm font-semibold text-neutral-900">{t("english")}</legend>
          <p id="campaign-en-hint" className="-mt-1 text-sm text-neutral-600">{t("englishHint")}</p>
          {textFields("en")}
          {errorOf("content") ? <p className="text-sm font-medium text-danger-700">{errorOf("content")}</p> : null}
        </fieldset>

        <fieldset className="flex flex-col gap-2">
          <legend className="mb-2 text-sm font-semibold text-neutral-900">{t("otherLanguages")}</legend>
          {OTHER_LOCALES.map((l) => {
            const filled = Boolean(content[l].title.trim() || content[l].body.trim());
            return (
              <details
                key={l}
                open={opened.has(l)}
                onToggle={(e) => {
                  const open = e.currentTarget.open;
                  setOpened((prev) => (open === prev.has(l) ? prev : open ? new Set([...prev, l]) : new Set([...prev].filter((x) => x !== l))));
                }}
                className="rounded-lg border border-neutral-200 bg-white"
                data-testid={`campaign-locale-${l}`}
              >
                <summary className="flex min-h-11 cursor-pointer items-center gap-2 px-3 text-sm font-medium text-neutral-900 focus-visible:outline-2 focus-visible:outline-brand-600">
                  <span>{t("languageText", { language: localeNames[l] })}</span>
                  {filled ? <Badge tone="success">{t("filled")}</Badge> : null}
                </summary>
                <div className="border-t border-neutral-200 p-3">{textFields(l)}</div>
              </details>
            );
          })}
        </fieldset>

        <Field id="campaign-link" label={t("link")} hint={t("linkHint")} error={errorOf("link")} className="max-w-xl">
          {(c) => <Input {...c} value={link} maxLength={300} dir="ltr" placeholder="/c/lamps" onChange={(e) => setLink(e.currentTarget.value)} autoComplete="off" />}
        </Field>

        {hasErrors ? <Alert tone="danger">{t("fixErrors")}</Alert> : null}
        {send.isError && !confirming && !hasErrors ? <Alert tone="danger">{errors.message(send.error)}</Alert> : null}
        <div>
          <Button type="submit">{t("review")}</Button>
        </div>
      </form>

      <ConfirmDialog
        open={confirming}
        tone="primary"
        title={t("confirmTitle")}
        description={
          <span className="flex flex-col gap-2">
            <span>{segmentKind === "locale" ? t("confirmLocale", { language: localeNames[segmentLocale] }) : t("confirmAll")}</span>
            <span>{t("confirmChannels", { channels: channelList })}</span>
            <span data-testid="campaign-audience">
              {audience.data ? t("confirmAudience", { count: audience.data.count }) : null} {t("confirmCount")}
            </span>
          </span>
        }
        confirmLabel={t("send")}
        pending={send.isPending}
        error={send.isError ? errors.message(send.error) : undefined}
        onConfirm={() => {
          if (!send.isPending) send.mutate(input());
        }}
        onClose={() => {
          setConfirming(false);
          send.reset();
        }}
      />
    </Card>
  );
}

function Radio({ name, checked, onChange, label }: { name: string; checked: boolean; onChange: () => void; label: string }) {
  return (
    <label className="inline-flex min-h-8 cursor-pointer items-center gap-2 text-sm font-medium text-neutral-900">
      <input
        type="radio"
        name={name}
        checked={checked}
        onChange={onChange}
        className="size-4 shrink-0 cursor-pointer accent-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      />
      <span>{label}</span>
    </label>
  );
}

/** The send just created: polls it while the worker runs its batches and deliveries are pending. */
function CampaignProgress({ campaignId, onAgain }: { campaignId: string; onAgain: () => void }) {
  const t = useTranslations("adminNotifications.campaignForm");
  const tl = useTranslations("adminNotifications.campaigns");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const errors = useErrorMessages();
  const query = useQuery({
    ...trpc.notifications.getCampaign.queryOptions({ campaignId }),
    refetchInterval: (q) => {
      const d = q.state.data;
      if (q.state.status === "error") return false;
      if (d && d.status === "DONE" && d.deliveries.PENDING === 0) return false;
      // Every 1.5 s at first; slower (up to 15 s) the longer a send takes, e.g. while the worker is down.
      return Math.min(15_000, POLL_MS * 2 ** Math.floor(q.state.dataUpdateCount / 40));
    },
  });
  const heading = useRef<HTMLHeadingElement>(null);
  // The form (and its button) is gone: focus moves to what replaced it.
  useEffect(() => heading.current?.focus(), []);
  const campaign = query.data;
  const done = campaign?.status === "DONE";
  const settled = done && campaign.deliveries.PENDING === 0;
  // The server-rendered list below shows the final figures once the send has settled.
  useEffect(() => {
    if (settled) router.refresh();
  }, [settled, router]);

  const n = (value: number) => format.number(value);
  return (
    <Card className="mb-10 p-4 sm:p-6" data-testid="campaign-progress" data-status={campaign?.status}>
      <h2 ref={heading} tabIndex={-1} className="mb-4 text-lg font-semibold focus:outline-none" aria-live="polite">{done ? t("doneTitle") : t("progressTitle")}</h2>
      {query.isError ? (
        <Alert tone="danger">{errors.message(query.error)}</Alert>
      ) : campaign ? (
        <div className="flex flex-col gap-3">
          <ProgressBar
            value={campaign.progress}
            label={tl("progressLabel")}
            valueText={t("processed", { processed: n(campaign.processed), total: n(campaign.total) })}
            className="max-w-xl"
          />
          {done ? (
            <div className="flex flex-col gap-1 text-sm text-neutral-800" role="status" data-testid="campaign-summary">
              {campaign.total === 0 ? <p>{t("noRecipients")}</p> : <p>{t("summary", { queued: n(campaign.queued), skipped: n(campaign.skipped) })}</p>}
              {campaign.total > 0 ? (
                <p>
                  {t("deliveriesNow", {
                    sent: n(campaign.deliveries.SENT), pending: n(campaign.deliveries.PENDING), failed: n(campaign.deliveries.FAILED), dead: n(campaign.deliveries.DEAD),
                  })}
                </p>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : (
        <ProgressBar value={0} label={tl("progressLabel")} valueText="…" className="max-w-xl" />
      )}
      {done || query.isError ? (
        <Button variant="secondary" className="mt-4" onClick={onAgain}>{t("another")}</Button>
      ) : null}
    </Card>
  );
}
