import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export type CheckboxProps = Omit<ComponentProps<"input">, "type"> & {
  /** Inline label rendered after the box (both wrapped in a <label>). Omit to label it yourself. */
  label?: ReactNode;
  /** Secondary text under the label (only with `label`); linked via aria-describedby when `id` is set. */
  description?: ReactNode;
};

const boxClasses =
  "size-4 shrink-0 cursor-pointer rounded-sm border-neutral-400 accent-brand-600 " +
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 " +
  "disabled:cursor-not-allowed disabled:opacity-60 " +
  "aria-invalid:outline-2 aria-invalid:outline-offset-2 aria-invalid:outline-danger-600";

/** Native checkbox (brand accent colour). All props, ref included, are forwarded to the <input>. */
export function Checkbox({ label, description, className, ...props }: CheckboxProps) {
  if (label == null) {
    return <input type="checkbox" className={cn(boxClasses, className)} {...props} />;
  }
  const descriptionId = description != null && props.id ? `${props.id}-description` : undefined;
  const describedBy = cn(props["aria-describedby"], descriptionId) || undefined;
  return (
    <div className={cn("flex flex-col gap-0.5 text-sm", className)}>
      <label
        className={cn(
          "inline-flex items-start gap-2 font-medium",
          props.disabled ? "cursor-not-allowed text-neutral-500" : "cursor-pointer text-neutral-900",
        )}
      >
        <input type="checkbox" className={cn(boxClasses, "mt-0.5")} {...props} aria-describedby={describedBy} />
        <span>{label}</span>
      </label>
      {description != null ? (
        <p id={descriptionId} className="ps-6 text-neutral-600">
          {description}
        </p>
      ) : null}
    </div>
  );
}
