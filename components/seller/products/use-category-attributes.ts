"use client";
// The attribute definitions that apply to a category (its ancestors' and its own), for the editor.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc/client";
import type { AttributeDefinitionView } from "./attributes-section";

export function useCategoryAttributes(categoryId: string): { definitions: AttributeDefinitionView[]; loading: boolean } {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.catalog.getCategoryAttributes.queryOptions({ categoryId }), enabled: Boolean(categoryId), staleTime: 5 * 60_000 });
  return { definitions: categoryId ? (query.data ?? []) : [], loading: query.isLoading };
}
