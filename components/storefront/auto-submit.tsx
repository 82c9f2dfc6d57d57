"use client";
// Progressive enhancement for a GET filter form: a changed checkbox or select submits it at once,
// and submitting navigates in place (no full reload, scroll kept). Without JavaScript the form
// still works through its own submit button.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useTransition } from "react";

// The form is re-rendered from the server's answer (keyed by its state), so the control the
// shopper just used is focused again once the new form mounts.
let focusAfterNavigation: string | null = null;

export function AutoSubmit() {
  const marker = useRef<HTMLSpanElement>(null);
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    const form = marker.current?.closest("form");
    if (!form) return;
    if (focusAfterNavigation) {
      const element = document.getElementById(focusAfterNavigation);
      focusAfterNavigation = null;
      if (element && form.contains(element)) element.focus();
    }
    const navigate = () => {
      const query = new URLSearchParams();
      for (const [key, value] of new FormData(form)) {
        if (typeof value !== "string" || value.trim() === "") continue;
        // Defaults stay out of the URL, as the server writes it.
        if ((key === "sort" && value === (form.dataset.defaultSort ?? "newest")) || key === "page") continue;
        query.append(key, value.trim());
      }
      const search = query.toString();
      const url = new URL(form.action, window.location.href);
      focusAfterNavigation = document.activeElement instanceof HTMLElement && document.activeElement.id ? document.activeElement.id : null;
      startTransition(() => router.push(`${url.pathname}${search ? `?${search}` : ""}`, { scroll: false }));
    };
    const onChange = (event: Event) => {
      const target = event.target as HTMLInputElement | HTMLSelectElement;
      if (target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && (target.type === "checkbox" || target.type === "radio"))) navigate();
    };
    const onSubmit = (event: SubmitEvent) => {
      event.preventDefault();
      navigate();
    };
    form.addEventListener("change", onChange);
    form.addEventListener("submit", onSubmit);
    return () => {
      form.removeEventListener("change", onChange);
      form.removeEventListener("submit", onSubmit);
    };
  }, [router]);

  useEffect(() => {
    marker.current?.closest("form")?.setAttribute("aria-busy", pending ? "true" : "false");
  }, [pending]);

  return <span ref={marker} hidden />;
}
