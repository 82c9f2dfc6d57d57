import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { AppError } from "@/server/lib/errors";
import { callerFor } from "@/test/catalog-factories";
import { createUser } from "@/test/factories";
import { seedSearch } from "@/prisma/seed/search";
import { SearchReportInput } from "./search-admin.schema";
import { logClick, logSearch, normalizeQuery, popularQueries, searchReport, visitorKeyOf } from "./search.analytics";

const refusalKey = (error: unknown) => {
  const cause = (error as { cause?: unknown }).cause ?? error;
  if (cause instanceof AppError) return cause.messageKey;
  throw error;
};

/** A logged search at a fixed time (tests keep to their own dates and locales). */
async function logged(query: string, resultCount: number, at: string, options: { locale?: string; clicks?: number; visitorKey?: string } = {}) {
  const row = await db.searchQueryLog.create({
    data: { query, locale: options.locale ?? "en", resultCount, visitorKey: options.visitorKey ?? "a:test", createdAt: new Date(at) },
  });
  for (let i = 0; i < (options.clicks ?? 0); i++) {
    await db.searchClick.create({ data: { queryLogId: row.id, productId: `p${i}`, position: i + 1, createdAt: new Date(at) } });
  }
  return row;
}

describe("logging searches and clicks", () => {
  it("normalises the text and skips empty searches", async () => {
    expect(normalizeQuery("  Wireless   HEADPHONES ")).toBe("wireless headphones");
    expect(normalizeQuery("   ")).toBeNull();
    expect(normalizeQuery("x".repeat(300))).toHaveLength(100);
    expect(await logSearch(db, { text: "  ", locale: "en", resultCount: 3, userId: null, visitorKey: "a:x" })).toBeNull();
    const row = await logSearch(db, { text: "Cotton  TEE", locale: "en", resultCount: 12, userId: null, visitorKey: "a:x" });
    expect(await db.searchQueryLog.findUnique({ where: { id: row!.id } })).toMatchObject({ query: "cotton tee", locale: "en", resultCount: 12, visitorKey: "a:x", userId: null });
  });

  it("derives the visitor from the user, else the cart cookie, else address + browser", () => {
    expect(visitorKeyOf({ userId: "u1", cartToken: "t" })).toBe("u:u1");
    expect(visitorKeyOf({ cartToken: "tok" })).toMatch(/^c:[0-9a-f]{32}$/);
    expect(visitorKeyOf({ ip: "1.2.3.4", userAgent: "UA" })).toMatch(/^a:[0-9a-f]{32}$/);
    expect(visitorKeyOf({ ip: "1.2.3.4", userAgent: "UA" })).not.toBe(visitorKeyOf({ ip: "1.2.3.5", userAgent: "UA" }));
  });

  it("logs a click once per product, only for the visitor who searched", async () => {
    const row = (await logSearch(db, { text: "lamp", locale: "en", resultCount: 4, userId: null, visitorKey: "a:mine" }))!;
    const first = await logClick(db, "a:mine", { queryLogId: row.id, productId: "prod-1", position: 2 });
    const again = await logClick(db, "a:mine", { queryLogId: row.id, productId: "prod-1", position: 2 });
    expect(again.id).toBe(first.id);
    await expect(logClick(db, "a:someone-else", { queryLogId: row.id, productId: "prod-2", position: 1 })).rejects.toSatisfy((e) => refusalKey(e) === "search.queryLogNotFound");
    await expect(logClick(db, "a:mine", { queryLogId: "missing", productId: "prod-2", position: 1 })).rejects.toSatisfy((e) => refusalKey(e) === "search.queryLogNotFound");
    expect(await db.searchClick.count({ where: { queryLogId: row.id } })).toBe(1);
  });

  it("logs through the public procedures with the caller as visitor", async () => {
    const shopper = await createUser(db);
    const caller = callerFor(db, shopper);
    const { queryLogId } = await caller.searchAdmin.logQuery({ text: "Desk Lamp", locale: "fr", resultCount: 7 });
    expect(await db.searchQueryLog.findUnique({ where: { id: queryLogId! } })).toMatchObject({ query: "desk lamp", userId: shopper.id, visitorKey: `u:${shopper.id}` });
    expect(await caller.searchAdmin.logClick({ queryLogId: queryLogId!, productId: "prod-9", position: 3 })).toEqual({ ok: true });
    // Someone else cannot add clicks to this search.
    const other = callerFor(db, await createUser(db));
    await expect(other.searchAdmin.logClick({ queryLogId: queryLogId!, productId: "prod-8", position: 1 })).rejects.toSatisfy((e) => refusalKey(e) === "search.queryLogNotFound");
    expect(await callerFor(db, null).searchAdmin.logQuery({ text: "   ", locale: "en", resultCount: 0 })).toEqual({ queryLogId: null });
  });
});

