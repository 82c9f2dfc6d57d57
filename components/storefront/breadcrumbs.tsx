// Where a page sits in the catalog; the last crumb is the current page (not a link).
import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

export interface Crumb {
  name: string;
  href?: string;
}

export async function Breadcrumbs({ items }: { items: Crumb[] }) {
  const t = await getTranslations("storefront");
  const all: Crumb[] = [{ name: t("breadcrumbs.home"), href: "/" }, ...items];
  return (
    <nav aria-label={t("breadcrumbs.label")} className="text-sm text-neutral-600">
      <ol className="flex flex-wrap items-center gap-x-1.5 gap-y-1">
        {all.map((crumb, i) => {
          const last = i === all.length - 1;
          return (
            <li key={`${crumb.name}-${i}`} className="flex items-center gap-1.5">
              {crumb.href && !last ? (
                <Link href={crumb.href} className="rounded-sm underline-offset-2 hover:text-neutral-900 hover:underline">{crumb.name}</Link>
              ) : (
                <span aria-current={last ? "page" : undefined} className={last ? "font-medium text-neutral-900" : undefined}>{crumb.name}</span>
              )}
              {!last && (
                <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 text-neutral-400 rtl:-scale-x-100" fill="currentColor">
                  <path fillRule="evenodd" d="M7.2 14.8a.75.75 0 0 1 0-1.06L10.94 10 7.2 6.26a.75.75 0 1 1 1.06-1.06l4.27 4.27a.75.75 0 0 1 0 1.06L8.26 14.8a.75.75 0 0 1-1.06 0Z" clipRule="evenodd" />
                </svg>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
