import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { cache } from "react";
import { AttributeEditor } from "@/components/admin/catalog/attribute-editor";
import { Badge, Card, CardBody, CardHeader, CardTitle, PageHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { isLocale, locales, routing } from "@/lib/i18n/routing";
import { requireStaff } from "@/server/guards";
import { getServerCaller } from "@/server/trpc/server";

type Params = Promise<{ locale: string; categoryId: string }>;

/** The category, or null when there is none by that id. */
const loadCategory = cache(async (categoryId: string) => {
  const caller = await getServerCaller();
  try {
    return await caller.catalog.getCategory({ categoryId });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return null;
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "adminCatalog" });
  return { title: t("categoryTitle") };
}

export default async function CategoryPage({ params }: { params: Params }) {
  const { locale: raw, categoryId } = await params;
  const locale = isLocale(raw) ? raw : routing.defaultLocale;
  setRequestLocale(locale);
  await requireStaff(`/admin/catalog/categories/${encodeURIComponent(categoryId)}`, "catalog.manage");
  const [t, category] = await Promise.all([getTranslations("adminCatalog"), loadCategory(categoryId)]);
  if (!category) notFound();
  const sourceName = new Map(category.breadcrumb.map((b) => [b.id, b]));
  const inherited = category.attributes.filter((a) => a.inherited);
  const own = category.attributes.filter((a) => !a.inherited);

  return (
    <>
      <PageHeader
        title={<bdi>{category.name}</bdi>}
        description={<code dir="ltr">{category.slug}</code>}
        breadcrumbs={
          <nav aria-label={t("breadcrumb")}>
            <ol className="flex flex-wrap items-center gap-1.5">
              <li>
                <Link href="/admin/catalog/categories" className="text-brand-700 hover:underline">
                  {t("categoriesTitle")}
                </Link>
              </li>
              {category.breadcrumb.map((b) => (
                <li key={b.id} className="flex items-center gap-1.5">
                  <span aria-hidden="true" className="rtl:rotate-180">›</span>
                  <Link href={`/admin/catalog/categories/${b.id}`} className="text-brand-700 hover:underline">
                    <bdi>{b.name}</bdi>
                  </Link>
                </li>
              ))}
              <li className="flex items-center gap-1.5">
                <span aria-hidden="true" className="rtl:rotate-180">›</span>
                <span aria-current="page"><bdi>{category.name}</bdi></span>
              </li>
            </ol>
          </nav>
        }
      />

      <div className="mb-8 grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle as="h2">{t("names")}</CardTitle>
          </CardHeader>
          <CardBody>
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
              {locales.map((l) => (
                <div key={l} className="contents">
                  <dt className="text-neutral-600">{t(`localeName.${l}`)}</dt>
                  <dd>{category.names[l] ? <bdi lang={l}>{category.names[l]}</bdi> : <span className="text-neutral-600">{t("notTranslated")}</span>}</dd>
                </div>
              ))}
            </dl>
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle as="h2">{t("subcategories")}</CardTitle>
          </CardHeader>
          <CardBody>
            {category.children.length === 0 ? (
              <p className="text-sm text-neutral-600">{t("noSubcategories")}</p>
            ) : (
              <ul className="flex flex-col gap-1 text-sm">
                {category.children.map((c) => (
                  <li key={c.id}>
                    <Link href={`/admin/catalog/categories/${c.id}`} className="text-brand-700 hover:underline">
                      <bdi>{c.name}</bdi>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </CardBody>
        </Card>
      </div>

      <section aria-labelledby="inherited-title" className="mb-8">
        <h2 id="inherited-title" className="mb-1 text-lg font-semibold">
          {t("inheritedAttributes")}
        </h2>
        <p className="mb-3 text-sm text-neutral-600">{t("inheritedBody")}</p>
        {inherited.length === 0 ? (
          <p className="rounded-xl border border-neutral-200 bg-white px-4 py-6 text-sm text-neutral-600">{t("noInherited")}</p>
        ) : (
          <Table caption={t("inheritedAttributes")} data-testid="inherited-attributes">
            <THead>
              <TR>
                <TH>{t("attributeName")}</TH>
                <TH>{t("code")}</TH>
                <TH>{t("type")}</TH>
                <TH>{t("definedIn")}</TH>
              </TR>
            </THead>
            <TBody>
              {inherited.map((a) => {
                const source = sourceName.get(a.categoryId);
                return (
                  <TR key={a.id}>
                    <TH scope="row" className="font-medium"><bdi>{a.name}</bdi></TH>
                    <TD><code dir="ltr" className="text-xs">{a.code}</code></TD>
                    <TD>
                      <div className="flex flex-wrap gap-1">
                        <Badge tone="brand">{t(`types.${a.type}`)}</Badge>
                        {a.unit ? <Badge>{t("unitIs", { unit: a.unit })}</Badge> : null}
                        {a.filterable ? <Badge tone="success">{t("filterable")}</Badge> : null}
                      </div>
                    </TD>
                    <TD>
                      {source ? (
                        <Link href={`/admin/catalog/categories/${source.id}`} className="text-brand-700 hover:underline">
                          <bdi>{source.name}</bdi>
                        </Link>
                      ) : null}
                    </TD>
                  </TR>
                );
              })}
            </TBody>
          </Table>
        )}
      </section>

      <AttributeEditor
        categoryId={category.id}
        attributes={own.map((a) => ({
          id: a.id, categoryId: a.categoryId, code: a.code, name: a.name, names: a.names, type: a.type, unit: a.unit, options: a.options, filterable: a.filterable,
        }))}
      />
    </>
  );
}
