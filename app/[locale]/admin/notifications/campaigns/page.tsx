import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { CampaignForm } from "@/components/admin/notifications/campaign-form";
import { NotificationsTabs } from "@/components/admin/notifications/notifications-tabs";
import { ProgressBar } from "@/components/admin/notifications/progress-bar";
import { Badge, CursorPager, PageHeader, Table, TBody, TD, TH, THead, TR, type Tone } from "@/components/ui";
import { knownLocale } from "@/lib/i18n/page-locale";
import { isLocale, localeNames } from "@/lib/i18n/routing";
import { cursorValue, type SearchParams } from "@/lib/search-params";
import { requireStaff } from "@/server/guards";
import { getServerCaller } from "@/server/trpc/server";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

const PAGE_SIZE = 20;
const CHANNEL_NAMES = ["EMAIL", "IN_APP", "PUSH", "SMS"] as const;
const STATUS_TONE: Record<string, Tone> = { QUEUED: "neutral", RUNNING: "info", DONE: "success" };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: knownLocale((await params).locale), namespace: "adminNotifications" });
  return { title: t("campaigns.title") };
}

/** Bulk sends: the form to start one (with live progress) and the sends so far with their figures. */
export default async function AdminCampaignsPage({ params, searchParams }: Props) {
  const locale = knownLocale((await params).locale);
  setRequestLocale(locale);
  const cursor = cursorValue(await searchParams);
  await requireStaff(`/admin/notifications/campaigns${cursor ? `?cursor=${cursor}` : ""}`, "notifications.manage");
  const [t, tn, format, caller] = await Promise.all([getTranslations("adminNotifications"), getTranslations("notifications"), getFormatter(), getServerCaller()]);
  const page = await caller.notifications.listCampaigns({ cursor, limit: PAGE_SIZE });
  // Each send's deliveries by status (one grouped count per row of this page).
  const details = await Promise.all(page.items.map((c) => caller.notifications.getCampaign({ campaignId: c.id })));
  const n = (value: number) => format.number(value);

  const segmentLabel = (segment: unknown) => {
    const s = segment as { kind?: string; locale?: string } | null;
    return s?.kind === "locale" && isLocale(s.locale) ? t("campaigns.localeShoppers", { language: localeNames[s.locale] }) : t("campaigns.allShoppers");
  };
  const channelLabels = (channels: unknown) =>
    format.list((Array.isArray(channels) ? channels : []).filter((c): c is (typeof CHANNEL_NAMES)[number] => CHANNEL_NAMES.includes(c)).map((c) => tn(`channels.${c}`)), { type: "conjunction" });

  return (
    <>
      <PageHeader title={t("campaigns.title")} description={t("campaigns.description")} />
      <NotificationsTabs current="campaigns" />
      <CampaignForm />

      <section aria-labelledby="campaigns-title">
        <h2 id="campaigns-title" className="mb-3 text-lg font-semibold">{t("campaigns.listTitle")}</h2>
        <Table caption={t("campaigns.listTitle")} data-testid="campaign-table">
          <THead>
            <TR>
              <TH>{t("campaigns.created")}</TH>
              <TH>{t("campaigns.recipients")}</TH>
              <TH>{t("campaigns.channels")}</TH>
              <TH>{t("campaigns.status")}</TH>
              <TH>{t("campaigns.progress")}</TH>
              <TH>{t("campaigns.queuedSkipped")}</TH>
              <TH>{t("campaigns.deliveries")}</TH>
            </TR>
          </THead>
          <TBody>
            {details.length === 0 ? (
              <TR>
                <TD colSpan={7} className="py-10 text-center text-neutral-600">{t("campaigns.empty")}</TD>
              </TR>
            ) : (
              details.map((c) => (
                <TR key={c.id} className="align-top hover:bg-neutral-50" data-testid="campaign-row" data-status={c.status}>
                  <TD className="whitespace-nowrap">
                    <time dateTime={c.createdAt.toISOString()} className="flex flex-col">
                      <span>{format.dateTime(c.createdAt, { dateStyle: "medium" })}</span>
                      <span className="text-xs text-neutral-600">{format.dateTime(c.createdAt, { timeStyle: "short" })}</span>
                    </time>
                  </TD>
                  <TD className="min-w-40">{segmentLabel(c.segment)}</TD>
                  <TD className="min-w-32">{channelLabels(c.channels)}</TD>
                  <TD>
                    <Badge tone={STATUS_TONE[c.status] ?? "neutral"}>{t(`campaigns.campaignStatus.${c.status as "QUEUED" | "RUNNING" | "DONE"}`)}</Badge>
                  </TD>
                  <TD className="min-w-40">
                    <ProgressBar
                      value={c.progress}
                      label={t("campaigns.progressLabel")}
                      valueText={t("campaigns.processedOf", { processed: n(c.processed), total: n(c.total) })}
                    />
                  </TD>
                  <TD className="text-sm whitespace-nowrap">
                    <span className="flex flex-col">
                      <span>{t("campaigns.queued", { count: n(c.queued) })}</span>
                      <span className="text-neutral-600">{t("campaigns.skipped", { count: n(c.skipped) })}</span>
                    </span>
                  </TD>
                  <TD className="text-sm whitespace-nowrap">
                    <span className="flex flex-col">
                      <span>{t("campaigns.sent", { count: n(c.deliveries.SENT) })}</span>
                      {c.deliveries.FAILED > 0 ? <span className="text-warning-800">{t("campaigns.failed", { count: n(c.deliveries.FAILED) })}</span> : null}
                      {c.deliveries.DEAD > 0 ? <span className="text-danger-700">{t("campaigns.dead", { count: n(c.deliveries.DEAD) })}</span> : null}
                    </span>
                  </TD>
                </TR>
              ))
            )}
          </TBody>
        </Table>

        <CursorPager pathname="/admin/notifications/campaigns" cursor={cursor} nextCursor={page.nextCursor}
          label={t("campaigns.pagination")} firstLabel={t("campaigns.newest")} nextLabel={t("campaigns.older")} />
      </section>
    </>
  );
}
