"use client";
// Searchable category select: a search box driving a listbox of the whole tree (indented by
// depth, each entry showing its path when filtered). Arrow keys move, Enter picks.

import { useTranslations } from "next-intl";
import { useId, useMemo, useState, type KeyboardEvent } from "react";
import { cn, Input } from "@/components/ui";

export interface CategoryNode {
  id: string;
  name: string;
  children: CategoryNode[];
}

interface FlatCategory {
  id: string;
  name: string;
  path: string;
  depth: number;
}

export function flattenCategories(nodes: CategoryNode[], trail: string[] = [], depth = 0): FlatCategory[] {
  return nodes.flatMap((n) => [
    { id: n.id, name: n.name, path: [...trail, n.name].join(" › "), depth },
    ...flattenCategories(n.children, [...trail, n.name], depth + 1),
  ]);
}

export function CategoryPicker({
  id,
  tree,
  value,
  onChange,
  invalid,
  describedBy,
}: {
  id: string;
  tree: CategoryNode[];
  value: string;
  onChange: (id: string) => void;
  invalid?: boolean;
  describedBy?: string;
}) {
  const t = useTranslations("sellerProducts.editor");
  const listId = useId();
  const flat = useMemo(() => flattenCategories(tree), [tree]);
  const [query, setQuery] = useState("");
  const [activeIndex, setActiveIndex] = useState(-1);
  const selected = flat.find((c) => c.id === value);
  const q = query.trim().toLocaleLowerCase();
  const shown = q ? flat.filter((c) => c.path.toLocaleLowerCase().includes(q)) : flat;

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActiveIndex((i) => Math.max(0, Math.min(shown.length - 1, i + step)));
    } else if (event.key === "Enter") {
      event.preventDefault();
      const pick = shown[activeIndex] ?? (shown.length === 1 ? shown[0] : undefined);
      if (pick) onChange(pick.id);
    }
  }

  const activeId = shown[activeIndex] ? `${listId}-${shown[activeIndex].id}` : undefined;
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm" aria-live="polite" data-testid="category-selected">
        {selected ? (
          <>
            <span className="text-neutral-600">{t("categoryChosen")} </span>
            <bdi className="font-medium">{selected.path}</bdi>
          </>
        ) : (
          <span className="text-neutral-600">{t("categoryNone")}</span>
        )}
      </p>
      <Input
        id={id}
        type="search"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        placeholder={t("categorySearch")}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActiveIndex(0);
        }}
        onKeyDown={onKeyDown}
        autoComplete="off"
      />
      <ul id={listId} role="listbox" aria-label={t("category")} className="max-h-56 overflow-y-auto rounded-lg border border-neutral-200 bg-white py-1">
        {shown.length === 0 ? <li className="px-3 py-2 text-sm text-neutral-600">{t("categoryNoMatch")}</li> : null}
        {shown.map((c, i) => (
          <li
            key={c.id}
            id={`${listId}-${c.id}`}
            role="option"
            aria-selected={c.id === value}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              onChange(c.id);
              setActiveIndex(i);
            }}
            style={q ? undefined : { paddingInlineStart: `${0.75 + c.depth * 1.25}rem` }}
            className={cn(
              "cursor-pointer px-3 py-1.5 text-sm",
              i === activeIndex && "bg-neutral-100",
              c.id === value ? "font-semibold text-brand-800" : c.depth === 0 && !q ? "font-medium" : "",
            )}
          >
            {c.id === value ? <span aria-hidden="true">✓ </span> : null}
            <bdi>{q ? c.path : c.name}</bdi>
          </li>
        ))}
      </ul>
    </div>
  );
}
