import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NotificationList } from "@/components/notifications/notification-list";
import { NotificationPreferences } from "@/components/notifications/notification-preferences";
import { PushToggle } from "@/components/notifications/push-toggle";
import { knownLocale, pageLocale } from "@/lib/i18n/page-locale";
import { requireSession } from "@/server/guards";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: knownLocale(locale), namespace: "notificationCenter" });
  return { title: t("title"), robots: { index: false } };
}

/** The person's notifications (all of them, in pages), what reaches them where, and push on this device. */
export default async function AccountNotificationsPage({ params }: Props) {
  setRequestLocale(await pageLocale(params));
  const session = await requireSession("/account/notifications");
  return (
    <>
      <NotificationList userId={session.user.id} />
      <NotificationPreferences />
      <PushToggle />
    </>
  );
}
