import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { maskDestination } from "@/components/admin/notifications/mask";
import { NotificationsTabs } from "@/components/admin/notifications/notifications-tabs";
import { RetryDeliveryButton } from "@/components/admin/notifications/retry-delivery-button";
import { Badge, Button, buttonClasses, Card, CursorPager, Field, PageHeader, Select, Table, TBody, TD, TH, THead, TR, type Tone } from "@/components/ui";
import { getPathname, Link } from "@/lib/i18n/navigation";
import { knownLocale } from "@/lib/i18n/page-locale";
import { cursorValue, queryValue, type SearchParams } from "@/lib/search-params";
import { requireStaff } from "@/server/guards";
import { NOTIFICATION_CHANNELS, NOTIFICATION_TYPE_NAMES, NOTIFICATION_TYPES, isNotificationType, type NotificationChannel, type NotificationType } from "@/server/modules/notifications/notifications.types";
import { getServerCaller } from "@/server/trpc/server";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

const PAGE_SIZE = 50;
const STATUSES = ["PENDING", "SENT", "FAILED", "DEAD"] as const;
type Status = (typeof STATUSES)[number];
const STATUS_TONE: Record<Status, Tone> = { PENDING: "neutral", SENT: "success", FAILED: "warning", DEAD: "danger" };
const ERROR_PREVIEW = 60;

/** The filters as they stand in the URL (unknown values are dropped). */
function readFilters(params: SearchParams) {
  const status = queryValue(params, "status", 20);
  const channel = queryValue(params, "channel", 20);
  const type = queryValue(params, "type", 50);
  return {
    status: (STATUSES as readonly string[]).includes(status) ? (status as Status) : undefined,
    channel: (NOTIFICATION_CHANNELS as readonly string[]).includes(channel) ? (channel as NotificationChannel) : undefined,
    type: isNotificationType(type) ? (type as NotificationType) : undefined,
    cursor: cursorValue(params),
  };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: knownLocale((await params).locale), namespace: "adminNotifications" });
  return { title: t("deliveries.title") };
}

