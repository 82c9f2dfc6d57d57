// The vertical timeline of an order or one shop's part: what happened (time, reason) and, dimmed,
// the usual steps still ahead. The steps come from buildTimeline (lib/orders/timeline.ts).
import { useFormatter, useTranslations } from "next-intl";
import { cn } from "@/components/ui";
import type { TimelineStep } from "@/lib/orders/timeline";

export function OrderTimeline({
  steps,
  label,
  actors,
  className,
}: {
  steps: TimelineStep[];
  /** Accessible name of the list, e.g. "History of BZ-…-1". */
  label: string;
  /** Who made each change, by step key (staff views). */
  actors?: Record<string, string>;
  className?: string;
}) {
  const t = useTranslations("orders");
  const format = useFormatter();
  return (
    <ol aria-label={label} className={cn("relative flex flex-col", className)} data-testid="order-timeline">
      {steps.map((step, i) => {
        const last = i === steps.length - 1;
        const actor = actors?.[step.key];
        return (
          <li key={step.key} className="relative flex gap-3 pb-5 last:pb-0" data-state={step.state} data-status={step.status}>
            {!last ? (
              <span
                aria-hidden="true"
                className={cn("absolute start-[0.6875rem] top-6 bottom-0 w-0.5", step.state === "upcoming" || steps[i + 1]?.state === "upcoming" ? "bg-neutral-200" : "bg-brand-500")}
              />
            ) : null}
            <span
              aria-hidden="true"
              className={cn(
                "relative z-10 mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full ring-2",
                step.state === "upcoming" && "bg-white ring-neutral-300",
                step.state === "done" && "bg-brand-600 text-white ring-brand-600",
                step.state === "current" && (step.status === "CANCELLED" ? "bg-danger-600 text-white ring-danger-200" : "bg-brand-600 text-white ring-brand-200"),
              )}
            >
              {step.state === "upcoming" ? null : step.status === "CANCELLED" ? (
                <svg viewBox="0 0 20 20" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round">
                  <path d="M6 6l8 8M14 6l-8 8" />
                </svg>
              ) : (
                <svg viewBox="0 0 20 20" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round">
                  <path d="M5 10.5l3 3 7-7" />
                </svg>
              )}
            </span>
            <div className="min-w-0 flex-1">
              <p className={cn("text-sm font-medium", step.state === "upcoming" ? "text-neutral-600" : "text-neutral-900")}>
                {t(step.labelKey)}
                {step.state === "current" ? <span className="sr-only"> {t("timeline.current")}</span> : null}
                {step.state === "upcoming" ? <span className="sr-only"> {t("timeline.upcoming")}</span> : null}
              </p>
              {step.at ? (
                <p className="text-xs text-neutral-600">
                  <time dateTime={step.at.toISOString()}>{format.dateTime(step.at, { dateStyle: "medium", timeStyle: "short" })}</time>
                  {actor ? <> · {t("timeline.by", { name: actor })}</> : null}
                </p>
              ) : null}
              {step.reason ? (
                <p className="mt-0.5 text-sm text-neutral-700" data-testid="timeline-reason">
                  {"key" in step.reason ? t(`timeline.reasons.${step.reason.key}` as never) : <bdi>{step.reason.text}</bdi>}
                </p>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
