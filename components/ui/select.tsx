import type { ComponentProps } from "react";
import { cn } from "./cn";
import { controlClasses } from "./input";

export type SelectProps = ComponentProps<"select"> & {
  /** Class for the positioning wrapper (width/margins); `className` goes on the <select>. */
  wrapperClassName?: string;
};

/** Styled native <select>; pass <option>s as children. All props, ref included, are forwarded. */
export function Select({ className, wrapperClassName, multiple, children, ...props }: SelectProps) {
  if (multiple) {
    return (
      <select multiple className={cn(controlClasses, wrapperClassName, className)} {...props}>
        {children}
      </select>
    );
  }
  return (
    <span className={cn("relative block", wrapperClassName)}>
      <select className={cn(controlClasses, "min-h-10 appearance-none pe-10", className)} {...props}>
        {children}
      </select>
      <svg
        className="pointer-events-none absolute end-3 top-1/2 size-4 -translate-y-1/2 text-neutral-600"
        viewBox="0 0 20 20"
        fill="currentColor"
        aria-hidden="true"
        focusable="false"
      >
        <path
          fillRule="evenodd"
          d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z"
          clipRule="evenodd"
        />
      </svg>
    </span>
  );
}
