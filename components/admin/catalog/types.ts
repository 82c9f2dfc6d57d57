/** A category as the admin tree shows it (mirrors the catalog module's CategoryTreeNode). */
export interface CategoryNodeView {
  id: string;
  parentId: string | null;
  slug: string;
  name: string;
  names: Record<string, string>;
  position: number;
  depth: number;
  children: CategoryNodeView[];
}

/** An attribute definition as the admin editor shows it. */
export interface AttributeView {
  id: string;
  categoryId: string;
  code: string;
  name: string;
  names: Record<string, string>;
  type: "TEXT" | "NUMBER" | "BOOLEAN" | "SELECT";
  unit: string | null;
  options: { value: string; names: Record<string, string>; name: string }[];
  filterable: boolean;
}

export interface BrandView {
  id: string;
  name: string;
  slug: string;
  productCount: number;
}
