// A row of category links as chips (a category's subcategories; the top categories when a search
// finds nothing). Scrolls sideways on phones, wraps from sm up.
import { Link } from "@/lib/i18n/navigation";
import { cn } from "@/components/ui";

export function CategoryChips({ categories, className }: { categories: readonly { slug: string; name: string }[]; className?: string }) {
  return (
    <ul className={cn("flex gap-2 overflow-x-auto pb-1 sm:flex-wrap", className)}>
      {categories.map((c) => (
        <li key={c.slug} className="shrink-0">
          <Link href={`/c/${c.slug}`} className="inline-flex min-h-9 items-center rounded-full border border-neutral-300 bg-white px-3.5 text-sm font-medium text-neutral-800 hover:border-brand-600 hover:text-brand-700">
            {c.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
