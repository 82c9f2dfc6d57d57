import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CartLineControls } from "@/components/cart/cart-line-controls";
import { CartNotices } from "@/components/cart/cart-notices";
import { CartThumb } from "@/components/cart/cart-thumb";
import { ClearCartButton } from "@/components/cart/clear-cart-button";
import { Alert, Badge, buttonClasses, Card, CardBody, CardHeader, CardTitle, cn, EmptyState, PageHeader } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { formatMoney } from "@/lib/money";
import type { CartLineView, Money } from "@/server/modules/cart";
import { getServerCaller } from "@/server/trpc/server";
import { knownLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "cart" });
  return { title: t("title"), robots: { index: false } };
}

function MoneyList({ amounts, locale }: { amounts: Money[]; locale: string }) {
  return (
    <span className="flex flex-col items-end">
      {amounts.map((m) => (
        <span key={m.currency} className="tabular-nums">{formatMoney(m.amount, m.currency, locale)}</span>
      ))}
    </span>
  );
}

async function CartLine({ line, locale }: { line: CartLineView; locale: string }) {
  const t = await getTranslations("cart");
  const flagged = line.notices.length > 0;
  return (
    <li className={cn("flex gap-4 py-4", flagged && "-mx-2 rounded-lg bg-warning-50/40 px-2")} data-testid="cart-line">
      <CartThumb image={line.image} className="size-20 sm:size-24" />
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
          <div className="min-w-0">
            {line.productSlug ? (
              <Link href={`/p/${line.productSlug}`} className="font-medium text-neutral-900 hover:underline">
                <bdi>{line.title}</bdi>
              </Link>
            ) : (
              <span className="font-medium text-neutral-600">{t("notice.unavailable")}</span>
            )}
            {line.optionText ? <p className="text-sm text-neutral-600"><bdi>{line.optionText}</bdi></p> : null}
            {line.currency ? <p className="text-sm text-neutral-600">{t("each", { price: formatMoney(line.unitPrice, line.currency, locale) })}</p> : null}
          </div>
          {line.currency ? (
            <div className="text-end">
              <p className={cn("font-semibold tabular-nums", !line.purchasable && !line.savedForLater && "text-neutral-500 line-through")}>
                {formatMoney(line.lineTotal, line.currency, locale)}
              </p>
              {!line.purchasable && !line.savedForLater ? <Badge tone="warning" className="mt-1">{t("excluded")}</Badge> : null}
            </div>
          ) : null}
        </div>
        <CartNotices notices={line.notices} currency={line.currency} locale={locale} />
        <div className="mt-2">
          <CartLineControls lineId={line.id} title={line.title} quantity={line.quantity} max={line.maxQuantity} savedForLater={line.savedForLater} />
        </div>
      </div>
    </li>
  );
}

export default async function CartPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(knownLocale(locale));
  const t = await getTranslations("cart");
  const cart = await (await getServerCaller()).cart.get();
  const empty = cart.groups.length === 0 && cart.saved.length === 0;

  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
      <PageHeader title={t("title")} description={cart.itemCount > 0 ? t("items", { count: cart.itemCount }) : undefined} className="mb-6" />
      {empty ? (
        <Card>
          <EmptyState
            title={t("emptyTitle")}
            description={t("emptyBody")}
            icon={
              <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
                <path d="M3 4h2l2.4 10.2a1 1 0 0 0 1 .8h8.7a1 1 0 0 0 1-.8L20 8H6.2M9 20h.01M17 20h.01" />
              </svg>
            }
            action={<Link href="/" className={buttonClasses({})}>{t("continueShopping")}</Link>}
          />
        </Card>
      ) : (
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="flex min-w-0 flex-col gap-6 lg:col-span-2">
            {cart.noticeCount > 0 ? (
              <Alert tone="warning" title={t("noticeTitle")} data-testid="cart-notice-summary">
                {t("noticeBody", { count: cart.noticeCount })}
              </Alert>
            ) : null}
            {cart.groups.map((group) => (
              <Card key={group.vendor.id || "gone"} data-testid="cart-group">
                <CardHeader>
                  <CardTitle>
                    {group.vendor.name ? t("soldBy", { shop: group.vendor.name }) : t("unknownShop")}
                  </CardTitle>
                </CardHeader>
                <CardBody className="pt-0">
                  <ul className="divide-y divide-neutral-200">
                    {group.lines.map((line) => <CartLine key={line.id} line={line} locale={locale} />)}
                  </ul>
                  {group.subtotals.length > 0 ? (
                    <div className="mt-2 flex items-start justify-between border-t border-neutral-200 pt-4 text-sm">
                      <span className="font-medium">{t("shopSubtotal")}</span>
                      <span className="font-semibold"><MoneyList amounts={group.subtotals} locale={locale} /></span>
                    </div>
                  ) : null}
                </CardBody>
              </Card>
            ))}
            {cart.saved.length > 0 ? (
              <section aria-labelledby="saved-title">
                <h2 id="saved-title" className="text-lg font-semibold">{t("savedTitle")}</h2>
                <p className="mb-3 text-sm text-neutral-600">{t("savedBody")}</p>
                <Card>
                  <CardBody className="py-0">
                    <ul className="divide-y divide-neutral-200">
                      {cart.saved.map((line) => <CartLine key={line.id} line={line} locale={locale} />)}
                    </ul>
                  </CardBody>
                </Card>
              </section>
            ) : null}
          </div>
          <aside aria-labelledby="summary-title" className="lg:sticky lg:top-24 lg:h-fit">
            <Card>
              <CardHeader>
                <CardTitle id="summary-title">{t("summary")}</CardTitle>
              </CardHeader>
              <CardBody className="flex flex-col gap-4 pt-0">
                <div className="flex items-start justify-between text-base">
                  <span className="font-medium">{t("total")}</span>
                  <span className="text-lg font-bold" data-testid="cart-total">
                    {cart.totals.length > 0 ? <MoneyList amounts={cart.totals} locale={locale} /> : "—"}
                  </span>
                </div>
                <p className="text-sm text-neutral-600">{t("taxNote")}</p>
                {cart.totals.length > 0 ? (
                  <Link href="/checkout" className={buttonClasses({ size: "lg", className: "w-full" })}>
                    {t("checkout")}
                  </Link>
                ) : (
                  <Alert tone="neutral">{t("nothingToBuy")}</Alert>
                )}
                {cart.groups.length > 0 ? <div className="flex justify-center"><ClearCartButton /></div> : null}
              </CardBody>
            </Card>
          </aside>
        </div>
      )}
    </div>
  );
}
