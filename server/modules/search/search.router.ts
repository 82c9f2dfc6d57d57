import { logger } from "@/server/lib/logger";
import { consume } from "@/server/lib/rate-limit";
import { router } from "@/server/trpc/init";
import { publicProcedure } from "@/server/trpc/procedures";
import { visitorOf } from "./search-admin.router";
import { logSearch } from "./search.analytics";
import { SearchProductsInput, SuggestInput } from "./search.schema";
import { searchProducts, suggest } from "./search.service";

export const searchRouter = router({
  /**
   * Storefront search and category pages (empty q = browse the filtered set). A typed query's
   * first page is logged for search analytics; its id lets the page attribute result clicks
   * (searchAdmin.logClick). Logging past the visitor's budget is skipped, the search still answers.
   */
  products: publicProcedure.input(SearchProductsInput).query(async ({ ctx, input }) => {
    const page = await searchProducts(ctx.db, input);
    let queryLogId: string | null = null;
    if (input.q?.trim() && (input.page ?? 1) === 1) {
      const visitor = visitorOf(ctx);
      try {
        await consume("searchLogsPerIp", ctx.meta.ip ?? visitor.visitorKey);
        queryLogId = (await logSearch(ctx.db, { text: input.q, locale: input.locale ?? ctx.meta.locale, resultCount: page.total, ...visitor }))?.id ?? null;
      } catch (error) {
        logger.info("search not logged", { reason: error instanceof Error ? error.message : String(error) });
      }
    }
    return { ...page, queryLogId };
  }),
  // Header typeahead.
  suggest: publicProcedure.input(SuggestInput).query(({ ctx, input }) => suggest(ctx.db, input)),
});
