"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { cn } from "./cn";

export type ToastTone = "neutral" | "info" | "success" | "warning" | "danger";

export type ToastOptions = {
  title: ReactNode;
  description?: ReactNode;
  tone?: ToastTone;
  /** Milliseconds before auto-dismiss; defaults to the provider's `duration` (5000). */
  duration?: number;
};

type ToastItem = ToastOptions & { id: number };

export type ToastApi = {
  /** Show a toast; returns its id. */
  toast: (options: ToastOptions) => number;
  dismiss: (id: number) => void;
};

const ToastContext = createContext<ToastApi | null>(null);

/** `const { toast } = useToast(); toast({ title: t("saved"), tone: "success" })`. Needs <ToastProvider>. */
export function useToast(): ToastApi {
  const ctx = useContext(ToastContext);
  if (!ctx) throw new Error("useToast() must be used inside <ToastProvider>.");
  return ctx;
}

export type ToastProviderProps = {
  children: ReactNode;
  /** Accessible label of each toast's × button, e.g. t("common.dismiss"). */
  dismissLabel: string;
  /** Default auto-dismiss delay in ms (paused while hovered or focused). Default 5000. */
  duration?: number;
  /** Max toasts shown at once (oldest dropped). Default 4. */
  limit?: number;
};

export function ToastProvider({ children, dismissLabel, duration = 5000, limit = 4 }: ToastProviderProps) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(0);

  const dismiss = useCallback((id: number) => {
    setToasts((list) => list.filter((t) => t.id !== id));
  }, []);

  const toast = useCallback(
    (options: ToastOptions) => {
      nextId.current += 1;
      const id = nextId.current;
      setToasts((list) => [...list, { ...options, id }].slice(-limit));
      return id;
    },
    [limit],
  );

  const api = useMemo<ToastApi>(() => ({ toast, dismiss }), [toast, dismiss]);

  return (
    <ToastContext value={api}>
      {children}
      {/* Always mounted so screen readers track additions. */}
      <div
        aria-live="polite"
        aria-relevant="additions text"
        className="pointer-events-none fixed end-4 bottom-4 z-50 flex w-[min(24rem,calc(100vw-2rem))] flex-col gap-2"
      >
        {toasts.map((t) => (
          <Toast key={t.id} item={t} duration={t.duration ?? duration} dismissLabel={dismissLabel} onDismiss={dismiss} />
        ))}
      </div>
    </ToastContext>
  );
}

const toneBar: Record<ToastTone, string> = {
  neutral: "border-s-neutral-500",
  info: "border-s-info-600",
  success: "border-s-success-600",
  warning: "border-s-warning-500",
  danger: "border-s-danger-600",
};

type ToastProps = {
  item: ToastItem;
  duration: number;
  dismissLabel: string;
  onDismiss: (id: number) => void;
};

function Toast({ item, duration, dismissLabel, onDismiss }: ToastProps) {
  const [paused, setPaused] = useState(false);
  const remaining = useRef(duration);
  const { id } = item;

  // Countdown that pauses on hover/focus (WCAG 2.2.1) and resumes with the time left.
  useEffect(() => {
    if (paused || duration <= 0 || !Number.isFinite(duration)) return;
    const startedAt = Date.now();
    const timer = window.setTimeout(() => onDismiss(id), remaining.current);
    return () => {
      window.clearTimeout(timer);
      remaining.current = Math.max(0, remaining.current - (Date.now() - startedAt));
    };
  }, [paused, duration, id, onDismiss]);


  return (
    <div
      className={cn(
        "pointer-events-auto flex items-start gap-3 rounded-lg border border-s-4 border-neutral-200 bg-white p-4 text-sm text-neutral-900 shadow-popover",
        toneBar[item.tone ?? "neutral"],
      )}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setPaused(false);
      }}
    >
      <div className="min-w-0 flex-1">
        <p className="font-semibold">{item.title}</p>
        {item.description != null ? <p className="mt-1 text-neutral-700">{item.description}</p> : null}
      </div>
      <button
        type="button"
        onClick={() => onDismiss(id)}
        aria-label={dismissLabel}
        className={cn(
          "-me-1 -mt-1 inline-flex size-8 shrink-0 items-center justify-center rounded-md text-neutral-600",
          "hover:bg-neutral-100 hover:text-neutral-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600",
        )}
      >
        <svg className="size-4" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" focusable="false">
          <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
        </svg>
      </button>
    </div>
  );
}
