import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ModerationActions } from "@/components/admin/moderation/moderation-actions";
import { MediaImage } from "@/components/media/media-image";
import { Badge, Button, buttonClasses, Card, CursorPager, Field, Input, PageHeader, Table, TBody, TD, TH, THead, TR, type Tone } from "@/components/ui";
import { getPathname, Link } from "@/lib/i18n/navigation";
import { isLocale, routing } from "@/lib/i18n/routing";
import { mediaSrc } from "@/lib/media/sizes";
import { formatMoney } from "@/lib/money";
import { cursorValue, queryValue, type SearchParams } from "@/lib/search-params";
import { requireStaff } from "@/server/guards";
import { getServerCaller } from "@/server/trpc/server";

const PAGE_SIZE = 25;
const STATES = ["PENDING", "APPROVED", "REJECTED", "BANNED", "ALL"] as const;
type StateFilter = (typeof STATES)[number];

const MODERATION_TONE: Record<string, Tone> = { PENDING: "warning", APPROVED: "success", REJECTED: "danger", BANNED: "danger" };
const STATUS_TONE: Record<string, Tone> = { DRAFT: "neutral", ACTIVE: "info", ARCHIVED: "neutral" };

function readFilters(params: SearchParams) {
  const raw = queryValue(params, "state", 10).toUpperCase();
  const state: StateFilter = (STATES as readonly string[]).includes(raw) ? (raw as StateFilter) : "PENDING";
  const q = queryValue(params, "q", 100);
  return { state, q, cursor: cursorValue(params) };
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "adminModeration" });
  return { title: t("title") };
}

