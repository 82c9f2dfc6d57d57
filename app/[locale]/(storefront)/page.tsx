import { getTranslations, setRequestLocale } from "next-intl/server";
import { buttonClasses } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { getAuthSession } from "@/server/auth";

const FEATURES = [
  { key: "Sellers", icon: "M4 7h16l-1 12H5L4 7Zm4 0a4 4 0 0 1 8 0" },
  { key: "Cart", icon: "M3 4h2l2.4 10.2a1 1 0 0 0 1 .8h8.7a1 1 0 0 0 1-.8L20 8H6.2M9 20h.01M17 20h.01" },
  { key: "Protection", icon: "M12 3l7 3v5c0 4.5-3 8.3-7 10-4-1.7-7-5.5-7-10V6l7-3Zm-3 9 2 2 4-4" },
] as const;

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale as never);
  const [t, session] = await Promise.all([getTranslations("home"), getAuthSession()]);
  return (
    <>
      <section className="bg-gradient-to-br from-brand-700 via-brand-600 to-brand-500 text-white">
        <div className="mx-auto max-w-7xl px-4 py-16 sm:px-6 sm:py-24">
          {session && <p className="mb-3 font-medium text-brand-100">{t("welcomeBack", { name: session.user.name })}</p>}
          <h1 className="max-w-2xl text-4xl font-bold sm:text-5xl">{t("heroTitle")}</h1>
          <p className="mt-4 max-w-xl text-lg text-brand-50">{t("heroBody")}</p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link href="/" className={buttonClasses({ variant: "secondary", size: "lg" })}>
              {t("heroCta")}
            </Link>
            <Link href="/seller" className={buttonClasses({ variant: "ghost", size: "lg", className: "text-white hover:bg-white/10" })}>
              {t("sellCta")}
            </Link>
          </div>
        </div>
      </section>
      <section className="mx-auto max-w-7xl px-4 py-12 sm:px-6" aria-labelledby="features-title">
        <h2 id="features-title" className="text-2xl font-semibold">{t("featuresTitle")}</h2>
        <ul className="mt-6 grid gap-6 sm:grid-cols-3">
          {FEATURES.map((f) => (
            <li key={f.key} className="rounded-xl border border-neutral-200 bg-white p-6 shadow-sm">
              <svg aria-hidden="true" viewBox="0 0 24 24" className="size-8 text-brand-600" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
                <path d={f.icon} />
              </svg>
              <h3 className="mt-4 font-semibold">{t(`feature${f.key}Title`)}</h3>
              <p className="mt-2 text-sm text-neutral-600">{t(`feature${f.key}Body`)}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
