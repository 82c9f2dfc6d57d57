// The links inside the header's category menu: each top-level category with its children.
import { Link } from "@/lib/i18n/navigation";

export interface MenuCategory {
  slug: string;
  name: string;
  children: { slug: string; name: string }[];
}

export function CategoryMenuPanel({ categories, label, allLabel }: { categories: MenuCategory[]; label: string; allLabel: (name: string) => string }) {
  return (
    <nav aria-label={label} className="mx-auto max-w-7xl px-4 py-5 sm:px-6">
      <ul className="grid gap-x-6 gap-y-5 sm:grid-cols-2 lg:grid-cols-4">
        {categories.map((top) => (
          <li key={top.slug}>
            <Link href={`/c/${top.slug}`} className="font-semibold text-neutral-900 underline-offset-2 hover:text-brand-700 hover:underline">
              {top.name}
            </Link>
            {top.children.length > 0 && (
              <ul className="mt-2 flex flex-col gap-1.5 text-sm">
                {top.children.map((child) => (
                  <li key={child.slug}>
                    <Link href={`/c/${child.slug}`} className="text-neutral-700 underline-offset-2 hover:text-brand-700 hover:underline">{child.name}</Link>
                  </li>
                ))}
                <li>
                  <Link href={`/c/${top.slug}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">{allLabel(top.name)}</Link>
                </li>
              </ul>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
