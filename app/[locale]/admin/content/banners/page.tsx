import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { BannerRowActions } from "@/components/admin/content/banner-row-actions";
import { MediaImage } from "@/components/media/media-image";
import { Badge, buttonClasses, Card, EmptyState, PageHeader, Table, TBody, TD, TH, THead, TR, type Tone } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { isLocale, localeNames, routing, type Locale } from "@/lib/i18n/routing";
import { mediaSrc } from "@/lib/media/sizes";
import { requireStaff } from "@/server/guards";
import { BANNER_PLACEMENTS, bannerState, type BannerState } from "@/server/modules/content/content.schema";
import { getServerCaller } from "@/server/trpc/server";

const STATE_TONE: Record<BannerState, Tone> = { live: "success", scheduled: "info", expired: "neutral", inactive: "warning" };

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "adminContent" });
  return { title: t("title") };
}

export default async function BannersPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : routing.defaultLocale;
  setRequestLocale(locale);
  await requireStaff("/admin/content/banners", "content.manage");
  const [t, format, caller] = await Promise.all([getTranslations("adminContent"), getFormatter(), getServerCaller()]);
  const banners = await caller.content.listBanners({ locale });
  const now = new Date();
  // Times are entered and shown in UTC, so every staff member reads the same schedule.
  const when = (d: Date) => t("utcTime", { time: format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) });
  const newLink = (
    <Link href="/admin/content/banners/new" className={buttonClasses()}>
      {t("newBanner")}
    </Link>
  );

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={newLink} />
      {banners.length === 0 ? (
        <Card>
          <EmptyState title={t("empty")} description={t("emptyBody")} action={newLink} />
        </Card>
      ) : (
        <div className="flex flex-col gap-8">
          {BANNER_PLACEMENTS.map((placement) => {
            const group = banners.filter((b) => b.placement === placement);
            const order = group.map((b) => b.id);
            return (
              <section key={placement} aria-labelledby={`placement-${placement}`}>
                <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
                  <h2 id={`placement-${placement}`} className="text-lg font-semibold">
                    {t(`placement.${placement}`)}
                  </h2>
                  <p className="text-sm text-neutral-600">{t(`placementHint.${placement}`)}</p>
                </div>
                <Table caption={t(`placement.${placement}`)} data-testid={`banners-${placement}`}>
                  <THead>
                    <TR>
                      <TH className="w-28">
                        <span className="sr-only">{t("image")}</span>
                      </TH>
                      <TH>{t("banner")}</TH>
                      <TH>{t("audience")}</TH>
                      <TH>{t("schedule")}</TH>
                      <TH>{t("state")}</TH>
                      <TH className="text-end">{t("actions")}</TH>
                    </TR>
                  </THead>
                  <TBody>
                    {group.length === 0 ? (
                      <TR>
                        <TD colSpan={6} className="py-6 text-center text-neutral-600">
                          {t("emptyPlacement")}
                        </TD>
                      </TR>
                    ) : (
                      group.map((b, i) => {
                        const state = bannerState(b, now);
                        return (
                          <TR key={b.id} className="hover:bg-neutral-50" data-testid="banner-row">
                            <TD>
                              <MediaImage
                                src={mediaSrc(b.image.storageKey)}
                                alt=""
                                width={b.image.width}
                                height={b.image.height}
                                placeholder={b.image.placeholder}
                                sizes="160px"
                                className="aspect-[8/3] w-24 rounded-md object-cover ring-1 ring-neutral-200"
                              />
                            </TD>
                            <TD className="max-w-80 min-w-48">
                              <Link href={`/admin/content/banners/${b.id}`} className="font-medium text-brand-700 hover:underline" dir="auto">
                                {b.title}
                              </Link>
                              {b.subtitle ? (
                                <p className="line-clamp-1 text-sm text-neutral-600" dir="auto">
                                  {b.subtitle}
                                </p>
                              ) : null}
                              <p className="mt-0.5 truncate font-mono text-xs text-neutral-600" dir="ltr">
                                {b.linkUrl}
                              </p>
                            </TD>
                            <TD className="min-w-36 text-sm">
                              {b.category ? <p className="mb-1 font-medium">{t("inCategory", { name: b.category.name })}</p> : null}
                              {b.locales.length === 0 ? (
                                <span className="text-neutral-700">{t("allLocales")}</span>
                              ) : (
                                <ul className="flex flex-wrap gap-1" aria-label={t("locales")}>
                                  {b.locales.map((l) => (
                                    <li key={l}>
                                      <Badge lang={l}>{localeNames[l as Locale] ?? l}</Badge>
                                    </li>
                                  ))}
                                </ul>
                              )}
                            </TD>
                            <TD className="min-w-44 text-sm">
                              <p>
                                <span className="text-neutral-600">{t("from")}</span> {b.startsAt ? <time dateTime={b.startsAt.toISOString()}>{when(b.startsAt)}</time> : t("now")}
                              </p>
                              <p>
                                <span className="text-neutral-600">{t("until")}</span> {b.endsAt ? <time dateTime={b.endsAt.toISOString()}>{when(b.endsAt)}</time> : t("noEnd")}
                              </p>
                            </TD>
                            <TD>
                              <Badge tone={STATE_TONE[state]}>{t(`bannerState.${state}`)}</Badge>
                            </TD>
                            <TD>
                              <BannerRowActions placement={placement} order={order} index={i} bannerId={b.id} title={b.title} active={b.active} />
                            </TD>
                          </TR>
                        );
                      })
                    )}
                  </TBody>
                </Table>
              </section>
            );
          })}
        </div>
      )}
    </>
  );
}