export default async function ModerationPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> }) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : routing.defaultLocale;
  setRequestLocale(locale);
  const { state, q, cursor } = readFilters(await searchParams);
  const query: Record<string, string> = { ...(state !== "PENDING" ? { state: state.toLowerCase() } : {}), ...(q ? { q } : {}) };
  const search = new URLSearchParams({ ...query, ...(cursor ? { cursor } : {}) }).toString();
  await requireStaff(`/admin/moderation${search ? `?${search}` : ""}`, "catalog.moderate");
  const [t, caller] = await Promise.all([getTranslations("adminModeration"), getServerCaller()]);
  const page = await caller.products.listForModeration({ moderation: state === "ALL" ? undefined : state, query: q || undefined, cursor, limit: PAGE_SIZE });

  // Each amount is a bidi isolate, so "US$ 12.50" stays whole inside a right-to-left range.
  const money = (minor: number, currency: string) => `\u2068${formatMoney(minor, currency, locale)}\u2069`;
  const price = (min: number, max: number, currency: string) =>
    min === max ? money(min, currency) : t("priceRange", { min: money(min, currency), max: money(max, currency) });

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />

      <nav aria-label={t("states")} className="mb-4 overflow-x-auto">
        <ul className="flex gap-1 border-b border-neutral-200">
          {STATES.map((s) => {
            const current = s === state;
            const stateQuery = { ...(s !== "PENDING" ? { state: s.toLowerCase() } : {}), ...(q ? { q } : {}) };
            return (
              <li key={s} className="shrink-0">
                <Link
                  href={{ pathname: "/admin/moderation", query: stateQuery }}
                  aria-current={current ? "page" : undefined}
                  className={
                    "-mb-px inline-flex min-h-10 items-center border-b-2 px-3 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-600 " +
                    (current ? "border-brand-600 text-brand-800" : "border-transparent text-neutral-700 hover:border-neutral-300 hover:text-neutral-900")
                  }
                >
                  {t(`state.${s}`)}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <Card className="mb-6 p-4">
        <form method="get" action={getPathname({ href: "/admin/moderation", locale })} role="search" className="flex flex-wrap items-end gap-3">
          {state !== "PENDING" && <input type="hidden" name="state" value={state.toLowerCase()} />}
          <Field id="moderation-q" label={t("search")} className="min-w-56 flex-1">
            {(c) => <Input {...c} type="search" name="q" defaultValue={q} maxLength={100} autoComplete="off" placeholder={t("searchPlaceholder")} />}
          </Field>
          <Button type="submit">{t("apply")}</Button>
          {q && (
            <Link href={{ pathname: "/admin/moderation", query: state !== "PENDING" ? { state: state.toLowerCase() } : {} }} className={buttonClasses({ variant: "ghost" })}>
              {t("clear")}
            </Link>
          )}
        </form>
      </Card>

      <Table caption={t("tableCaption", { state: t(`state.${state}`) })} data-testid="moderation-table">
        <THead>
          <TR>
            <TH className="w-16">
              <span className="sr-only">{t("image")}</span>
            </TH>
            <TH>{t("product")}</TH>
            <TH>{t("shop")}</TH>
            <TH>{t("price")}</TH>
            <TH>{t("moderation")}</TH>
            <TH className="text-end">{t("actions")}</TH>
          </TR>
        </THead>
        <TBody>
          {page.items.length === 0 ? (
            <TR>
              <TD colSpan={6} className="py-10 text-center text-neutral-600">
                {q ? t("emptySearch") : t("empty")}
              </TD>
            </TR>
          ) : (
            page.items.map((item) => (
              <TR key={item.id} className="hover:bg-neutral-50" data-testid="moderation-row">
                <TD>
                  {item.image ? (
                    <MediaImage
                      src={mediaSrc(item.image.storageKey)}
                      alt=""
                      width={item.image.width}
                      height={item.image.height}
                      placeholder={item.image.placeholder}
                      sizes="48px"
                      className="size-12 rounded-md object-cover ring-1 ring-neutral-200"
                    />
                  ) : (
                    <span aria-hidden="true" className="block size-12 rounded-md bg-neutral-100 ring-1 ring-neutral-200" />
                  )}
                </TD>
                <TD className="max-w-72 min-w-48">
                  <Link href={`/p/${item.slug}`} target="_blank" rel="noopener" className="font-medium text-brand-700 hover:underline" dir="auto">
                    {item.title}
                    <span className="sr-only"> {t("opensStorefront")}</span>
                    {/* The word joiner keeps the icon on the title's last line. */}
                    <span aria-hidden="true" className="whitespace-nowrap">
                      {"\u2060"}
                      <svg viewBox="0 0 20 20" className="ms-1 inline size-3.5 align-baseline rtl:-scale-x-100" fill="none" stroke="currentColor" strokeWidth="1.8">
                        <path d="M11 4h5v5M16 4l-7 7M14 12v4H4V6h4" />
                      </svg>
                    </span>
                  </Link>
                  <p className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-neutral-600">
                    <Badge tone={STATUS_TONE[item.status] ?? "neutral"}>{t(`productStatus.${item.status}`)}</Badge>
                    {t("variants", { count: item.variantCount })}
                  </p>
                </TD>
                <TD className="min-w-32" dir="auto">
                  {item.vendor.name}
                </TD>
                <TD className="whitespace-nowrap tabular-nums">{price(item.minPrice, item.maxPrice, item.currency)}</TD>
                <TD className="max-w-64 min-w-36">
                  <Badge tone={MODERATION_TONE[item.moderation] ?? "neutral"}>{t(`state.${item.moderation}`)}</Badge>
                  {item.moderationReason ? (
                    <p className="mt-1 text-xs text-neutral-700">
                      <span className="font-medium">{t("reasonShort")}</span> <bdi>{item.moderationReason}</bdi>
                    </p>
                  ) : null}
                </TD>
                <TD>
                  <ModerationActions productId={item.id} title={item.title} moderation={item.moderation} />
                </TD>
              </TR>
            ))
          )}
        </TBody>
      </Table>

      <CursorPager pathname="/admin/moderation" query={query} cursor={cursor} nextCursor={page.nextCursor}
        label={t("pagination")} firstLabel={t("firstPage")} nextLabel={t("nextPage")} />
    </>
  );
}
