import type { ComponentProps, Key, ReactNode } from "react";
import { cn } from "./cn";

export type TableProps = ComponentProps<"table"> & {
  /** Accessible name of the table (rendered as <caption>). */
  caption?: ReactNode;
  /** Show the caption visually; by default it is screen-reader only. */
  showCaption?: boolean;
  /** Class for the horizontally scrolling wrapper. */
  wrapperClassName?: string;
};

/**
 * <table> inside a horizontal-scroll wrapper (scrolls in the reading direction, RTL included).
 * The wrapper is `relative` so screen-reader-only text inside (absolutely positioned) is clipped
 * by it instead of widening the page.
 */
export function Table({ caption, showCaption = false, wrapperClassName, className, children, ...props }: TableProps) {
  return (
    <div className={cn("relative w-full overflow-x-auto rounded-xl border border-neutral-200 bg-white", wrapperClassName)}>
      <table className={cn("w-full border-collapse text-start text-sm text-neutral-900", className)} {...props}>
        {caption != null ? (
          <caption
            className={cn(
              showCaption ? "px-4 py-3 text-start text-sm font-semibold text-neutral-900" : "sr-only",
            )}
          >
            {caption}
          </caption>
        ) : null}
        {children}
      </table>
    </div>
  );
}

export function THead({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cn("border-b border-neutral-200 bg-neutral-50", className)} {...props} />;
}

export function TBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn("divide-y divide-neutral-200", className)} {...props} />;
}

export function TR({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("transition-colors", className)} {...props} />;
}

/** Header cell; `scope` defaults to "col" (use scope="row" for row headers). */
export function TH({ className, scope = "col", ...props }: ComponentProps<"th">) {
  return (
    <th
      scope={scope}
      className={cn(
        "px-4 py-3 text-start align-middle font-semibold",
        scope === "col" ? "text-xs whitespace-nowrap text-neutral-700" : "text-sm text-neutral-900",
        className,
      )}
      {...props}
    />
  );
}

export function TD({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("px-4 py-3 text-start align-middle", className)} {...props} />;
}

export type DataTableColumn<T> = {
  /** Stable column key (React key). */
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Applied to both the header and body cells of this column (e.g. "text-end w-32"). */
  className?: string;
  /** Render body cells as <th scope="row"> (use for the identifying column, e.g. order number). */
  rowHeader?: boolean;
};

export type DataTableProps<T> = {
  columns: readonly DataTableColumn<T>[];
  rows: readonly T[];
  getRowKey: (row: T, index: number) => Key;
  /** Shown in a full-width cell when `rows` is empty (e.g. an <EmptyState>). */
  empty: ReactNode;
  caption?: ReactNode;
  showCaption?: boolean;
  className?: string;
  wrapperClassName?: string;
  rowClassName?: (row: T) => string | undefined;
};

/** Typed table: columns describe header + cell renderer; server-component friendly. */
export function DataTable<T>({
  columns,
  rows,
  getRowKey,
  empty,
  caption,
  showCaption,
  className,
  wrapperClassName,
  rowClassName,
}: DataTableProps<T>) {
  return (
    <Table caption={caption} showCaption={showCaption} className={className} wrapperClassName={wrapperClassName}>
      <THead>
        <TR>
          {columns.map((col) => (
            <TH key={col.key} className={col.className}>
              {col.header}
            </TH>
          ))}
        </TR>
      </THead>
      <TBody>
        {rows.length === 0 ? (
          <TR>
            <TD colSpan={Math.max(columns.length, 1)} className="p-0">
              {empty}
            </TD>
          </TR>
        ) : (
          rows.map((row, index) => (
            <TR key={getRowKey(row, index)} className={cn("hover:bg-neutral-50", rowClassName?.(row))}>
              {columns.map((col) =>
                col.rowHeader ? (
                  <TH key={col.key} scope="row" className={cn("font-medium", col.className)}>
                    {col.cell(row)}
                  </TH>
                ) : (
                  <TD key={col.key} className={col.className}>
                    {col.cell(row)}
                  </TD>
                ),
              )}
            </TR>
          ))
        )}
      </TBody>
    </Table>
  );
}
