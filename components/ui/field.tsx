import type { ReactNode } from "react";
import { cn } from "./cn";

/** Props Field hands to its control; spread them: {(c) => <Input {...c} name="email" />}. */
export type FieldControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  "aria-required"?: true;
};

export type FieldProps = {
  /** Unique id for the control (e.g. "product-title"); hint/error ids derive from it. */
  id: string;
  label: ReactNode;
  /** Render prop receiving id + aria-* props for the control. */
  children: (control: FieldControlProps) => ReactNode;
  hint?: ReactNode;
  /** Translated error message; when set the control gets aria-invalid and the text is announced. */
  error?: ReactNode;
  /** Visual "*" marker + aria-required. Add native `required` on the control yourself if wanted. */
  required?: boolean;
  /** Visually hide the label (still read by screen readers). */
  hideLabel?: boolean;
  className?: string;
};

// API: <Field id="email" label={t("email")} error={err}>{(c) => <Input {...c} name="email" />}</Field>
export function Field({ id, label, children, hint, error, required, hideLabel, className }: FieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const hasError = error != null && error !== false && error !== "";
  const describedBy = cn(hint != null && hintId, hasError && errorId) || undefined;

  return (
    <div className={cn("flex flex-col", className)}>
      <label
        htmlFor={id}
        className={cn("mb-1.5 text-sm font-medium text-neutral-900", hideLabel && "sr-only")}
      >
        {label}
        {required ? (
          <span aria-hidden="true" className="ms-0.5 text-danger-700">
            *
          </span>
        ) : null}
      </label>
      {children({
        id,
        "aria-describedby": describedBy,
        "aria-invalid": hasError ? true : undefined,
        "aria-required": required ? true : undefined,
      })}
      {hint != null ? (
        <p id={hintId} className="mt-1.5 text-sm text-neutral-600">
          {hint}
        </p>
      ) : null}
      {/* Always rendered so the live region exists before an error appears. */}
      <p
        id={errorId}
        aria-live="polite"
        className={cn("flex items-start gap-1.5 text-sm font-medium text-danger-700", hasError && "mt-1.5")}
      >
        {hasError ? (
          <>
            <svg className="mt-0.5 size-4 shrink-0" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" focusable="false">
              <path
                fillRule="evenodd"
                d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-8-5a.75.75 0 0 1 .75.75v4.5a.75.75 0 0 1-1.5 0v-4.5A.75.75 0 0 1 10 5Zm0 10a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
                clipRule="evenodd"
              />
            </svg>
            <span>{error}</span>
          </>
        ) : null}
      </p>
    </div>
  );
}
