// The shop selling a product: name, link to its page, and whether it takes orders now.
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { ProductImage, type ImageRef } from "./product-image";

export interface VendorSummary {
  name: string;
  slug: string;
  acceptingOrders: boolean;
  logo: ImageRef | null;
}

export async function VendorCard({ vendor }: { vendor: VendorSummary }) {
  const t = await getTranslations("storefront.vendor");
  return (
    <section aria-labelledby="vendor-card-title" className="rounded-xl border border-neutral-200 bg-white p-4" data-testid="vendor-card">
      <div className="flex items-center gap-3">
        <ProductImage image={vendor.logo} alt="" sizes="48px" cover fallbackText={Array.from(vendor.name)[0]?.toUpperCase()} className="size-12 shrink-0 rounded-full border border-neutral-200 text-lg" />
        <div className="min-w-0">
          <p className="text-xs text-neutral-600">{t("soldBy")}</p>
          <h2 id="vendor-card-title" className="truncate font-semibold text-neutral-900">{vendor.name}</h2>
        </div>
        <Link href={`/shop/${vendor.slug}`} className="ms-auto shrink-0 text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          {t("visitShop")}
        </Link>
      </div>
      {!vendor.acceptingOrders && (
        <Alert tone="warning" className="mt-3">{t("paused")}</Alert>
      )}
    </section>
  );
}
