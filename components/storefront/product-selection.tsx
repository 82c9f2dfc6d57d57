"use client";
// The variant chosen on a product page, shared by the gallery, the variant picker and (later)
// the add-to-cart button. The choice lives in the URL as ?variant=<id> so it can be linked; the
// page is rendered once for everyone, so a linked choice is applied here after load.
import { createContext, useCallback, useContext, useMemo, useState, useSyncExternalStore, type ReactNode } from "react";

export interface PageVariant {
  id: string;
  sku: string;
  optionValues: Record<string, string>;
  price: number;
  compareAtPrice: number | null;
  /** Index into the product's images of the variant's own picture. */
  imageIndex: number | null;
}

interface Selection {
  variants: PageVariant[];
  selected: PageVariant | null;
  select: (variant: PageVariant) => void;
}

const SelectionContext = createContext<Selection | null>(null);

const subscribeNever = () => () => {};
const linkedVariantId = () => new URLSearchParams(window.location.search).get("variant");

export function ProductSelectionProvider({ variants, initialId, children }: { variants: PageVariant[]; initialId: string | null; children: ReactNode }) {
  // The variant named in the URL (null while hydrating, then read once from the address bar).
  const linkedId = useSyncExternalStore(subscribeNever, linkedVariantId, () => null);
  const [chosenId, setSelectedId] = useState<string | null>(null);
  const selectedId = chosenId ?? (linkedId && variants.some((v) => v.id === linkedId) ? linkedId : initialId);
  const select = useCallback((variant: PageVariant) => {
    setSelectedId(variant.id);
    const url = new URL(window.location.href);
    url.searchParams.set("variant", variant.id);
    // Next.js keeps its router in step with the native history API.
    window.history.replaceState(null, "", url);
  }, []);
  const value = useMemo(
    () => ({ variants, selected: variants.find((v) => v.id === selectedId) ?? variants[0] ?? null, select }),
    [variants, selectedId, select],
  );
  return <SelectionContext.Provider value={value}>{children}</SelectionContext.Provider>;
}

/** The chosen variant (null when the product has none on sale). */
export function useSelectedVariant(): PageVariant | null {
  return useContext(SelectionContext)?.selected ?? null;
}

export function useProductSelection(): Selection {
  const selection = useContext(SelectionContext);
  if (!selection) throw new Error("useProductSelection outside ProductSelectionProvider");
  return selection;
}
