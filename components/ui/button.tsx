import type { ComponentProps } from "react";
import { cn } from "./cn";
import { Spinner } from "./spinner";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "sm" | "md" | "lg";

const base =
  "inline-flex items-center justify-center gap-2 rounded-lg font-medium whitespace-nowrap select-none " +
  "transition-colors duration-150 focus-visible:outline-2 focus-visible:outline-offset-2 " +
  "disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60";

const variants: Record<ButtonVariant, string> = {
  // brand-600 + white = 5.0:1, brand-700 = 6.8:1 (WCAG AA).
  primary:
    "bg-brand-600 text-white shadow-xs hover:bg-brand-700 active:bg-brand-800 focus-visible:outline-brand-600 " +
    "disabled:hover:bg-brand-600",
  secondary:
    "border border-neutral-400 bg-white text-neutral-900 shadow-xs hover:bg-neutral-100 active:bg-neutral-200 " +
    "focus-visible:outline-brand-600 disabled:hover:bg-white",
  ghost:
    "bg-transparent text-neutral-800 hover:bg-neutral-100 active:bg-neutral-200 focus-visible:outline-brand-600 " +
    "disabled:hover:bg-transparent",
  // danger-600 + white = 4.8:1.
  danger:
    "bg-danger-600 text-white shadow-xs hover:bg-danger-700 active:bg-danger-800 focus-visible:outline-danger-600 " +
    "disabled:hover:bg-danger-600",
};

const sizes: Record<ButtonSize, string> = {
  sm: "min-h-8 px-3 py-1 text-sm",
  md: "min-h-10 px-4 py-2 text-sm",
  lg: "min-h-12 px-6 py-3 text-base",
};

export type ButtonClassOptions = {
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
};

/** Button look for non-button elements, e.g. <Link className={buttonClasses({ variant: "secondary" })}>. */
export function buttonClasses({ variant = "primary", size = "md", className }: ButtonClassOptions = {}): string {
  return cn(base, variants[variant], sizes[size], className);
}

export type ButtonProps = ComponentProps<"button"> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Shows a spinner, sets aria-busy and disables the button. Keep the label as children. */
  loading?: boolean;
};

export function Button({
  variant = "primary",
  size = "md",
  loading = false,
  disabled,
  type = "button",
  className,
  children,
  ...props
}: ButtonProps) {
  return (
    <button
      type={type}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      className={buttonClasses({ variant, size, className })}
      {...props}
    >
      {loading ? <Spinner size={size === "lg" ? "md" : "sm"} /> : null}
      {children}
    </button>
  );
}
