// Search analytics: every search the storefront runs is logged (normalised text, locale, result
// count, who), clicks on results are tied to their search, and staff read a report over a date
// range. The typeahead reads popular past queries by prefix.
import { Prisma } from "@/prisma/generated/client/client";
import type { DbTx } from "@/server/db";
import { sha256 } from "@/server/lib/crypto";
import { notFound } from "@/server/lib/errors";
import { normalizeSearchText, QUERY_MAX, type LogClickInput, type SearchReportInput } from "./search-admin.schema";

const DAY = 86_400_000;
/** Popular queries look back this far. */
export const POPULAR_WINDOW_DAYS = 30;

/** Who searched: the signed-in user, else the guest cart cookie, else the address and browser. */
export function visitorKeyOf(who: { userId?: string | null; cartToken?: string | null; ip?: string | null; userAgent?: string | null }): string {
  if (who.userId) return `u:${who.userId}`;
  if (who.cartToken) return `c:${sha256(who.cartToken).slice(0, 32)}`;
  return `a:${sha256(`${who.ip ?? ""}|${who.userAgent ?? ""}`).slice(0, 32)}`;
}

/** The text as it is logged and compared; null when nothing is left to log. */
export function normalizeQuery(text: string): string | null {
  // Control characters (NUL above all: PostgreSQL text cannot hold it) are spaces here.
  const normalized = normalizeSearchText(text.replace(/[\u0000-\u001f\u007f]/g, " ")).slice(0, QUERY_MAX).trim();
  return normalized.length ? normalized : null;
}

/** Logs one search; returns its id (sent back with clicks) or null for an empty query. */
export async function logSearch(db: DbTx, input: { text: string; locale: string; resultCount: number; userId: string | null; visitorKey: string }) {
  const query = normalizeQuery(input.text);
  if (!query) return null;
  const row = await db.searchQueryLog.create({
    data: { query, locale: input.locale, resultCount: Math.max(0, Math.trunc(input.resultCount)), userId: input.userId, visitorKey: input.visitorKey },
    select: { id: true },
  });
  return row;
}

/** Logs a click on a result; only the visitor who ran the search may, once per product. */
export async function logClick(db: DbTx, visitorKey: string, input: LogClickInput) {
  const log = await db.searchQueryLog.findUnique({ where: { id: input.queryLogId }, select: { visitorKey: true } });
  if (!log || log.visitorKey !== visitorKey) throw notFound("search.queryLogNotFound");
  const existing = await db.searchClick.findFirst({ where: { queryLogId: input.queryLogId, productId: input.productId }, select: { id: true } });
  if (existing) return existing;
  return db.searchClick.create({ data: { queryLogId: input.queryLogId, productId: input.productId, position: input.position }, select: { id: true } });
}

/** `\`, `%` and `_` taken literally in a LIKE pattern. */
const likeEscape = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Past queries of a locale starting with `prefix` that found something, over the last 30 days,
 * most frequent first. The range test on `query` (~>=~ / ~<~, the operators of text_pattern_ops)
 * lets the (locale, query text_pattern_ops, createdAt) index answer it even as a prepared statement.
 */
export async function popularQueries(db: DbTx, prefix: string, locale: string, limit = 5, now = new Date()): Promise<string[]> {
  const normalized = normalizeQuery(prefix);
  if (!normalized) return [];
  const since = new Date(now.getTime() - POPULAR_WINDOW_DAYS * DAY);
  const rows = await db.$queryRaw<{ query: string }[]>`
    SELECT "query" FROM "SearchQueryLog"
    WHERE "locale" = ${locale}
      AND "query" ~>=~ ${normalized} AND "query" ~<~ ${`${normalized}\u{10FFFF}`}
      AND "query" LIKE ${`${likeEscape(normalized)}%`}
      AND "resultCount" > 0 AND "createdAt" >= ${since}
    GROUP BY "query"
    ORDER BY count(*) DESC, "query" ASC
    LIMIT ${Math.max(1, Math.min(20, Math.trunc(limit)))}`;
  return rows.map((r) => r.query);
}

