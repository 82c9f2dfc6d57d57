import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CartThumb } from "@/components/cart/cart-thumb";
import { WishlistItemActions } from "@/components/cart/wishlist-item-actions";
import { Badge, buttonClasses, Card, EmptyState } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import { requireSession } from "@/server/guards";
import { getServerCaller } from "@/server/trpc/server";
import { knownLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: knownLocale(locale), namespace: "wishlist" });
  return { title: t("title"), robots: { index: false } };
}

export default async function WishlistPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(knownLocale(locale));
  await requireSession("/account/wishlist");
  const [t, entries] = await Promise.all([getTranslations("wishlist"), getServerCaller().then((c) => c.wishlist.list())]);

  return (
    <section aria-labelledby="wishlist-title">
      <h2 id="wishlist-title" className="text-xl font-semibold">{t("title")}</h2>
      <p className="mb-4 text-sm text-neutral-600">{t("description")}</p>
      {entries.length === 0 ? (
        <Card>
          <EmptyState
            title={t("emptyTitle")}
            description={t("emptyBody")}
            headingLevel="h3"
            action={<Link href="/" className={buttonClasses({})}>{t("browse")}</Link>}
          />
        </Card>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2" data-testid="wishlist">
          {entries.map((e) => {
            const price = formatMoney(e.minPrice, e.currency, locale);
            const status = !e.available ? "unavailable" : !e.vendor.acceptingOrders ? "shopPaused" : !e.inStock ? "outOfStock" : null;
            return (
              <li key={e.productId}>
                <Card className="flex h-full gap-4 p-4">
                  <CartThumb image={e.image} className="size-24" />
                  <div className="flex min-w-0 flex-1 flex-col gap-1">
                    {e.available ? (
                      <Link href={`/p/${e.slug}`} className="font-medium hover:underline"><bdi>{e.title}</bdi></Link>
                    ) : (
                      <span className="font-medium text-neutral-600"><bdi>{e.title}</bdi></span>
                    )}
                    <p className="text-sm text-neutral-600">{t("soldBy", { shop: e.vendor.name })}</p>
                    <p className="font-semibold tabular-nums">{e.minPrice === e.maxPrice ? price : t("priceFrom", { price })}</p>
                    {status ? <Badge tone="warning" className="w-fit">{t(status)}</Badge> : null}
                    <div className="mt-auto pt-2">
                      <WishlistItemActions
                        productId={e.productId}
                        slug={e.slug}
                        title={e.title}
                        canMove={status === null && e.singleVariantId !== null}
                        needsOptions={status === null && e.singleVariantId === null}
                      />
                    </div>
                  </div>
                </Card>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
