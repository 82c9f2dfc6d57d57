import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { adminSections } from "@/components/admin/sections";
import { consoleIcons } from "@/components/shell/console-shell";
import { Alert, Badge, Card, PageHeader } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { STAFF_PERMISSIONS } from "@/lib/permissions";
import { requireStaff } from "@/server/guards";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const l = isLocale(locale) ? locale : "en";
  const [t, tm] = await Promise.all([getTranslations({ locale: l, namespace: "admin" }), getTranslations({ locale: l, namespace: "meta" })]);
  // The layout's title template only reaches child segments, not this page of its own segment.
  return { title: { absolute: `${t("dashboard")} · ${tm("adminTitle")}` } };
}

export default async function AdminDashboardPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (isLocale(locale)) setRequestLocale(locale);
  const { session, permissions } = await requireStaff("/admin");
  const t = await getTranslations("admin");
  const held = STAFF_PERMISSIONS.filter((p) => permissions.has(p));
  const sections = adminSections(permissions);
  return (
    <>
      <PageHeader title={t("welcome", { name: session.user.name })} description={t("intro")} />
      <section aria-labelledby="permissions-title" className="mb-8">
        <h2 id="permissions-title" className="mb-3 text-lg font-semibold">
          {t("yourPermissions")}
        </h2>
        <ul className="flex flex-wrap gap-2" data-testid="my-permissions">
          {held.map((p) => (
            <li key={p}>
              <Badge tone="brand" className="whitespace-normal!">{t(`permission.${p}`)}</Badge>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="sections-title">
        <h2 id="sections-title" className="mb-3 text-lg font-semibold">
          {t("sections")}
        </h2>
        {sections.length === 0 ? (
          <Alert tone="info">{t("noSections")}</Alert>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {sections.map((s) => (
              <li key={s.href}>
                <Card className="group relative h-full p-5 transition-shadow focus-within:ring-2 focus-within:ring-brand-600 hover:shadow-md">
                  <svg aria-hidden="true" viewBox="0 0 24 24" className="mb-3 size-8 text-brand-600" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round">
                    <path d={consoleIcons[s.icon]} />
                  </svg>
                  <h3 className="font-semibold">
                    {/* The link covers the whole card (::after), the text stays a short accessible name. */}
                    <Link href={s.href} className="after:absolute after:inset-0 after:rounded-xl focus:outline-none">
                      {t(s.titleKey)}
                    </Link>
                  </h3>
                  <p className="mt-1 text-sm text-neutral-600">{t(s.descriptionKey)}</p>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
