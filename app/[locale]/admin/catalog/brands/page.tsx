import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { BrandsManager } from "@/components/admin/catalog/brands-manager";
import { Button, buttonClasses, Card, CursorPager, Field, Input, PageHeader } from "@/components/ui";
import { getPathname, Link } from "@/lib/i18n/navigation";
import { isLocale, routing } from "@/lib/i18n/routing";
import { cursorValue, queryValue, type SearchParams } from "@/lib/search-params";
import { requireStaff } from "@/server/guards";
import { getServerCaller } from "@/server/trpc/server";

const PAGE_SIZE = 50;

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "adminCatalog" });
  return { title: t("brandsTitle") };
}

export default async function BrandsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> }) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : routing.defaultLocale;
  setRequestLocale(locale);
  const sp = await searchParams;
  const q = queryValue(sp, "q", 100);
  const cursor = cursorValue(sp);
  const search = new URLSearchParams({ ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) }).toString();
  await requireStaff(`/admin/catalog/brands${search ? `?${search}` : ""}`, "catalog.manage");
  const [t, tc, caller] = await Promise.all([getTranslations("adminCatalog"), getTranslations("common"), getServerCaller()]);
  const page = await caller.catalog.listBrands({ query: q || undefined, cursor, limit: PAGE_SIZE });

  return (
    <>
      <PageHeader
        title={t("brandsTitle")}
        description={t("brandsDescription")}
        actions={
          <Link href="/admin/catalog/categories" className={buttonClasses({ variant: "secondary" })}>
            {t("categoriesTitle")}
          </Link>
        }
      />
      <Card className="mb-4 p-4">
        <form method="get" action={getPathname({ href: "/admin/catalog/brands", locale })} role="search" className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <Field id="brand-search" label={t("searchBrands")} className="sm:w-80">
            {(c) => <Input {...c} type="search" name="q" defaultValue={q} maxLength={100} autoComplete="off" />}
          </Field>
          <div className="flex gap-2 sm:mb-0">
            <Button type="submit" variant="secondary">
              {tc("search")}
            </Button>
            {q ? (
              <Link href="/admin/catalog/brands" className={buttonClasses({ variant: "ghost" })}>
                {tc("reset")}
              </Link>
            ) : null}
          </div>
        </form>
      </Card>
      <BrandsManager brands={page.brands.map((b) => ({ id: b.id, name: b.name, slug: b.slug, productCount: b.productCount }))} searching={q !== ""} />
      <CursorPager pathname="/admin/catalog/brands" query={q ? { q } : {}} cursor={cursor} nextCursor={page.nextCursor}
        label={t("pagination")} firstLabel={t("firstPage")} nextLabel={tc("next")} />
    </>
  );
}
