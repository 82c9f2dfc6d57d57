"use client";
// The header's search box. Without JavaScript it is a plain GET form to /search?q=…; with it,
// suggestions (popular searches, products, categories, brands) appear as one types, following the
// WAI-ARIA combobox pattern: the input keeps focus, arrows move the active option
// (aria-activedescendant), Enter opens it (or searches when none is active), Escape closes the
// list, then clears the text. Its own row under the header row up to xl, inside it from xl.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { cn } from "@/components/ui";
import { getPathname, usePathname, useRouter } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { useTRPC } from "@/lib/trpc/client";

const MIN_CHARS = 2;
const DEBOUNCE_MS = 180;

type Group = "queries" | "products" | "categories" | "brands";
interface Option {
  id: string;
  group: Group;
  label: string;
  href: string | { pathname: string; query: Record<string, string> };
}

function useSuggestions(prefix: string, locale: Locale) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.search.suggest.queryOptions({ prefix, locale }, { staleTime: 60_000 }),
    enabled: prefix.length >= MIN_CHARS,
    placeholderData: keepPreviousData,
  });
}

export function SearchBox() {
  const t = useTranslations("storefront.searchBox");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const pathname = usePathname();
  const baseId = useId();
  const listboxId = `${baseId}-listbox`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState("");
  const [debounced, setDebounced] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  // A navigation closes the list; on the search page the box shows the current query.
  const [shownPath, setShownPath] = useState(pathname);
  if (shownPath !== pathname) {
    setShownPath(pathname);
    setOpen(false);
  }
  useEffect(() => {
    if (pathname !== "/search") return;
    const frame = requestAnimationFrame(() => setValue(new URLSearchParams(window.location.search).get("q") ?? ""));
    return () => cancelAnimationFrame(frame);
  }, [pathname]);

  useEffect(() => {
    const handle = setTimeout(() => setDebounced(value.trim()), DEBOUNCE_MS);
    return () => clearTimeout(handle);
  }, [value]);

  const { data } = useSuggestions(debounced, locale);
  const ready = debounced.length >= MIN_CHARS && value.trim().length >= MIN_CHARS && data !== undefined;

  const options = useMemo<Option[]>(() => {
    if (!ready || !data) return [];
    const list: Option[] = [
      ...data.queries.map((q, i) => ({ id: `${baseId}-q${i}`, group: "queries" as const, label: q, href: { pathname: "/search", query: { q } } })),
      ...data.products.map((p, i) => ({ id: `${baseId}-p${i}`, group: "products" as const, label: p.title, href: `/p/${p.slug}` })),
      ...data.categories.map((c, i) => ({ id: `${baseId}-c${i}`, group: "categories" as const, label: c.name, href: `/c/${c.slug}` })),
      ...data.brands.map((b, i) => ({ id: `${baseId}-b${i}`, group: "brands" as const, label: b.name, href: { pathname: "/search", query: { brand: b.slug } } })),
    ];
    return list;
  }, [ready, data, baseId]);

  const expanded = open && options.length > 0;
  const activeOption = expanded && active >= 0 ? options[active] : undefined;

  useEffect(() => {
    if (activeOption) document.getElementById(activeOption.id)?.scrollIntoView({ block: "nearest" });
  }, [activeOption]);

  const go = (option: Option) => {
    setOpen(false);
    if (option.group === "queries") setValue(option.label);
    router.push(option.href as Parameters<typeof router.push>[0]);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp": {
        if (options.length === 0) return;
        event.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(event.key === "ArrowDown" ? 0 : options.length - 1);
          return;
        }
        const step = event.key === "ArrowDown" ? 1 : -1;
        // -1 (back in the text) sits between the last and the first option.
        setActive((i) => (i + step + 1 + options.length + 1) % (options.length + 1) - 1);
        return;
      }
      case "Enter":
        if (activeOption) {
          event.preventDefault();
          go(activeOption);
        }
        return;
      case "Escape":
        if (expanded) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (value) {
          event.preventDefault();
          setValue("");
        }
        return;
      case "Home":
      case "End":
        // Move the caret in the text, not the selection.
        setActive(-1);
        return;
    }
  };

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const q = value.trim();
    event.preventDefault();
    if (!q) {
      inputRef.current?.focus();
      return;
    }
    setOpen(false);
    router.push({ pathname: "/search", query: { q } });
  };

  const groups: Group[] = ["queries", "products", "categories", "brands"];

  return (
    // Its own row under the header up to xl; from xl it lies over the header row, between the
    // category menu (start) and the links (end), whose widths the insets leave free in every locale.
    <div className="border-t border-neutral-100 px-4 py-2 sm:px-6 xl:pointer-events-none xl:absolute xl:inset-x-0 xl:top-0 xl:mx-auto xl:h-16 xl:max-w-7xl xl:border-0 xl:p-0">
      <form
        role="search"
        method="get"
        action={getPathname({ href: "/search", locale })}
        onSubmit={onSubmit}
        className="relative mx-auto w-full max-w-3xl xl:pointer-events-auto xl:absolute xl:inset-y-0 xl:start-[19rem] xl:end-[36rem] xl:my-auto xl:h-10 xl:w-auto"
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
        }}
      >
        <label htmlFor={`${baseId}-input`} className="sr-only">{t("label")}</label>
        <div className="relative">
          <svg aria-hidden="true" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" className="pointer-events-none absolute start-3 top-1/2 size-4 -translate-y-1/2 text-neutral-500">
            <circle cx="9" cy="9" r="5.5" />
            <path d="m13.5 13.5 3.5 3.5" />
          </svg>
          <input
            ref={inputRef}
            id={`${baseId}-input`}
            type="search"
            name="q"
            value={value}
            onChange={(event) => {
              setValue(event.target.value);
              setOpen(true);
              setActive(-1);
            }}
            onFocus={() => setOpen(true)}
            onKeyDown={onKeyDown}
            maxLength={200}
            autoComplete="off"
            autoCorrect="off"
            spellCheck={false}
            enterKeyHint="search"
            placeholder={t("placeholder")}
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listboxId}
            aria-activedescendant={activeOption?.id}
            className="block h-10 w-full rounded-full border border-neutral-300 bg-neutral-50 ps-9 pe-12 text-sm text-neutral-900 placeholder:text-neutral-500 focus:border-brand-600 focus:bg-white focus:outline-2 focus:outline-offset-0 focus:outline-brand-600 [&::-webkit-search-cancel-button]:hidden"
            data-testid="search-input"
          />
          <button
            type="submit"
            className="absolute end-1 top-1/2 inline-flex h-8 -translate-y-1/2 items-center rounded-full bg-brand-600 px-3 text-xs font-semibold text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          >
            {t("submit")}
          </button>
        </div>
        <div
          id={listboxId}
          role="listbox"
          aria-label={t("label")}
          hidden={!expanded}
          className="absolute inset-x-0 top-full z-30 mt-1 max-h-[70vh] overflow-y-auto rounded-xl border border-neutral-200 bg-white py-1 shadow-lg"
          data-testid="search-suggestions"
        >
          {groups.map((group) => {
            const items = options.filter((o) => o.group === group);
            if (items.length === 0) return null;
            const headingId = `${baseId}-${group}`;
            return (
              <div key={group} role="group" aria-labelledby={headingId} className="py-1">
                <div id={headingId} role="presentation" className="px-4 pb-1 pt-2 text-xs font-semibold uppercase tracking-wide text-neutral-600">{t(group)}</div>
                {items.map((option) => (
                  <div
                    key={option.id}
                    id={option.id}
                    role="option"
                    aria-selected={option === activeOption}
                    tabIndex={-1}
                    // Keep focus in the input (mousedown would blur it first).
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => go(option)}
                    onMouseMove={() => setActive(options.indexOf(option))}
                    className={cn(
                      "flex min-h-10 cursor-pointer items-center gap-2 px-4 py-2 text-sm text-neutral-900",
                      option === activeOption && "bg-brand-50 text-brand-900",
                    )}
                  >
                    <OptionIcon group={group} />
                    <span className="min-w-0 truncate">{option.label}</span>
                  </div>
                ))}
              </div>
            );
          })}
        </div>
        <p className="sr-only" aria-live="polite" role="status">
          {open && ready ? t("status", { count: options.length }) : ""}
        </p>
      </form>
    </div>
  );
}

