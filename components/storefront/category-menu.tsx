"use client";
// The header's category menu: a disclosure built on <details> (opens without JavaScript) with
// the keyboard and pointer manners of a menu button: Escape closes it and returns focus, a
// click outside or moving focus away closes it, and following a link closes it.
import { useEffect, useRef, type ReactNode } from "react";
import { usePathname } from "@/lib/i18n/navigation";

export function CategoryMenu({ label, children }: { label: string; children: ReactNode }) {
  const details = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();

  useEffect(() => {
    if (details.current) details.current.open = false;
  }, [pathname]);

  useEffect(() => {
    const el = details.current;
    if (!el) return;
    const close = (focusSummary: boolean) => {
      if (!el.open) return;
      el.open = false;
      if (focusSummary) el.querySelector("summary")?.focus();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape" && el.open) {
        event.preventDefault();
        close(true);
      }
    };
    const onPointerDown = (event: PointerEvent) => {
      if (!el.contains(event.target as Node)) close(false);
    };
    const onFocusOut = (event: FocusEvent) => {
      if (event.relatedTarget instanceof Node && !el.contains(event.relatedTarget)) close(false);
    };
    const onClick = (event: MouseEvent) => {
      if ((event.target as Element).closest("a")) close(false);
    };
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onPointerDown);
    el.addEventListener("focusout", onFocusOut);
    el.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onPointerDown);
      el.removeEventListener("focusout", onFocusOut);
      el.removeEventListener("click", onClick);
    };
  }, []);

  return (
    <details ref={details} className="group/menu" data-testid="category-menu">
      <summary className="flex min-h-10 cursor-pointer list-none items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium text-neutral-800 hover:bg-neutral-100 [&::-webkit-details-marker]:hidden">
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
          <path d="M3 5.5h14M3 10h14M3 14.5h14" />
        </svg>
        <span className="max-sm:sr-only">{label}</span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="hidden size-4 transition-transform group-open/menu:rotate-180 sm:block" fill="currentColor">
          <path fillRule="evenodd" d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z" clipRule="evenodd" />
        </svg>
      </summary>
      <div className="absolute inset-x-0 top-full max-h-[calc(100dvh-4rem)] overflow-y-auto border-b border-neutral-200 bg-white shadow-lg">
        {children}
      </div>
    </details>
  );
}
