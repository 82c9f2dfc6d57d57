// The home page's banners: the live HOME_HERO banners as a carousel (the first slide is
// server-rendered with a preloaded image) and up to three HOME_STRIP posters below.
import { getTranslations } from "next-intl/server";
import { isLocale, routing } from "@/lib/i18n/routing";
import { getServerCaller } from "@/server/trpc/server";
import { BannerCarousel } from "./banner-carousel";
import { HeroSlide, PosterCard, toBannerView } from "./banner-slide";

export async function HomeHero({ locale }: { locale: string }) {
  const l = isLocale(locale) ? locale : routing.defaultLocale;
  const caller = await getServerCaller();
  const [heroes, posters, t] = await Promise.all([
    caller.content.liveBanners({ placement: "HOME_HERO", locale: l, limit: 6 }),
    caller.content.liveBanners({ placement: "HOME_STRIP", locale: l, limit: 3 }),
    getTranslations({ locale: l, namespace: "storefrontBanners" }),
  ]);
  if (heroes.length === 0 && posters.length === 0) return null;
  const count = heroes.length;

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4 px-4 pt-6 sm:gap-6 sm:px-6 sm:pt-8" data-testid="home-hero">
      {count === 1 ? (
        <section aria-label={t("featured")}>
          <HeroSlide banner={toBannerView(heroes[0]!)} cta={t("shopNow")} priority />
        </section>
      ) : count > 1 ? (
        <BannerCarousel
          labels={{
            region: t("featured"),
            previous: t("previous"),
            next: t("next"),
            pause: t("pause"),
            play: t("play"),
            slides: heroes.map((_, i) => t("slide", { index: i + 1, count })),
            goTo: heroes.map((h, i) => t("goTo", { index: i + 1, title: h.title })),
          }}
        >
          {heroes.map((h, i) => (
            <HeroSlide key={h.id} banner={toBannerView(h)} cta={t("shopNow")} priority={i === 0} />
          ))}
        </BannerCarousel>
      ) : null}
      {posters.length > 0 && (
        <section aria-label={t("promotions")}>
          <ul className="grid gap-4 sm:grid-cols-3">
            {posters.map((p) => (
              <li key={p.id}>
                <PosterCard banner={toBannerView(p)} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
