"use client";
// The attribute definitions that apply to a category (filled in once the catalog router lands).
import type { AttributeDefinitionView } from "./attributes-section";

export function useCategoryAttributes(categoryId: string): { definitions: AttributeDefinitionView[]; loading: boolean } {
  void categoryId;
  return { definitions: [], loading: false };
}
