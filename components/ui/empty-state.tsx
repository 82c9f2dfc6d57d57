import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export type EmptyStateProps = Omit<ComponentProps<"div">, "title"> & {
  /** Decorative icon (mark your SVG aria-hidden). */
  icon?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  /** Call to action (Button / link styled with buttonClasses). */
  action?: ReactNode;
  /** Heading level for the title. Default h2. */
  headingLevel?: "h2" | "h3" | "h4";
};

/** Centered placeholder for empty lists, search with no results, etc. */
export function EmptyState({ icon, title, description, action, headingLevel: Heading = "h2", className, ...props }: EmptyStateProps) {
  return (
    <div className={cn("flex flex-col items-center justify-center px-6 py-12 text-center", className)} {...props}>
      {icon != null ? (
        <div className="mb-4 flex size-12 items-center justify-center rounded-full bg-neutral-100 text-neutral-600 [&_svg]:size-6" aria-hidden="true">
          {icon}
        </div>
      ) : null}
      <Heading className="text-base font-semibold text-neutral-900">{title}</Heading>
      {description != null ? <p className="mt-1 max-w-md text-sm text-neutral-600">{description}</p> : null}
      {action != null ? <div className="mt-6 flex flex-wrap justify-center gap-2">{action}</div> : null}
    </div>
  );
}
