// A determinate progress bar (role=progressbar with its value) and its figure in text.
import { cn } from "@/components/ui";

export function ProgressBar({ value, label, valueText, className }: {
  /** 0..1 */
  value: number;
  /** Accessible name. */
  label: string;
  /** What the bar shows in words, e.g. "3 of 12"; read by screen readers and shown beside it. */
  valueText: string;
  className?: string;
}) {
  const percent = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div className={cn("flex min-w-32 flex-col gap-1", className)}>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={valueText}
        className="h-2 w-full overflow-hidden rounded-full bg-neutral-200"
      >
        <div className="h-full rounded-full bg-brand-600 transition-[width] duration-500" style={{ width: `${percent}%` }} />
      </div>
      <span className="text-xs text-neutral-700 tabular-nums">{valueText}</span>
    </div>
  );
}