function OptionIcon({ group }: { group: Group }) {
  const common = { "aria-hidden": true, viewBox: "0 0 20 20", className: "size-4 shrink-0 text-neutral-500", fill: "none", stroke: "currentColor", strokeWidth: 1.6, strokeLinecap: "round" as const, strokeLinejoin: "round" as const };
  switch (group) {
    case "queries":
      return <svg {...common}><circle cx="9" cy="9" r="5.5" /><path d="m13.5 13.5 3.5 3.5" /></svg>;
    case "products":
      return <svg {...common}><path d="M4 6.5 10 3l6 3.5v7L10 17l-6-3.5z" /><path d="M4 6.5 10 10l6-3.5M10 10v7" /></svg>;
    case "categories":
      return <svg {...common}><rect x="3" y="3" width="5.5" height="5.5" rx="1" /><rect x="11.5" y="3" width="5.5" height="5.5" rx="1" /><rect x="3" y="11.5" width="5.5" height="5.5" rx="1" /><rect x="11.5" y="11.5" width="5.5" height="5.5" rx="1" /></svg>;
    case "brands":
      return <svg {...common}><path d="M3 10.5V4a1 1 0 0 1 1-1h6.5L17 9.5 10.5 16z" /><circle cx="6.5" cy="6.5" r="1" /></svg>;
  }
}
