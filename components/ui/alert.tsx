import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export type AlertTone = "neutral" | "info" | "success" | "warning" | "danger";

const tones: Record<AlertTone, { box: string; icon: string }> = {
  neutral: { box: "border-neutral-300 bg-neutral-50 text-neutral-800", icon: "text-neutral-600" },
  info: { box: "border-info-200 bg-info-50 text-info-900", icon: "text-info-700" },
  success: { box: "border-success-200 bg-success-50 text-success-900", icon: "text-success-700" },
  warning: { box: "border-warning-200 bg-warning-50 text-warning-900", icon: "text-warning-700" },
  danger: { box: "border-danger-200 bg-danger-50 text-danger-900", icon: "text-danger-700" },
};

const iconPaths: Record<AlertTone, string> = {
  neutral:
    "M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-7-4a1 1 0 1 1-2 0 1 1 0 0 1 2 0ZM9 9a.75.75 0 0 0 0 1.5h.25v3.25c0 .41.34.75.75.75h.5a.75.75 0 0 0 0-1.5h-.25V9.75A.75.75 0 0 0 9.5 9H9Z",
  info: "M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-7-4a1 1 0 1 1-2 0 1 1 0 0 1 2 0ZM9 9a.75.75 0 0 0 0 1.5h.25v3.25c0 .41.34.75.75.75h.5a.75.75 0 0 0 0-1.5h-.25V9.75A.75.75 0 0 0 9.5 9H9Z",
  success:
    "M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm3.86-9.81a.75.75 0 0 0-1.22-.88l-3.24 4.5-1.62-1.62a.75.75 0 0 0-1.06 1.06l2.25 2.25a.75.75 0 0 0 1.14-.09l3.75-5.22Z",
  warning:
    "M8.49 2.87c.67-1.16 2.35-1.16 3.02 0l6.28 10.88c.67 1.16-.17 2.62-1.51 2.62H3.72c-1.34 0-2.18-1.46-1.51-2.62L8.49 2.87ZM10 6a.75.75 0 0 1 .75.75v3.5a.75.75 0 0 1-1.5 0v-3.5A.75.75 0 0 1 10 6Zm0 8.5a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z",
  danger:
    "M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-8-5a.75.75 0 0 1 .75.75v4.5a.75.75 0 0 1-1.5 0v-4.5A.75.75 0 0 1 10 5Zm0 10a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z",
};

export type AlertProps = Omit<ComponentProps<"div">, "title"> & {
  tone?: AlertTone;
  title?: ReactNode;
  /** Optional slot under the message (links/buttons). */
  action?: ReactNode;
};

/** Inline message. role="alert" for danger (assertive), role="status" otherwise. Override with `role`. */
export function Alert({ tone = "info", title, action, className, children, role, ...props }: AlertProps) {
  const t = tones[tone];
  return (
    <div
      role={role ?? (tone === "danger" ? "alert" : "status")}
      className={cn("flex gap-3 rounded-lg border p-4 text-sm", t.box, className)}
      {...props}
    >
      <svg className={cn("mt-0.5 size-5 shrink-0", t.icon)} viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" focusable="false">
        <path fillRule="evenodd" clipRule="evenodd" d={iconPaths[tone]} />
      </svg>
      <div className="min-w-0 flex-1">
        {title != null ? <p className="font-semibold">{title}</p> : null}
        {children != null ? <div className={cn(title != null && "mt-1")}>{children}</div> : null}
        {action != null ? <div className="mt-3 flex flex-wrap gap-2">{action}</div> : null}
      </div>
    </div>
  );
}
