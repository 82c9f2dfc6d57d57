// The PostgreSQL search engine (the embedded default). Documents live in "SearchDocument" with a
// weighted tsvector per product and locale; queries are built from the words of parseQuery()
// (never from raw text), typos are corrected against "SearchVocabulary" (a small table with a
// trigram index, so similarity() never scans the catalog), and broad queries are bounded:
// candidates are taken in a cheap popularity order and capped before ranking and counting, their
// total is then estimated, and every search runs under a statement timeout.
import type pg from "pg";
import { logger } from "@/server/lib/logger";
import type {
  FacetCount, SearchDocument, SearchEngine, SearchFacets, SearchQuery, SearchResult, SearchSort, Suggestions, SuggestQuery, SynonymGroup,
} from "../search.types";
import { cjkGrams, fold, indexText, isCjk, parseQuery, termTokens, type ParsedQuery, type QueryClause } from "../search.text";

/** Text-search configuration per locale; Chinese has no stemmer (CJK text is indexed as character pairs). */
const TEXT_CONFIG: Record<string, string> = { en: "english", es: "spanish", fr: "french", ar: "arabic", zh: "simple" };
export const textConfigOf = (locale: string) => TEXT_CONFIG[locale] ?? "simple";

export interface PostgresEngineOptions {
  /** Most candidates a query counts and facets (beyond it the total is estimated). */
  countCap?: number;
  /** Most candidates ranked by text relevance (taken in popularity order). */
  rankCap?: number;
  statementTimeoutMs?: number;
}

const DEFAULTS: Required<PostgresEngineOptions> = { countCap: 2000, rankCap: 600, statementTimeoutMs: 2000 };

/** Static candidate order: in stock first, then sales, rating, promotion and recency. */
export function popularityOf(doc: Pick<SearchDocument, "inStock" | "recentSales" | "rating" | "reviewCount" | "promoted" | "publishedAt">, now = Date.now()): number {
  const ageDays = Math.max(0, (now - doc.publishedAt) / 86_400_000);
  return (doc.inStock ? 100 : 0) + 3 * Math.log1p(doc.recentSales) + (doc.reviewCount > 0 ? doc.rating : 0) + (doc.promoted ? 5 : 0) + 2 * Math.exp(-ageDays / 90);
}

/** Collects positional parameters for one statement. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * A quoted tsquery value. Words hold only letters, digits, hyphens and spaces (quotes and
 * backslashes are removed anyway); PostgreSQL runs the quoted text through the same parser as
 * the documents, so "t-shirt" or "sleeping bag" match exactly as they were indexed.
 */
const lexeme = (text: string) => `'${text.replace(/['\\]/g, "")}'`;

/** A CJK word as the phrase of its character pairs; other words as themselves. */
function wordQuery(word: string, prefix: boolean): string {
  if (isCjk(word)) {
    const grams = cjkGrams(word);
    return grams.length === 1 ? `${lexeme(grams[0]!)}:*` : `(${grams.map(lexeme).join(" <-> ")})`;
  }
  return prefix && word.length >= 2 && !word.includes("-") ? `${lexeme(word)}:*` : lexeme(word);
}

/** Words next to each other: runs of ordinary words as one quoted phrase (stop words keep their gap). */
function phraseQuery(list: string[], prefixLast = false): string {
  if (list.length === 1) return wordQuery(list[0]!, prefixLast);
  const parts: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length) parts.push(lexeme(run.join(" ")));
    run = [];
  };
  list.forEach((word, i) => {
    const last = i === list.length - 1;
    if (isCjk(word) || (last && prefixLast)) {
      flush();
      parts.push(wordQuery(word, last && prefixLast));
    } else run.push(word);
  });
  flush();
  return parts.length === 1 ? parts[0]! : `(${parts.join(" <-> ")})`;
}

interface SynonymSet {
  /** Each term as its words. */
  terms: string[][];
}

/**
 * The tsquery text (to_tsquery syntax, lexemes quoted) for parsed clauses: synonyms of a word or
 * word sequence become an OR of the group's terms, the last word still being typed matches as a prefix.
 */
