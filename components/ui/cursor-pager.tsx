// "First page" / "Next page" links under a list paged by cursor (the id of the last row shown).
// Server component: plain links that keep the list's filters in the query.
import { buttonClasses } from "./button";
import { Link } from "@/lib/i18n/navigation";

export interface CursorPagerProps {
  pathname: string;
  /** The list's filters, kept on both links (without the cursor). */
  query?: Record<string, string>;
  /** The cursor of the page shown (none on the first page). */
  cursor?: string;
  nextCursor: string | null;
  /** The nav's accessible name, e.g. "Pages of vendors". */
  label: string;
  firstLabel: string;
  nextLabel: string;
}

export function CursorPager({ pathname, query = {}, cursor, nextCursor, label, firstLabel, nextLabel }: CursorPagerProps) {
  if (!cursor && !nextCursor) return null;
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap justify-between gap-2">
      {cursor ? <Link href={{ pathname, query }} className={buttonClasses({ variant: "ghost" })}>{firstLabel}</Link> : <span />}
      {nextCursor ? (
        <Link href={{ pathname, query: { ...query, cursor: nextCursor } }} className={buttonClasses({ variant: "secondary" })}>{nextLabel}</Link>
      ) : null}
    </nav>
  );
}
