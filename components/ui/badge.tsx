import type { ComponentProps } from "react";
import { cn } from "./cn";

export type Tone = "neutral" | "brand" | "success" | "warning" | "danger" | "info";

// Text 800 on 100 background: ≥ 6.4:1 for every tone.
const tones: Record<Tone, string> = {
  neutral: "bg-neutral-100 text-neutral-700 ring-neutral-300",
  brand: "bg-brand-100 text-brand-800 ring-brand-200",
  success: "bg-success-100 text-success-800 ring-success-200",
  warning: "bg-warning-100 text-warning-800 ring-warning-200",
  danger: "bg-danger-100 text-danger-800 ring-danger-200",
  info: "bg-info-100 text-info-800 ring-info-200",
};

export type BadgeProps = ComponentProps<"span"> & {
  tone?: Tone;
};

/** Small status label. Colour is never the only signal: always give it text. */
export function Badge({ tone = "neutral", className, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        tones[tone],
        className,
      )}
      {...props}
    />
  );
}