export interface SearchReport {
  from: Date;
  to: Date;
  totals: { searches: number; zeroResultSearches: number; clicks: number; searchesWithClick: number; clickThroughRate: number };
  popular: { query: string; searches: number; avgResults: number; clickThroughRate: number }[];
  zeroResults: { query: string; searches: number; lastSearchedAt: Date }[];
  /** One row per UTC day of the range, oldest first (days without searches included). */
  daily: { day: string; searches: number; zeroResultSearches: number; searchesWithClick: number }[];
}

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/** Staff report over [from, to): popular queries with CTR, zero-result queries, totals and a daily series. */
export async function searchReport(db: DbTx, input: SearchReportInput): Promise<SearchReport> {
  const { from, to, limit } = input;
  const clicked = Prisma.sql`EXISTS (SELECT 1 FROM "SearchClick" c WHERE c."queryLogId" = l."id")`;
  const range = Prisma.sql`l."createdAt" >= ${from} AND l."createdAt" < ${to}`;
  const [totals] = await db.$queryRaw<{ searches: number; zero: number; withClick: number; clicks: number }[]>`
    SELECT count(*)::int AS "searches",
           (count(*) FILTER (WHERE l."resultCount" = 0))::int AS "zero",
           (count(*) FILTER (WHERE ${clicked}))::int AS "withClick",
           (SELECT count(*)::int FROM "SearchClick" c JOIN "SearchQueryLog" l ON l."id" = c."queryLogId" WHERE ${range}) AS "clicks"
    FROM "SearchQueryLog" l WHERE ${range}`;
  const popular = await db.$queryRaw<{ query: string; searches: number; avgResults: number; withClick: number }[]>`
    SELECT l."query", count(*)::int AS "searches", avg(l."resultCount")::float8 AS "avgResults",
           (count(*) FILTER (WHERE ${clicked}))::int AS "withClick"
    FROM "SearchQueryLog" l WHERE ${range}
    GROUP BY l."query" ORDER BY count(*) DESC, l."query" ASC LIMIT ${limit}`;
  const zero = await db.$queryRaw<{ query: string; searches: number; lastSearchedAt: Date }[]>`
    SELECT l."query", count(*)::int AS "searches", max(l."createdAt") AS "lastSearchedAt"
    FROM "SearchQueryLog" l WHERE ${range} AND l."resultCount" = 0
    GROUP BY l."query" ORDER BY count(*) DESC, l."query" ASC LIMIT ${limit}`;
  const days = await db.$queryRaw<{ day: string; searches: number; zero: number; withClick: number }[]>`
    SELECT to_char(date_trunc('day', l."createdAt"), 'YYYY-MM-DD') AS "day", count(*)::int AS "searches",
           (count(*) FILTER (WHERE l."resultCount" = 0))::int AS "zero",
           (count(*) FILTER (WHERE ${clicked}))::int AS "withClick"
    FROM "SearchQueryLog" l WHERE ${range}
    GROUP BY 1 ORDER BY 1`;
  const byDay = new Map(days.map((d) => [d.day, d]));
  const daily: SearchReport["daily"] = [];
  for (let t = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()); t < to.getTime(); t += DAY) {
    const day = new Date(t).toISOString().slice(0, 10);
    const row = byDay.get(day);
    daily.push({ day, searches: row?.searches ?? 0, zeroResultSearches: row?.zero ?? 0, searchesWithClick: row?.withClick ?? 0 });
  }
  const t = totals ?? { searches: 0, zero: 0, withClick: 0, clicks: 0 };
  return {
    from,
    to,
    totals: { searches: t.searches, zeroResultSearches: t.zero, clicks: t.clicks, searchesWithClick: t.withClick, clickThroughRate: rate(t.withClick, t.searches) },
    popular: popular.map((p) => ({ query: p.query, searches: p.searches, avgResults: p.avgResults, clickThroughRate: rate(p.withClick, p.searches) })),
    zeroResults: zero,
    daily,
  };
}
