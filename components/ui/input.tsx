import type { ComponentProps } from "react";
import { cn } from "./cn";

/**
 * Shared look of text-like form controls (Input, Textarea, Select).
 * Border neutral-400 = 3.3:1 on white (WCAG 1.4.11); aria-invalid="true" turns it danger red.
 */
export const controlClasses =
  "block w-full min-w-0 rounded-lg border border-neutral-400 bg-white px-3 py-2 text-base text-neutral-900 shadow-xs " +
  "sm:text-sm placeholder:text-neutral-500 transition-colors hover:border-neutral-500 " +
  "focus-visible:border-brand-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-600 " +
  "disabled:cursor-not-allowed disabled:border-neutral-300 disabled:bg-neutral-100 disabled:text-neutral-500 " +
  "[&[readonly]]:bg-neutral-50 " +
  "aria-invalid:border-danger-600 aria-invalid:hover:border-danger-700 aria-invalid:focus-visible:outline-danger-600";

export type InputProps = ComponentProps<"input">;

/** Styled native <input>. All props (ref included, React 19) are forwarded. */
export function Input({ className, type = "text", ...props }: InputProps) {
  return <input type={type} className={cn(controlClasses, "min-h-10", className)} {...props} />;
}
