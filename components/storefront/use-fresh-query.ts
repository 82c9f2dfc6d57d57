"use client";
// The storefront header's islands (who is signed in, the cart count) live outside the cached
// page render, so they refresh themselves: after each navigation (a sign-in lands on another
// page) and after any successful mutation (an item added, a cart merged, an order placed).
import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { usePathname } from "@/lib/i18n/navigation";

export function useFreshQuery(queryKey: QueryKey) {
  const queryClient = useQueryClient();
  const pathname = usePathname();
  const key = useRef(queryKey);
  const mounted = useRef(false);

  useEffect(() => {
    // The query fetches on mount by itself; refresh on later navigations only.
    if (mounted.current) void queryClient.invalidateQueries({ queryKey: key.current });
    mounted.current = true;
  }, [pathname, queryClient]);

  useEffect(
    () => queryClient.getMutationCache().subscribe((event) => {
      if (event.type === "updated" && event.action.type === "success") void queryClient.invalidateQueries({ queryKey: key.current });
    }),
    [queryClient],
  );
}