/** Delivery records, newest first, filtered by status, channel and type; failed and dead ones can be retried. */
export default async function AdminDeliveriesPage({ params, searchParams }: Props) {
  const locale = knownLocale((await params).locale);
  setRequestLocale(locale);
  const { cursor, ...filters } = readFilters(await searchParams);
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) if (value) query[key] = value;
  const search = new URLSearchParams({ ...query, ...(cursor ? { cursor } : {}) }).toString();
  await requireStaff(`/admin/notifications/deliveries${search ? `?${search}` : ""}`, "notifications.manage");
  const [t, tn, tc, format, caller] = await Promise.all([
    getTranslations("adminNotifications"), getTranslations("notifications"), getTranslations("common"), getFormatter(), getServerCaller(),
  ]);
  const page = await caller.notifications.listDeliveries({ ...filters, cursor, limit: PAGE_SIZE });
  const typeLabel = (type: string) => (isNotificationType(type) ? tn(`types.${NOTIFICATION_TYPES[type].key}` as never) : type);
  const channelLabel = (channel: string) => ((NOTIFICATION_CHANNELS as readonly string[]).includes(channel) ? tn(`channels.${channel as NotificationChannel}`) : channel);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const none = (
    <>
      <span aria-hidden="true" className="text-neutral-500">—</span>
      <span className="sr-only">{tc("none")}</span>
    </>
  );

  return (
    <>
      <PageHeader title={t("deliveries.title")} description={t("deliveries.description")} />
      <NotificationsTabs current="deliveries" />

      <Card className="mb-6 p-4 sm:p-5">
        <form method="get" action={getPathname({ href: "/admin/notifications/deliveries", locale })} role="search" aria-labelledby="delivery-filters-title">
          <h2 id="delivery-filters-title" className="sr-only">{t("deliveries.filters")}</h2>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field id="delivery-status" label={t("deliveries.status")}>
              {(c) => (
                <Select {...c} name="status" defaultValue={filters.status ?? ""}>
                  <option value="">{t("deliveries.any")}</option>
                  {STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
                </Select>
              )}
            </Field>
            <Field id="delivery-channel" label={t("deliveries.channel")}>
              {(c) => (
                <Select {...c} name="channel" defaultValue={filters.channel ?? ""}>
                  <option value="">{t("deliveries.any")}</option>
                  {NOTIFICATION_CHANNELS.map((ch) => <option key={ch} value={ch}>{channelLabel(ch)}</option>)}
                </Select>
              )}
            </Field>
            <Field id="delivery-type" label={t("deliveries.type")}>
              {(c) => (
                <Select {...c} name="type" defaultValue={filters.type ?? ""}>
                  <option value="">{t("deliveries.any")}</option>
                  {NOTIFICATION_TYPE_NAMES.map((ty) => <option key={ty} value={ty}>{typeLabel(ty)}</option>)}
                </Select>
              )}
            </Field>
          </div>
          <div className="mt-4 flex flex-wrap gap-2">
            <Button type="submit">{t("deliveries.apply")}</Button>
            <Link href="/admin/notifications/deliveries" className={buttonClasses({ variant: "secondary" })}>{t("deliveries.clear")}</Link>
          </div>
        </form>
      </Card>

      <Table caption={t("deliveries.title")} data-testid="delivery-table">
        <THead>
          <TR>
            <TH>{t("deliveries.created")}</TH>
            <TH>{t("deliveries.type")}</TH>
            <TH>{t("deliveries.channel")}</TH>
            <TH>{t("deliveries.destination")}</TH>
            <TH>{t("deliveries.locale")}</TH>
            <TH>{t("deliveries.status")}</TH>
            <TH className="text-end">{t("deliveries.attempts")}</TH>
            <TH>{t("deliveries.timing")}</TH>
            <TH>{t("deliveries.lastError")}</TH>
            <TH><span className="sr-only">{t("deliveries.actions")}</span></TH>
          </TR>
        </THead>
        <TBody>
          {page.items.length === 0 ? (
            <TR>
              <TD colSpan={10} className="py-10 text-center text-neutral-600">{t("deliveries.empty")}</TD>
            </TR>
          ) : (
            page.items.map((d) => {
              const status = d.status as Status;
              const destination = maskDestination(d.destination);
              return (
                <TR key={d.id} className="align-top hover:bg-neutral-50" data-testid="delivery-row" data-status={status} data-channel={d.channel}>
                  <TD className="whitespace-nowrap">
                    <time dateTime={d.createdAt.toISOString()} className="flex flex-col">
                      <span>{format.dateTime(d.createdAt, { dateStyle: "medium" })}</span>
                      <span className="text-xs text-neutral-600">{format.dateTime(d.createdAt, { timeStyle: "medium" })}</span>
                    </time>
                  </TD>
                  <TD className="min-w-36">{typeLabel(d.type)}</TD>
                  <TD className="whitespace-nowrap">{channelLabel(d.channel)}</TD>
                  <TD className="font-mono text-xs whitespace-nowrap" dir="ltr">{destination ?? none}</TD>
                  <TD className="uppercase">{d.locale}</TD>
                  <TD><Badge tone={STATUS_TONE[status] ?? "neutral"}>{t(`status.${status}`)}</Badge></TD>
                  <TD className="text-end tabular-nums">{format.number(d.attempts)}</TD>
                  <TD className="min-w-36 text-sm">
                    {status === "SENT" && d.sentAt ? (
                      <time dateTime={d.sentAt.toISOString()}>{t("deliveries.sentAt", { time: when(d.sentAt) })}</time>
                    ) : status === "PENDING" || status === "FAILED" ? (
                      <time dateTime={d.nextAttemptAt.toISOString()}>{t("deliveries.nextAt", { time: when(d.nextAttemptAt) })}</time>
                    ) : (
                      none
                    )}
                  </TD>
                  <TD className="max-w-72 min-w-44 text-xs">
                    {!d.lastError ? (
                      none
                    ) : d.lastError.length <= ERROR_PREVIEW ? (
                      <span className="[overflow-wrap:anywhere]">{d.lastError}</span>
                    ) : (
                      <details>
                        <summary className="cursor-pointer [overflow-wrap:anywhere] text-neutral-900" title={d.lastError}>
                          {`${d.lastError.slice(0, ERROR_PREVIEW)}…`}
                        </summary>
                        <p className="mt-1 whitespace-pre-wrap [overflow-wrap:anywhere] text-neutral-700" dir="ltr">{d.lastError}</p>
                      </details>
                    )}
                  </TD>
                  <TD className="whitespace-nowrap">
                    {status === "DEAD" || status === "FAILED" ? (
                      <RetryDeliveryButton
                        deliveryId={d.id}
                        label={t("deliveries.retryLabel", { type: typeLabel(d.type), channel: channelLabel(d.channel), time: when(d.createdAt) })}
                      />
                    ) : null}
                  </TD>
                </TR>
              );
            })
          )}
        </TBody>
      </Table>

      <CursorPager pathname="/admin/notifications/deliveries" query={query} cursor={cursor} nextCursor={page.nextCursor}
        label={t("deliveries.pagination")} firstLabel={t("deliveries.newest")} nextLabel={t("deliveries.older")} />
    </>
  );
}
