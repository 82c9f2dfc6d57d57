"use client";

import type { ReactNode } from "react";
import { cn } from "@/components/ui";
import { Link, usePathname } from "@/lib/i18n/navigation";

/** A console navigation link that marks itself as the current page (aria-current). */
export function ConsoleNavLink({ href, exact = false, children }: { href: string; exact?: boolean; children: ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || (!exact && pathname.startsWith(`${href}/`));
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={cn(
        "flex items-center gap-1.5 rounded-lg px-2.5 py-2 text-sm lg:gap-2 lg:px-3 font-medium whitespace-nowrap transition-colors",
        current ? "bg-brand-50 text-brand-800" : "text-neutral-700 hover:bg-neutral-100 hover:text-neutral-900",
      )}
    >
      {children}
    </Link>
  );
}
