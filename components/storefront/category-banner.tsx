// The banner at the top of a category page: the first live CATEGORY_TOP banner of the category
// or of one of its ancestors.
import { getTranslations } from "next-intl/server";
import { isLocale, routing } from "@/lib/i18n/routing";
import { getServerCaller } from "@/server/trpc/server";
import { CategoryStrip, toBannerView } from "./banner-slide";

export async function CategoryBanner({ locale, categoryId }: { locale: string; categoryId: string }) {
  const l = isLocale(locale) ? locale : routing.defaultLocale;
  const caller = await getServerCaller();
  const [banners, t] = await Promise.all([
    caller.content.liveBanners({ placement: "CATEGORY_TOP", locale: l, categoryId, limit: 1 }),
    getTranslations({ locale: l, namespace: "storefrontBanners" }),
  ]);
  const banner = banners[0];
  if (!banner) return null;
  return (
    <section aria-label={t("categoryPromotion")} className="mb-6" data-testid="category-banner">
      <CategoryStrip banner={toBannerView(banner)} cta={t("discover")} />
    </section>
  );
}
