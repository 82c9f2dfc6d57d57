import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export type PageHeaderProps = Omit<ComponentProps<"header">, "title"> & {
  title: ReactNode;
  description?: ReactNode;
  /** Buttons/links at the inline end (wraps under the title on small screens). */
  actions?: ReactNode;
  /** Breadcrumb <nav aria-label=...> rendered above the title. */
  breadcrumbs?: ReactNode;
};

/** Page title block: renders the page's <h1>. */
export function PageHeader({ title, description, actions, breadcrumbs, className, ...props }: PageHeaderProps) {
  return (
    <header className={cn("mb-6 flex flex-col gap-3", className)} {...props}>
      {breadcrumbs != null ? <div className="text-sm text-neutral-600">{breadcrumbs}</div> : null}
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold text-neutral-900 sm:text-3xl">{title}</h1>
          {description != null ? <p className="mt-1 max-w-prose text-sm text-neutral-600 sm:text-base">{description}</p> : null}
        </div>
        {actions != null ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
    </header>
  );
}