describe("popular queries (typeahead)", () => {
  const NOW = new Date("2026-03-31T12:00:00Z");

  it("returns distinct queries of the locale starting with the prefix that found something in the last 30 days, most frequent first", async () => {
    const locale = "zh";
    for (let i = 0; i < 3; i++) await logged("headphones", 10, "2026-03-30T10:00:00Z", { locale });
    for (let i = 0; i < 2; i++) await logged("headset", 4, "2026-03-20T10:00:00Z", { locale });
    await logged("head torch", 1, "2026-03-29T10:00:00Z", { locale });
    await logged("heads up", 0, "2026-03-29T10:00:00Z", { locale }); // found nothing
    for (let i = 0; i < 5; i++) await logged("headlamp", 3, "2026-02-01T10:00:00Z", { locale }); // too old
    await logged("headphones", 10, "2026-03-30T10:00:00Z", { locale: "es" }); // other locale
    await logged("overhead", 10, "2026-03-30T10:00:00Z", { locale }); // not a prefix match
    await logged("he_d%", 1, "2026-03-30T10:00:00Z", { locale });

    expect(await popularQueries(db, "Hea", locale, 5, NOW)).toEqual(["headphones", "headset", "head torch"]);
    expect(await popularQueries(db, "head", locale, 2, NOW)).toEqual(["headphones", "headset"]);
    expect(await popularQueries(db, "heads", locale, 5, NOW)).toEqual(["headset"]);
    // LIKE wildcards in the prefix are literal.
    expect(await popularQueries(db, "he_", locale, 5, NOW)).toEqual(["he_d%"]);
    expect(await popularQueries(db, "%", locale, 5, NOW)).toEqual([]);
    expect(await popularQueries(db, "  ", locale, 5, NOW)).toEqual([]);
  });

  it("can answer the prefix lookup from the (locale, query text_pattern_ops, createdAt) index", async () => {
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>`
        EXPLAIN SELECT "query" FROM "SearchQueryLog"
        WHERE "locale" = ${"en"} AND "query" ~>=~ ${"hea"} AND "query" ~<~ ${"hea\u{10FFFF}"} AND "query" LIKE ${"hea%"}
          AND "resultCount" > 0 AND "createdAt" >= ${NOW}
        GROUP BY "query" ORDER BY count(*) DESC LIMIT 5`;
    });
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toContain("SearchQueryLog_locale_query_createdAt_idx");
    // The prefix itself bounds the index scan, not just the locale.
    expect(text).toMatch(/Index Cond: .*query ~>=~/);
  });
});

describe("search report", () => {
  it("counts popular queries with CTR, zero-result queries, totals and a daily series over [from, to)", async () => {
    const locale = "ar";
    // Inside the range 2025-05-01 .. 2025-05-04 (exclusive).
    await logged("sofa", 20, "2025-05-01T08:00:00Z", { locale, clicks: 2 });
    await logged("sofa", 10, "2025-05-01T09:00:00Z", { locale, clicks: 0 });
    await logged("sofa", 30, "2025-05-03T23:59:59Z", { locale, clicks: 1 });
    await logged("lamp", 5, "2025-05-02T10:00:00Z", { locale, clicks: 1 });
    await logged("zzz", 0, "2025-05-02T11:00:00Z", { locale });
    await logged("zzz", 0, "2025-05-03T11:00:00Z", { locale });
    await logged("qwerty", 0, "2025-05-03T12:00:00Z", { locale });
    // Outside it.
    await logged("sofa", 99, "2025-04-30T23:59:59Z", { locale, clicks: 3 });
    await logged("zzz", 0, "2025-05-04T00:00:00Z", { locale });

    const report = await searchReport(db, SearchReportInput.parse({ from: "2025-05-01T00:00:00Z", to: "2025-05-04T00:00:00Z" }));
    expect(report.totals).toEqual({ searches: 7, zeroResultSearches: 3, clicks: 4, searchesWithClick: 3, clickThroughRate: 3 / 7 });
    expect(report.popular).toEqual([
      { query: "sofa", searches: 3, avgResults: 20, clickThroughRate: 2 / 3 },
      { query: "zzz", searches: 2, avgResults: 0, clickThroughRate: 0 },
      { query: "lamp", searches: 1, avgResults: 5, clickThroughRate: 1 },
      { query: "qwerty", searches: 1, avgResults: 0, clickThroughRate: 0 },
    ]);
    expect(report.zeroResults).toEqual([
      { query: "zzz", searches: 2, lastSearchedAt: new Date("2025-05-03T11:00:00Z") },
      { query: "qwerty", searches: 1, lastSearchedAt: new Date("2025-05-03T12:00:00Z") },
    ]);
    expect(report.daily).toEqual([
      { day: "2025-05-01", searches: 2, zeroResultSearches: 0, searchesWithClick: 1 },
      { day: "2025-05-02", searches: 2, zeroResultSearches: 1, searchesWithClick: 1 },
      { day: "2025-05-03", searches: 3, zeroResultSearches: 2, searchesWithClick: 1 },
    ]);

    const empty = await searchReport(db, SearchReportInput.parse({ from: "2024-01-01T00:00:00Z", to: "2024-01-03T00:00:00Z" }));
    expect(empty.totals).toEqual({ searches: 0, zeroResultSearches: 0, clicks: 0, searchesWithClick: 0, clickThroughRate: 0 });
    expect(empty.daily.map((d) => d.day)).toEqual(["2024-01-01", "2024-01-02"]);
  });

  it("refuses an empty, reversed or over-long range", () => {
    expect(SearchReportInput.safeParse({ from: "2025-05-02", to: "2025-05-01" }).success).toBe(false);
    expect(SearchReportInput.safeParse({ from: "2024-01-01", to: "2025-06-01" }).success).toBe(false);
    expect(SearchReportInput.safeParse({ from: "2025-05-01", to: "2025-05-01" }).success).toBe(false);
  });
});

describe("demo seed", () => {
  it("writes the synonym groups and recent logs once", async () => {
    await seedSearch(db as never);
    await seedSearch(db as never);
    expect((await db.searchSynonymGroup.findMany({ where: { id: { startsWith: "seed-" } }, orderBy: { id: "asc" } })).map((g) => g.terms)).toEqual([
      ["headphones", "headset"], ["sofa", "couch"], ["tee", "t-shirt", "tshirt"],
    ]);
    expect(await db.searchQueryLog.count({ where: { id: { startsWith: "seed-q-" } } })).toBe(450);
    expect(await popularQueries(db, "head", "en")).toEqual(["headphones"]);
  });
});
