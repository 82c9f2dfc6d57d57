import { router } from "@/server/trpc/init";
import { publicProcedure } from "@/server/trpc/procedures";
import { SearchProductsInput, SuggestInput } from "./search.schema";
import { searchProducts, suggest } from "./search.service";

export const searchRouter = router({
  // Storefront search and category pages (empty q = browse the filtered set).
  products: publicProcedure.input(SearchProductsInput).query(({ ctx, input }) => searchProducts(ctx.db, input)),
  // Header typeahead.
  suggest: publicProcedure.input(SuggestInput).query(({ ctx, input }) => suggest(ctx.db, input)),
});
