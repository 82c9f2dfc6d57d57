import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { NotificationsTabs } from "@/components/admin/notifications/notifications-tabs";
import { TemplateEditor } from "@/components/admin/notifications/template-editor";
import { PageHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { knownLocale } from "@/lib/i18n/page-locale";
import { requireStaff } from "@/server/guards";
import { NOTIFICATION_CHANNELS, NOTIFICATION_TYPE_NAMES, NOTIFICATION_TYPES } from "@/server/modules/notifications/notifications.types";
import { getServerCaller } from "@/server/trpc/server";

type Props = { params: Promise<{ locale: string }> };

const DAY = 86_400_000;
const STATUSES = ["SENT", "PENDING", "FAILED", "DEAD"] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: knownLocale((await params).locale), namespace: "adminNotifications" });
  return { title: t("title") };
}

/** Delivery stats of the last 30 days by channel and by type, and the template editor. */
export default async function AdminNotificationsPage({ params }: Props) {
  const locale = knownLocale((await params).locale);
  setRequestLocale(locale);
  await requireStaff("/admin/notifications", "notifications.manage");
  const [t, tn, format, caller] = await Promise.all([getTranslations("adminNotifications"), getTranslations("notifications"), getFormatter(), getServerCaller()]);
  const to = new Date();
  const from = new Date(to.getTime() - 30 * DAY);
  const stats = await caller.notifications.deliveryStats({ from, to });
  const n = (value: number) => format.number(value);
  const statusHeads = STATUSES.map((s) => <TH key={s} className="text-end">{t(`status.${s}`)}</TH>);

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <NotificationsTabs current="overview" />
      <section aria-labelledby="stats-title" className="mb-10">
        <h2 id="stats-title" className="mb-3 text-lg font-semibold">{t("stats.title")}</h2>
        <div className="grid gap-6">
          <Table caption={t("stats.byChannel")} showCaption>
            <THead>
              <TR><TH>{t("stats.channel")}</TH>{statusHeads}<TH className="text-end">{t("stats.total")}</TH></TR>
            </THead>
            <TBody>
              {NOTIFICATION_CHANNELS.map((c) => {
                const row = stats.byChannel[c];
                return (
                  <TR key={c}>
                    <TH scope="row">{tn(`channels.${c}`)}</TH>
                    {STATUSES.map((s) => <TD key={s} className="text-end tabular-nums">{n(row[s])}</TD>)}
                    <TD className="text-end font-medium tabular-nums">{n(row.total)}</TD>
                  </TR>
                );
              })}
            </TBody>
          </Table>
          <Table caption={t("stats.byType")} showCaption>
            <THead>
              <TR><TH>{t("stats.type")}</TH>{statusHeads}<TH className="text-end">{t("stats.total")}</TH></TR>
            </THead>
            <TBody>
              {NOTIFICATION_TYPE_NAMES.map((type) => {
                const row = stats.byType[type] ?? { SENT: 0, PENDING: 0, FAILED: 0, DEAD: 0, total: 0 };
                return (
                  <TR key={type}>
                    <TH scope="row">{tn(`types.${NOTIFICATION_TYPES[type].key}` as never)}</TH>
                    {STATUSES.map((s) => <TD key={s} className="text-end tabular-nums">{n(row[s])}</TD>)}
                    <TD className="text-end font-medium tabular-nums">{n(row.total)}</TD>
                  </TR>
                );
              })}
            </TBody>
          </Table>
        </div>
      </section>
      <TemplateEditor />
    </>
  );
}