export function buildTsQuery(parsed: ParsedQuery, synonyms: SynonymSet[] = [], prefix = true): string {
  const parts: { text: string; orNext: boolean }[] = [];
  const { clauses } = parsed;
  for (let i = 0; i < clauses.length; i++) {
    const clause = clauses[i]!;
    const last = i === clauses.length - 1;
    if (clause.phrase || clause.negated) {
      const text = phraseQuery(clause.words);
      parts.push({ text: clause.negated ? `!${text}` : text, orNext: clause.orNext });
      continue;
    }
    // The longest synonym term starting here (terms may have several words: "t shirt").
    let matched: { group: SynonymSet; length: number } | null = null;
    for (const group of synonyms) {
      for (const term of group.terms) {
        if (term.length === 0 || (matched && term.length <= matched.length)) continue;
        const slice = clauses.slice(i, i + term.length);
        if (slice.length === term.length && slice.every((c, k) => !c.phrase && !c.negated && c.words[0] === term[k])) matched = { group, length: term.length };
      }
    }
    if (matched) {
      const alternatives = [...new Set(matched.group.terms.map((t) => phraseQuery(t)))];
      parts.push({ text: alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(" | ")})`, orNext: clauses[i + matched.length - 1]!.orNext });
      i += matched.length - 1;
      continue;
    }
    parts.push({ text: wordQuery(clause.words[0]!, prefix && last && parsed.lastIsPrefix), orNext: clause.orNext });
  }
  // Only exclusions: nothing to find.
  if (!parts.some((p) => !p.text.startsWith("!"))) return "";
  let out = "";
  for (const [i, part] of parts.entries()) {
    out += part.text;
    if (i < parts.length - 1) out += parts[i]!.orNext ? " | " : " & ";
  }
  return out;
}

interface Filters {
  category: string | null;
  brand: string | null;
  vendor: string | null;
  price: string | null;
  rating: string | null;
  attributes: { code: string; sql: string }[];
}

const ORDER: Record<Exclude<SearchSort, "relevance">, string> = {
  priceAsc: `"minPrice" ASC, id`,
  priceDesc: `"minPrice" DESC, id`,
  newest: `"publishedAt" DESC, id`,
  bestSelling: `"recentSales" DESC, popularity DESC, id`,
  rating: `rating DESC, "reviewCount" DESC, id`,
};

const EMPTY_FACETS: SearchFacets = { categories: [], brands: [], vendors: [], ratings: [], price: { min: null, max: null }, attributes: {} };
const emptyResult = (): SearchResult => ({ productIds: [], total: 0, totalIsEstimate: false, facets: structuredClone(EMPTY_FACETS), correctedText: null });

/** The PostgreSQL engine over `pool` (the app's pool: it shares the database with the catalog). */
export function createPostgresEngine(pool: pg.Pool, options: PostgresEngineOptions = {}): SearchEngine & {
  /** The synonym groups that apply to a locale, as words (cached for 30 s; setSynonyms refreshes). */
  synonymsFor(locale: string): Promise<SynonymSet[]>;
} {
  const settings = { ...DEFAULTS, ...options };
  let synonymCache: { at: number; groups: SynonymGroup[] } | null = null;

  async function loadSynonyms(): Promise<SynonymGroup[]> {
    if (synonymCache && Date.now() - synonymCache.at < 30_000) return synonymCache.groups;
    const { rows } = await pool.query<{ id: string; locale: string | null; terms: string[] }>(`SELECT id, locale, terms FROM "SearchEngineSynonym"`);
    synonymCache = { at: Date.now(), groups: rows };
    return rows;
  }

  async function synonymsFor(locale: string): Promise<SynonymSet[]> {
    const groups = await loadSynonyms();
    return groups.filter((g) => g.locale === null || g.locale === locale).map((g) => ({ terms: g.terms.map((t) => termTokens(t)).filter((t) => t.length > 0) }));
  }

  /** Runs `work` in a read-only transaction under the statement timeout. */
  async function readOnly<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query("BEGIN READ ONLY");
      await client.query(`SET LOCAL statement_timeout = ${Math.trunc(settings.statementTimeoutMs)}`);
      // Many small queries at once: parallel workers would only add start-up cost.
      await client.query("SET LOCAL max_parallel_workers_per_gather = 0");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Replaces words missing from the vocabulary by the closest indexed word (trigram similarity
   * through the vocabulary's index; among equally close words the most frequent). The word still
   * being typed is left alone when some indexed word starts with it.
   */
  async function correct(client: pg.PoolClient, locale: string, parsed: ParsedQuery, synonyms: SynonymSet[]): Promise<{ parsed: ParsedQuery; changed: boolean }> {
    const synonymWords = new Set(synonyms.flatMap((s) => s.terms.flat()));
    const candidates: { word: string; prefix: boolean }[] = [];
    parsed.clauses.forEach((clause, i) => {
      if (clause.negated) return;
      for (const word of clause.words) {
        if (word.length < 3 || word.length > 30 || /[\d-]/.test(word) || isCjk(word) || synonymWords.has(word)) continue;
        candidates.push({ word, prefix: parsed.lastIsPrefix && i === parsed.clauses.length - 1 });
      }
    });
    if (candidates.length === 0) return { parsed, changed: false };
    const { rows } = await client.query<{ word: string; fix: string | null }>(
      `SELECT w.word,
              CASE WHEN EXISTS (SELECT 1 FROM "SearchVocabulary" v WHERE v.locale = $1 AND v.word = unaccent(w.word))
                     OR (w.prefix AND EXISTS (SELECT 1 FROM "SearchVocabulary" v WHERE v.locale = $1 AND v.word LIKE unaccent(w.word) || '%'))
                   THEN NULL
                   ELSE (SELECT v.word FROM "SearchVocabulary" v
                         WHERE v.locale = $1 AND v.word % unaccent(w.word) AND similarity(v.word, unaccent(w.word)) >= 0.35
                         ORDER BY round(similarity(v.word, unaccent(w.word))::numeric, 1) DESC, v.frequency DESC, v.word LIMIT 1)
              END AS fix
       FROM unnest($2::text[], $3::boolean[]) AS w(word, prefix)`,
      [locale, candidates.map((c) => c.word), candidates.map((c) => c.prefix)],
    );
    const fixes = new Map(rows.filter((r) => r.fix && r.fix !== r.word).map((r) => [r.word, r.fix!]));
    if (fixes.size === 0) return { parsed, changed: false };
    const clauses = parsed.clauses.map((c): QueryClause => (c.negated ? c : { ...c, words: c.words.map((w) => fixes.get(w) ?? w) }));
    // A corrected last word is a whole word, no longer a prefix.
    const lastFixed = parsed.clauses.at(-1)?.words.some((w) => fixes.has(w)) ?? false;
    return { parsed: { clauses, lastIsPrefix: parsed.lastIsPrefix && !lastFixed }, changed: true };
  }

  function filterSql(p: Params, query: SearchQuery, attributeCodes: string[], hasText: boolean): Filters {
    const f = query.filters;
    const price: string[] = [];
    if (f.minPrice !== undefined) price.push(`"minPrice" >= ${p.add(f.minPrice)}`);
    if (f.maxPrice !== undefined) price.push(`"minPrice" <= ${p.add(f.maxPrice)}`);
    const attributes = Object.entries(f.attributes ?? {})
      .filter(([, values]) => values.length > 0)
      .map(([code, values]) => ({ code, sql: `(d.attributes -> ${p.add(code)}) ?| ${p.add(values)}::text[]` }));
    // Facet codes with no filter still need a column for the facet's own "everything else" condition.
    for (const code of attributeCodes) if (!attributes.some((a) => a.code === code)) attributes.push({ code, sql: "" });
    return {
      category: f.categoryId && hasText ? `d."categoryIds" @> ARRAY[${p.add(f.categoryId)}]::text[]` : null,
      brand: f.brandSlugs?.length ? `d."brandSlug" = ANY(${p.add(f.brandSlugs)}::text[])` : null,
      vendor: f.vendorSlugs?.length ? `d."vendorSlug" = ANY(${p.add(f.vendorSlugs)}::text[])` : null,
      price: price.length ? price.map((s) => `d.${s}`).join(" AND ") : null,
      rating: f.minRating !== undefined ? `d.rating >= ${p.add(f.minRating)}` : null,
      attributes,
    };
  }

  async function search(query: SearchQuery): Promise<SearchResult> {
    const pageSize = Math.max(1, Math.min(100, Math.trunc(query.pageSize) || 24));
    const page = Math.max(1, Math.min(1000, Math.trunc(query.page) || 1));
    const offset = (page - 1) * pageSize;
    const config = textConfigOf(query.locale);
    let parsed = parseQuery(typeof query.text === "string" ? query.text : "");
    const hasText = parsed.clauses.length > 0;
    const facetCodes = [...new Set((query.facetAttributes ?? []).filter((c) => /^[a-z0-9_-]{1,60}$/i.test(c)))].slice(0, 20);

    try {
      return await readOnly(async (client) => {
        let correctedText: string | null = null;
        const synonyms = hasText ? await synonymsFor(query.locale) : [];
        if (hasText) {
          const corrected = await correct(client, query.locale, parsed, synonyms);
          if (corrected.changed) {
            parsed = corrected.parsed;
            correctedText = parsed.clauses.map((c) => (c.negated ? `-${c.words.join(" ")}` : c.phrase ? `"${c.words.join(" ")}"` : c.words.join(" "))).join(" ");
          }
        }
        const tsquery = hasText ? buildTsQuery(parsed, synonyms) : "";
        if (hasText && !tsquery) return { ...emptyResult(), correctedText };

        // The candidate set: locale, text, stock, and when browsing (no text) the category itself,
        // so category pages count their subtree exactly.
        const baseOf = (p: Params) => {
          const conditions = [`d.locale = ${p.add(query.locale)}`];
          if (hasText) conditions.push(`d.document @@ to_tsquery(${p.add(config)}::regconfig, unaccent(${p.add(tsquery)}))`);
          if (query.filters.inStockOnly) conditions.push(`d."inStock"`);
          if (!hasText && query.filters.categoryId) conditions.push(`d."categoryIds" @> ARRAY[${p.add(query.filters.categoryId)}]::text[]`);
          return conditions;
        };
        // Candidates counted: the cap, or more when a deep page needs them.
        const cap = Math.max(settings.countCap, offset + pageSize);
        const sort = query.sort;

        /**
         * One statement: the capped candidates (m), the filtered ones (f), the page and, unless
         * `pushFilters`, every facet. With `pushFilters` the filters join the candidate condition
         * instead (no facets): used when a broad query's cap would hide filtered matches.
         */
        const run = async (pushFilters: boolean) => {
          const p = new Params();
          const base = baseOf(p);
          const filters = filterSql(p, query, facetCodes, hasText);
          if (pushFilters) {
            for (const sql of [filters.category, filters.brand, filters.vendor, filters.price, filters.rating, ...filters.attributes.map((a) => a.sql || null)]) {
              if (sql) base.push(sql);
            }
          }
          const flag = (sql: string | null) => (pushFilters ? "true" : sql ?? "true");
          const attributeFlags = filters.attributes.map((a, i) => `${flag(a.sql || null)} AS a${i}`);
          const capParam = p.add(cap + 1);
          // Every condition but `except` (the facet's own filter).
          const allBut = (except?: string) =>
            ["f_category", "f_brand", "f_vendor", "f_price", "f_rating", ...filters.attributes.map((_, i) => `a${i}`)].filter((c) => c !== except).join(" AND ");
          const rankCap = Math.max(settings.rankCap, offset + pageSize);
          const sizeParam = p.add(pageSize);
          const offsetParam = p.add(offset);
          // Relevance: the best `rankCap` candidates by popularity, ranked by text match × boosts.
          const pageSql = hasText && sort === "relevance"
            ? `SELECT c."productId" FROM (SELECT * FROM f ORDER BY "inStock" DESC, popularity DESC LIMIT ${p.add(rankCap)}) c
               ORDER BY c."inStock" DESC,
                        ts_rank_cd(c.document, to_tsquery(${p.add(config)}::regconfig, unaccent(${p.add(tsquery)})), 1)
                          * (1 + 0.25 * ln(1 + c."recentSales"))
                          * (1 + 0.08 * CASE WHEN c."reviewCount" > 0 THEN c.rating ELSE 0 END)
                          * (1 + 0.5 * exp(-greatest(0, extract(epoch FROM now() - c."publishedAt") / 86400) / 60))
                          * (CASE WHEN c.promoted THEN 1.5 ELSE 1 END) DESC,
                        c.id
               LIMIT ${sizeParam} OFFSET ${offsetParam}`
            : `SELECT "productId" FROM f ORDER BY "inStock" DESC, ${sort === "relevance" ? "popularity DESC, id" : ORDER[sort]} LIMIT ${sizeParam} OFFSET ${offsetParam}`;

          const attributeFacets = filters.attributes
            .filter((a) => facetCodes.includes(a.code))
            .map((a) => {
              const i = filters.attributes.indexOf(a);
              return `${p.add(a.code)}::text, (SELECT coalesce(json_agg(json_build_array(v, n) ORDER BY n DESC, v), '[]'::json) FROM (
                  SELECT v, count(*)::int AS n FROM m, jsonb_array_elements_text(CASE WHEN jsonb_typeof(m.attributes -> ${p.add(a.code)}) = 'array' THEN m.attributes -> ${p.add(a.code)} ELSE '[]'::jsonb END) v
                  WHERE ${allBut(`a${i}`)} GROUP BY v ORDER BY n DESC, v LIMIT 50) x)`;
            });
          const facetSql = pushFilters ? "" : `,
              'categories', (SELECT coalesce(json_agg(json_build_array(c, n)), '[]'::json) FROM (
                  SELECT c, count(*)::int AS n FROM m, unnest(m."categoryIds") c WHERE ${allBut("f_category")} GROUP BY c ORDER BY n DESC, c LIMIT 300) x),
              'brands', (SELECT coalesce(json_agg(json_build_array(b, n)), '[]'::json) FROM (
                  SELECT "brandSlug" AS b, count(*)::int AS n FROM m WHERE "brandSlug" IS NOT NULL AND ${allBut("f_brand")} GROUP BY 1 ORDER BY n DESC, b LIMIT 50) x),
              'vendors', (SELECT coalesce(json_agg(json_build_array(v, n)), '[]'::json) FROM (
                  SELECT "vendorSlug" AS v, count(*)::int AS n FROM m WHERE ${allBut("f_vendor")} GROUP BY 1 ORDER BY n DESC, v LIMIT 50) x),
              'ratings', (SELECT json_build_array(count(*) FILTER (WHERE rating >= 1), count(*) FILTER (WHERE rating >= 2), count(*) FILTER (WHERE rating >= 3),
                                                  count(*) FILTER (WHERE rating >= 4), count(*) FILTER (WHERE rating >= 5)) FROM m WHERE ${allBut("f_rating")}),
              'price', (SELECT json_build_array(min("minPrice"), max("minPrice")) FROM m WHERE ${allBut("f_price")}),
              'attributes', ${attributeFacets.length ? `json_build_object(${attributeFacets.join(", ")})` : `'{}'::json`}`;

          const sql = `
            WITH m AS MATERIALIZED (
              SELECT d.id, d."productId", d."categoryIds", d."brandSlug", d."vendorSlug", d.rating, d."reviewCount", d."minPrice", d.attributes,
                     d.popularity, d."publishedAt", d."recentSales", d."inStock", d.promoted${hasText && sort === "relevance" ? ", d.document" : ""},
                     ${flag(filters.category)} AS f_category, ${flag(filters.brand)} AS f_brand, ${flag(filters.vendor)} AS f_vendor,
                     ${flag(filters.price)} AS f_price, ${flag(filters.rating)} AS f_rating
                     ${attributeFlags.length ? `, ${attributeFlags.join(", ")}` : ""}
              FROM "SearchDocument" d
              WHERE ${base.join(" AND ")}
              ORDER BY d.popularity DESC
              LIMIT ${capParam}
            ),
            f AS (SELECT * FROM m WHERE ${allBut()})
            SELECT json_build_object(
              'seen', (SELECT count(*) FROM m),
              'total', (SELECT count(*) FROM f),
              'page', (SELECT coalesce(json_agg(x."productId"), '[]'::json) FROM (${pageSql}) x)${facetSql}
            ) AS result`;
          const { rows } = await client.query<{ result: RawResult }>(sql, p.values);
          return { raw: rows[0]!.result };
        };

        const hasFilters = Boolean((hasText && query.filters.categoryId) || query.filters.brandSlugs?.length || query.filters.vendorSlugs?.length
          || query.filters.minPrice !== undefined || query.filters.maxPrice !== undefined || query.filters.minRating !== undefined
          || Object.values(query.filters.attributes ?? {}).some((v) => v.length > 0));
        let raw = (await run(false)).raw;
        let capped = raw.seen > cap;
        let pushed = false;
        if (capped && hasFilters) {
          // The capped candidates may hide filtered matches: filter inside the candidate scan for
          // the page and the total; the facets stay those of the capped candidates.
          const filtered = (await run(true)).raw;
          raw = { ...raw, seen: filtered.seen, total: filtered.total, page: filtered.page };
          capped = filtered.seen > cap;
          pushed = true;
        }

        let total = raw.total;
        let totalIsEstimate = false;
        if (capped) {
          // Too many matches to count: the planner's estimate of the candidate set, scaled by the
          // share of the counted candidates that pass the filters.
          const ep = new Params();
          const conditions = baseOf(ep);
          if (pushed) {
            const f = filterSql(ep, query, [], hasText);
            for (const sql of [f.category, f.brand, f.vendor, f.price, f.rating, ...f.attributes.map((a) => a.sql || null)]) if (sql) conditions.push(sql);
          }
          const plan = await client.query<{ "QUERY PLAN": { Plan: { "Plan Rows": number } }[] }>(
            `EXPLAIN (FORMAT JSON) SELECT 1 FROM "SearchDocument" d WHERE ${conditions.join(" AND ")}`,
            ep.values,
          );
          const estimated = plan.rows[0]!["QUERY PLAN"][0]!.Plan["Plan Rows"];
          total = Math.max(raw.total, Math.round((Math.max(estimated, raw.seen) * raw.total) / raw.seen));
          totalIsEstimate = true;
        }
        const pairs = (list: [string, number][]): FacetCount[] => list.map(([value, count]) => ({ value, count }));
        const facets: SearchFacets = {
          categories: pairs(raw.categories),
          brands: pairs(raw.brands),
          vendors: pairs(raw.vendors),
          ratings: raw.ratings.map((count, i) => ({ value: String(i + 1), count })).filter((r) => r.count > 0),
          price: { min: raw.price[0], max: raw.price[1] },
          attributes: Object.fromEntries(Object.entries(raw.attributes).map(([code, list]) => [code, pairs(list)])),
        };
        return { productIds: raw.page, total, totalIsEstimate, facets, correctedText };
      });
    } catch (error) {
      // A query that runs out of time (or any engine failure) is an empty page, never a broken one.
      logger.warn("search query failed", { err: error, text: String(query.text).slice(0, 200) });
      return emptyResult();
    }
  }

  return {
    name: "postgres",
    synonymsFor,

    async upsert(documents) {
      if (documents.length === 0) return;
      const now = Date.now();
      const rows = documents.map((doc) => ({
        id: doc.id, productId: doc.productId, locale: doc.locale, config: textConfigOf(doc.locale), slug: doc.slug, title: doc.title,
        a: indexText(doc.title),
        b: indexText([doc.brandName ?? "", ...doc.categoryNames].join(" \n ")),
        c: indexText([...(doc.attributeText ?? Object.values(doc.attributes).flat()), doc.vendorName].join(" \n ")),
        d: indexText(doc.description.slice(0, 8000)),
        vocabulary: indexText([doc.title, doc.brandName ?? "", ...doc.categoryNames].join(" ")),
        brandSlug: doc.brandSlug, brandName: doc.brandName, categoryIds: doc.categoryIds, attributes: doc.attributes,
        vendorId: doc.vendorId, vendorSlug: doc.vendorSlug, vendorName: doc.vendorName, currency: doc.currency,
        minPrice: doc.minPrice, maxPrice: doc.maxPrice, rating: doc.rating, reviewCount: doc.reviewCount, inStock: doc.inStock,
        recentSales: doc.recentSales, promoted: doc.promoted, publishedAt: new Date(doc.publishedAt).toISOString(), popularity: popularityOf(doc, now),
      }));
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const existing = await client.query<{ id: string }>(`SELECT id FROM "SearchDocument" WHERE id = ANY($1::text[])`, [rows.map((r) => r.id)]);
        const known = new Set(existing.rows.map((r) => r.id));
        await client.query(
          `INSERT INTO "SearchDocument" (id, "productId", locale, slug, title, document, "titleVector", "brandSlug", "brandName", "categoryIds", attributes,
             "vendorId", "vendorSlug", "vendorName", currency, "minPrice", "maxPrice", rating, "reviewCount", "inStock", "recentSales", promoted,
             "publishedAt", popularity, "updatedAt")
           SELECT x.id, x."productId", x.locale, x.slug, x.title,
                  setweight(to_tsvector(x.config::regconfig, unaccent(x.a)), 'A') || setweight(to_tsvector(x.config::regconfig, unaccent(x.b)), 'B')
                    || setweight(to_tsvector(x.config::regconfig, unaccent(x.c)), 'C') || setweight(to_tsvector(x.config::regconfig, unaccent(x.d)), 'D'),
                  to_tsvector(x.config::regconfig, unaccent(x.a)),
                  x."brandSlug", x."brandName", x."categoryIds", x.attributes, x."vendorId", x."vendorSlug", x."vendorName", x.currency,
                  x."minPrice", x."maxPrice", x.rating, x."reviewCount", x."inStock", x."recentSales", x.promoted, x."publishedAt", x.popularity, now()
           FROM json_to_recordset($1::json) AS x(id text, "productId" text, locale text, config text, slug text, title text, a text, b text, c text, d text,
             "brandSlug" text, "brandName" text, "categoryIds" text[], attributes jsonb, "vendorId" text, "vendorSlug" text, "vendorName" text, currency text,
             "minPrice" int, "maxPrice" int, rating float8, "reviewCount" int, "inStock" boolean, "recentSales" int, promoted boolean,
             "publishedAt" timestamptz, popularity float8)
           ON CONFLICT (id) DO UPDATE SET
             "productId" = EXCLUDED."productId", locale = EXCLUDED.locale, slug = EXCLUDED.slug, title = EXCLUDED.title, document = EXCLUDED.document,
             "titleVector" = EXCLUDED."titleVector", "brandSlug" = EXCLUDED."brandSlug", "brandName" = EXCLUDED."brandName",
             "categoryIds" = EXCLUDED."categoryIds", attributes = EXCLUDED.attributes, "vendorId" = EXCLUDED."vendorId", "vendorSlug" = EXCLUDED."vendorSlug",
             "vendorName" = EXCLUDED."vendorName", currency = EXCLUDED.currency, "minPrice" = EXCLUDED."minPrice", "maxPrice" = EXCLUDED."maxPrice",
             rating = EXCLUDED.rating, "reviewCount" = EXCLUDED."reviewCount", "inStock" = EXCLUDED."inStock", "recentSales" = EXCLUDED."recentSales",
             promoted = EXCLUDED.promoted, "publishedAt" = EXCLUDED."publishedAt", popularity = EXCLUDED.popularity, "updatedAt" = now()`,
          [JSON.stringify(rows)],
        );
        // New documents add their words to the vocabulary (a re-indexed document's words are already there).
        const fresh = rows.filter((r) => !known.has(r.id)).map((r) => ({ locale: r.locale, text: r.vocabulary }));
        if (fresh.length) {
          await client.query(
            `INSERT INTO "SearchVocabulary" (locale, word, frequency)
             SELECT x.locale, w.word, count(*)::int FROM json_to_recordset($1::json) AS x(locale text, text text),
                    LATERAL (SELECT DISTINCT unnest(tsvector_to_array(to_tsvector('simple', unaccent(x.text)))) AS word) w
             WHERE length(w.word) BETWEEN 3 AND 30 AND w.word !~ '[0-9]'
             GROUP BY 1, 2 ORDER BY 1, 2
             ON CONFLICT (locale, word) DO UPDATE SET frequency = "SearchVocabulary".frequency + EXCLUDED.frequency`,
            [JSON.stringify(fresh)],
          );
        }
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },

    async remove(productIds) {
      if (productIds.length === 0) return;
      await pool.query(`DELETE FROM "SearchDocument" WHERE "productId" = ANY($1::text[])`, [productIds]);
    },

    search,

    async suggest(query: SuggestQuery): Promise<Suggestions> {
      const limit = Math.max(1, Math.min(20, Math.trunc(query.limit) || 6));
      const parsed = parseQuery(typeof query.prefix === "string" ? query.prefix.slice(0, 100) : "");
      const list = parsed.clauses.filter((c) => !c.negated).flatMap((c) => c.words).slice(0, 6);
      // (Hyphenated words stay whole; the title vector indexed them the same way.)
      const joined = list.join(" ");
      const empty: Suggestions = { products: [], categoryIds: [], brands: [] };
      if (list.length === 0 || (joined.length < 2 && !isCjk(joined))) return empty;
      const tsquery = buildTsQuery({ clauses: list.map((w) => ({ words: [w], phrase: false, negated: false, orNext: false })), lastIsPrefix: true });
      try {
        return await readOnly(async (client) => {
          const like = isCjk(joined) ? `%${joined}%` : `% ${joined}%`;
          const { rows } = await client.query<{ result: { products: Suggestions["products"] | null; categories: string[] | null; brands: Suggestions["brands"] | null } }>(
            `SELECT json_build_object(
               'products', (SELECT json_agg(json_build_object('productId', "productId", 'slug', slug, 'title', title)) FROM (
                  SELECT "productId", slug, title FROM "SearchDocument"
                  WHERE locale = $1 AND "titleVector" @@ to_tsquery($2::regconfig, unaccent($3)) ORDER BY popularity DESC LIMIT $4) p),
               'categories', (SELECT json_agg(id) FROM (
                  SELECT id FROM "Category"
                  WHERE ' ' || lower(unaccent(coalesce(names ->> $1, names ->> 'en', ''))) LIKE $5
                  ORDER BY array_length("ancestorIds", 1) NULLS FIRST, position LIMIT $4) c),
               'brands', (SELECT json_agg(json_build_object('slug', slug, 'name', name)) FROM (
                  SELECT slug, name FROM "Brand" WHERE ' ' || lower(unaccent(name)) LIKE $5 ORDER BY name LIMIT $4) b)
             ) AS result`,
            [query.locale, textConfigOf(query.locale), tsquery, limit, like],
          );
          const r = rows[0]!.result;
          return { products: r.products ?? [], categoryIds: r.categories ?? [], brands: r.brands ?? [] };
        });
      } catch (error) {
        logger.warn("search suggestions failed", { err: error, prefix: String(query.prefix).slice(0, 100) });
        return empty;
      }
    },

    async setSynonyms(groups: SynonymGroup[]) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query(`DELETE FROM "SearchEngineSynonym"`);
        if (groups.length) {
          await client.query(
            `INSERT INTO "SearchEngineSynonym" (id, locale, terms) SELECT x.id, x.locale, x.terms FROM json_to_recordset($1::json) AS x(id text, locale text, terms text[])`,
            [JSON.stringify(groups.map((g) => ({ id: g.id, locale: g.locale, terms: g.terms.map((t) => fold(t).trim()).filter(Boolean) })))],
          );
        }
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
        synonymCache = null;
      }
    },

    async clear() {
      await pool.query(`TRUNCATE "SearchDocument", "SearchVocabulary"`);
    },

    async health() {
      try {
        const { rows } = await pool.query<{ extensions: number; documents: string }>(
          `SELECT (SELECT count(*)::int FROM pg_extension WHERE extname IN ('pg_trgm', 'unaccent')) AS extensions,
                  (SELECT reltuples::bigint::text FROM pg_class WHERE oid = '"SearchDocument"'::regclass) AS documents`,
        );
        const ok = rows[0]!.extensions === 2;
        return { ok, detail: ok ? `postgres: ~${Math.max(0, Number(rows[0]!.documents))} documents` : "postgres: pg_trgm or unaccent missing" };
      } catch (error) {
        return { ok: false, detail: `postgres: ${(error as Error).message}` };
      }
    },
  };
}

interface RawResult {
  seen: number;
  total: number;
  page: string[];
  categories: [string, number][];
  brands: [string, number][];
  vendors: [string, number][];
  ratings: number[];
  price: [number | null, number | null];
  attributes: Record<string, [string, number][]>;
}
