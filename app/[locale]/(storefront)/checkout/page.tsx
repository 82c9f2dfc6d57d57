import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CheckoutChanges } from "@/components/checkout/checkout-changes";
import { CheckoutForm } from "@/components/checkout/checkout-form";
import { Alert, buttonClasses, Card, EmptyState, PageHeader } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { knownLocale, pageLocale } from "@/lib/i18n/page-locale";
import { requireSession } from "@/server/guards";
import { getServerCaller } from "@/server/trpc/server";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: knownLocale(locale), namespace: "checkout" });
  return { title: t("title"), robots: { index: false } };
}

export default async function CheckoutPage({ params }: Props) {
  const locale = await pageLocale(params);
  setRequestLocale(locale);
  await requireSession("/checkout");
  const [t, te, caller] = await Promise.all([getTranslations("checkout"), getTranslations("errors"), getServerCaller()]);
  // The cart read first: it merges a guest cart brought along at sign-in and acknowledges what
  // changed (shown once, below); then the preview prices what can be bought now.
  const cart = await caller.cart.get();
  const addresses = await caller.addresses.list();
  const defaultAddress = addresses.find((a) => a.isDefault) ?? addresses[0];
  let preview;
  try {
    preview = await caller.checkout.preview({ addressId: defaultAddress?.id, shipping: {}, locale });
  } catch (error) {
    if (!(error instanceof TRPCError) || error.code !== "BAD_REQUEST") throw error;
    return (
      <div className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
        <PageHeader title={t("title")} className="mb-6" />
        <Alert tone="danger" action={<Link href="/cart" className={buttonClasses({ variant: "secondary", size: "sm" })}>{t("backToCart")}</Link>}>
          {te.has(error.message as never) ? te(error.message as never) : te("internal")}
        </Alert>
      </div>
    );
  }

  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
      <PageHeader title={t("title")} description={t("description")} className="mb-6" />
      <div className="mb-6 empty:hidden"><CheckoutChanges cart={cart} locale={locale} /></div>
      {preview.groups.length === 0 ? (
        <Card>
          <EmptyState
            title={t("emptyTitle")}
            description={t("emptyBody")}
            action={
              <div className="flex flex-wrap justify-center gap-3">
                <Link href="/cart" className={buttonClasses({ variant: "secondary" })}>{t("backToCart")}</Link>
                <Link href="/" className={buttonClasses({})}>{t("continueShopping")}</Link>
              </div>
            }
          />
        </Card>
      ) : (
        <CheckoutForm
          initial={preview}
          addresses={addresses.map((a) => ({
            id: a.id, fullName: a.fullName, line1: a.line1, line2: a.line2, city: a.city, region: a.region,
            postalCode: a.postalCode, countryCode: a.countryCode, phone: a.phone, isDefault: a.isDefault,
          }))}
        />
      )}
    </div>
  );
}
