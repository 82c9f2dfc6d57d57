import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export type CardProps = ComponentProps<"div">;

/** White surface with border + shadow-card. Compose with CardHeader / CardTitle / CardBody / CardFooter. */
export function Card({ className, ...props }: CardProps) {
  return <div className={cn("rounded-xl border border-neutral-200 bg-white text-neutral-900 shadow-card", className)} {...props} />;
}

export type CardHeaderProps = ComponentProps<"div"> & {
  /** Optional slot at the inline end of the header (buttons, badges). */
  actions?: ReactNode;
};

export function CardHeader({ className, actions, children, ...props }: CardHeaderProps) {
  return (
    <div className={cn("flex flex-wrap items-start justify-between gap-3 border-b border-neutral-200 px-5 py-4", className)} {...props}>
      <div className="min-w-0 flex-1">{children}</div>
      {actions != null ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
    </div>
  );
}

export type CardTitleProps = ComponentProps<"h2"> & {
  /** Heading level to keep the page outline correct. Default h2. */
  as?: "h2" | "h3" | "h4";
};

export function CardTitle({ as: Heading = "h2", className, ...props }: CardTitleProps) {
  return <Heading className={cn("text-lg font-semibold text-neutral-900", className)} {...props} />;
}

export type CardDescriptionProps = ComponentProps<"p">;

export function CardDescription({ className, ...props }: CardDescriptionProps) {
  return <p className={cn("mt-1 text-sm text-neutral-600", className)} {...props} />;
}

export type CardBodyProps = ComponentProps<"div">;

export function CardBody({ className, ...props }: CardBodyProps) {
  return <div className={cn("px-5 py-4", className)} {...props} />;
}

export type CardFooterProps = ComponentProps<"div">;

export function CardFooter({ className, ...props }: CardFooterProps) {
  return (
    <div
      className={cn("flex flex-wrap items-center justify-end gap-2 border-t border-neutral-200 px-5 py-3", className)}
      {...props}
    />
  );
}
