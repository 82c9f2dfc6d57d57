import type { ComponentProps } from "react";
import { cn } from "./cn";

export type SpinnerSize = "sm" | "md" | "lg";

export type SpinnerProps = Omit<ComponentProps<"span">, "children"> & {
  /** Screen-reader text (e.g. t("common.loading")). Omit only when the spinner is decorative. */
  label?: string;
  size?: SpinnerSize;
};

const sizes: Record<SpinnerSize, string> = { sm: "size-4", md: "size-5", lg: "size-8" };

/** Spinning indicator. With `label` it is a role="status" live region; without, it is aria-hidden. */
export function Spinner({ label, size = "md", className, ...props }: SpinnerProps) {
  const svg = (
    <svg className={cn("animate-spin", sizes[size])} viewBox="0 0 24 24" fill="none" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10" stroke="currentColor" strokeWidth="3" className="opacity-25" />
      <path d="M22 12a10 10 0 0 0-10-10" stroke="currentColor" strokeWidth="3" strokeLinecap="round" className="opacity-90" />
    </svg>
  );
  if (!label) {
    return (
      <span aria-hidden="true" className={cn("inline-flex shrink-0", className)} {...props}>
        {svg}
      </span>
    );
  }
  return (
    <span role="status" className={cn("inline-flex shrink-0 items-center", className)} {...props}>
      {svg}
      <span className="sr-only">{label}</span>
    </span>
  );
}
