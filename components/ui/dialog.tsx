"use client";

import { useEffect, useId, useRef, type MouseEvent, type ReactNode, type SyntheticEvent } from "react";
import { buttonClasses } from "./button";
import { cn } from "./cn";

export type DialogSize = "sm" | "md" | "lg" | "xl";

export type DialogProps = {
  /** Controlled visibility. */
  open: boolean;
  /** Called on Escape, close button, backdrop click; set `open` to false in response. */
  onClose: () => void;
  title: ReactNode;
  /** Accessible label of the × button, e.g. t("common.close"). Required: no built-in strings. */
  closeLabel: string;
  description?: ReactNode;
  children?: ReactNode;
  /** Action row (buttons), rendered at the inline end. */
  footer?: ReactNode;
  size?: DialogSize;
  /** Close when the backdrop is clicked. Default true. */
  closeOnBackdropClick?: boolean;
  className?: string;
};

const sizes: Record<DialogSize, string> = {
  sm: "max-w-sm",
  md: "max-w-lg",
  lg: "max-w-2xl",
  xl: "max-w-4xl",
};

/**
 * Modal dialog on the native <dialog> + showModal(): focus trap, inert background, top layer and
 * Escape come from the browser. Focus returns to the previously focused element on close.
 * Put `autoFocus` on the control that should receive initial focus (defaults to the first focusable).
 */
export function Dialog({
  open,
  onClose,
  title,
  closeLabel,
  description,
  children,
  footer,
  size = "md",
  closeOnBackdropClick = true,
  className,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnFocusRef = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!open || !dialog) return;
    if (!dialog.open) {
      const active = document.activeElement;
      returnFocusRef.current = active instanceof HTMLElement && active !== document.body ? active : null;
      dialog.showModal();
    }
    // Runs when `open` becomes false or the dialog unmounts.
    return () => {
      if (dialog.open) dialog.close();
      const target = returnFocusRef.current;
      returnFocusRef.current = null;
      if (target?.isConnected) target.focus();
    };
  }, [open]);

  // Escape: keep the dialog controlled; the parent decides by flipping `open`.
  function handleCancel(event: SyntheticEvent<HTMLDialogElement>) {
    event.preventDefault();
    onClose();
  }

  // Closed by the browser itself (e.g. <form method="dialog">, repeated Escape): sync the parent.
  function handleNativeClose() {
    if (open) onClose();
  }

  // Clicks on the ::backdrop are dispatched to the <dialog> element itself.
  function handleClick(event: MouseEvent<HTMLDialogElement>) {
    if (closeOnBackdropClick && event.target === event.currentTarget) onClose();
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description != null ? descriptionId : undefined}
      onCancel={handleCancel}
      onClose={handleNativeClose}
      onClick={handleClick}
      className={cn(
        "m-auto max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] overflow-hidden rounded-xl bg-white p-0 text-neutral-900 shadow-dialog",
        "backdrop:bg-neutral-950/50",
        sizes[size],
        className,
      )}
    >
      <div className="flex max-h-[calc(100dvh-2rem)] flex-col">
        <div className="flex shrink-0 items-start justify-between gap-4 px-6 pt-5 pb-3">
          <div className="min-w-0">
            <h2 id={titleId} className="text-lg font-semibold text-neutral-900">
              {title}
            </h2>
            {description != null ? (
              <p id={descriptionId} className="mt-1 text-sm text-neutral-600">
                {description}
              </p>
            ) : null}
          </div>
          <button
            type="button"
            onClick={onClose}
            aria-label={closeLabel}
            className={buttonClasses({ variant: "ghost", size: "sm", className: "-me-2 -mt-1 size-9 min-h-9 shrink-0 p-0 text-neutral-600" })}
          >
            <svg className="size-5" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" focusable="false">
              <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
            </svg>
          </button>
        </div>
        {children != null ? (
          <div className={cn("min-h-0 flex-1 overflow-y-auto px-6 pt-1 text-sm", footer == null ? "pb-6" : "pb-4")}>{children}</div>
        ) : null}
        {footer != null ? (
          <div className="flex shrink-0 flex-wrap items-center justify-end gap-2 border-t border-neutral-200 px-6 py-4">{footer}</div>
        ) : null}
      </div>
    </dialog>
  );
}
