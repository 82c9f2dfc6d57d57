// Page links of a listing; every filter stays in the URL.
import { getTranslations } from "next-intl/server";
import { buttonClasses, cn } from "@/components/ui";
import { browseQuery, type AnyBrowseState } from "@/lib/storefront/browse-params";
import { pageWindow } from "@/lib/storefront/page-window";
import { Link } from "@/lib/i18n/navigation";

export async function Pagination({ pathname, state, pageCount, locale }: { pathname: string; state: AnyBrowseState; pageCount: number; locale: string }) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("storefront.pagination");
  const nf = new Intl.NumberFormat(locale);
  const href = (page: number) => ({ pathname, query: browseQuery(state, { page }) });
  const page = state.page;
  const arrow = "size-4 rtl:-scale-x-100";
  return (
    <nav aria-label={t("label")} className="mt-8 flex flex-wrap items-center justify-center gap-1">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className={buttonClasses({ variant: "ghost", size: "sm" })}>
          <svg aria-hidden="true" viewBox="0 0 20 20" className={arrow} fill="currentColor"><path d="M12.8 5.2a.75.75 0 0 1 0 1.06L9.06 10l3.74 3.74a.75.75 0 1 1-1.06 1.06l-4.27-4.27a.75.75 0 0 1 0-1.06L11.74 5.2a.75.75 0 0 1 1.06 0Z" /></svg>
          {t("previous")}
        </Link>
      ) : null}
      <ul className="flex flex-wrap items-center gap-1">
        {pageWindow(page, pageCount).map((p, i) => (
          <li key={p ?? `gap-${i}`}>
            {p === null ? (
              <span aria-hidden="true" className="px-2 text-neutral-500">…</span>
            ) : (
              <Link
                href={href(p)}
                aria-current={p === page ? "page" : undefined}
                aria-label={t("page", { page: p })}
                className={cn(buttonClasses({ variant: p === page ? "primary" : "ghost", size: "sm" }), "min-w-9")}
              >
                {nf.format(p)}
              </Link>
            )}
          </li>
        ))}
      </ul>
      {page < pageCount ? (
        <Link href={href(page + 1)} rel="next" className={buttonClasses({ variant: "ghost", size: "sm" })}>
          {t("next")}
          <svg aria-hidden="true" viewBox="0 0 20 20" className={arrow} fill="currentColor"><path d="M7.2 14.8a.75.75 0 0 1 0-1.06L10.94 10 7.2 6.26a.75.75 0 1 1 1.06-1.06l4.27 4.27a.75.75 0 0 1 0 1.06L8.26 14.8a.75.75 0 0 1-1.06 0Z" /></svg>
        </Link>
      ) : null}
    </nav>
  );
}
