// Inputs of search administration (synonym groups, analytics). Client-safe: no server imports.
// Error messages are keys under "errors" in messages/*.json.
import { z } from "zod";
import { locales } from "@/lib/i18n/routing";

export const SYNONYM_TERMS_MIN = 2;
export const SYNONYM_TERMS_MAX = 20;
export const SYNONYM_TERM_MAX = 60;
export const QUERY_MAX = 100;

const Id = z.string().min(1).max(50);

/** How a term or a query is compared: Unicode-normalised, lowercase, single spaces. */
export function normalizeSearchText(value: string): string {
  return value.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

const Term = z
  .string()
  .transform(normalizeSearchText)
  .pipe(z.string().min(1, { error: "validation.required" }).max(SYNONYM_TERM_MAX, { error: "validation.tooLong" }));

const SynonymFields = z.object({
  /** null = every locale. */
  locale: z.enum(locales).nullable().default(null),
  terms: z
    .array(Term)
    .min(SYNONYM_TERMS_MIN, { error: "search.synonymTooFewTerms" })
    .max(SYNONYM_TERMS_MAX, { error: "search.synonymTooManyTerms" })
    .superRefine((terms, ctx) => {
      const seen = new Set<string>();
      terms.forEach((term, index) => {
        if (seen.has(term)) ctx.addIssue({ code: "custom", path: [index], message: "search.synonymDuplicateTerm" });
        seen.add(term);
      });
    }),
});

export const CreateSynonymGroupInput = SynonymFields;
export type CreateSynonymGroupInput = z.infer<typeof CreateSynonymGroupInput>;

export const UpdateSynonymGroupInput = SynonymFields.extend({ id: Id });
export type UpdateSynonymGroupInput = z.infer<typeof UpdateSynonymGroupInput>;

export const SynonymGroupIdInput = z.object({ id: Id });

/** A report's UTC range: from inclusive, to exclusive, at most a year. */
export const SearchReportInput = z
  .object({ from: z.coerce.date(), to: z.coerce.date(), limit: z.number().int().min(1).max(100).default(20) })
  .refine((r) => r.from < r.to && r.to.getTime() - r.from.getTime() <= 366 * 86_400_000, { error: "validation.invalid", path: ["to"] });
export type SearchReportInput = z.infer<typeof SearchReportInput>;

/** Report periods the admin page offers (days back from now). */
export const REPORT_PERIODS = [7, 30, 90] as const;

export const LogQueryInput = z.object({
  text: z.string().max(500),
  locale: z.enum(locales),
  resultCount: z.number().int().min(0).max(10_000_000),
});
export type LogQueryInput = z.infer<typeof LogQueryInput>;

export const LogClickInput = z.object({
  queryLogId: Id,
  productId: Id,
  /** 1-based position on the results (page offset included). */
  position: z.number().int().min(1).max(10_000),
});
export type LogClickInput = z.infer<typeof LogClickInput>;
