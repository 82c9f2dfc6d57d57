// Search administration (`searchAdmin.*`): synonym groups and the analytics report for staff
// holding `search.manage`; query and click logging for the storefront (public, rate limited).
import { consume } from "@/server/lib/rate-limit";
import { router } from "@/server/trpc/init";
import { adminProcedure, publicProcedure } from "@/server/trpc/procedures";
import type { Context } from "@/server/trpc/context";
import {
  CreateSynonymGroupInput, LogClickInput, LogQueryInput, SearchReportInput, SynonymGroupIdInput, UpdateSynonymGroupInput,
} from "./search-admin.schema";
import { searchEngine } from "./providers";
import { logClick, logSearch, searchReport, visitorKeyOf } from "./search.analytics";
import * as synonyms from "./search.synonyms";

/** The visitor a storefront request belongs to (user, guest cart cookie, or address + browser). */
export function visitorOf(ctx: Pick<Context, "session" | "meta" | "cartCookie">) {
  const userId = ctx.session?.user.id ?? null;
  return { userId, visitorKey: visitorKeyOf({ userId, cartToken: ctx.cartCookie?.token ?? null, ip: ctx.meta.ip, userAgent: ctx.meta.userAgent }) };
}

async function limitLogs(ctx: Pick<Context, "session" | "meta" | "cartCookie">) {
  await consume("searchLogsPerIp", ctx.meta.ip ?? visitorOf(ctx).visitorKey);
}

export const searchAdminRouter = router({
  // Admin console.
  listSynonyms: adminProcedure("search.manage").query(({ ctx }) => synonyms.listSynonymGroups(ctx.db)),
  createSynonym: adminProcedure("search.manage").input(CreateSynonymGroupInput).mutation(({ ctx, input }) =>
    synonyms.createSynonymGroup(ctx.db, ctx.actor, input, searchEngine())),
  updateSynonym: adminProcedure("search.manage").input(UpdateSynonymGroupInput).mutation(({ ctx, input }) =>
    synonyms.updateSynonymGroup(ctx.db, ctx.actor, input, searchEngine())),
  deleteSynonym: adminProcedure("search.manage").input(SynonymGroupIdInput).mutation(({ ctx, input }) =>
    synonyms.deleteSynonymGroup(ctx.db, ctx.actor, input.id, searchEngine())),
  report: adminProcedure("search.manage").input(SearchReportInput).query(({ ctx, input }) => searchReport(ctx.db, input)),

  // Storefront. The search procedure may log on the server instead (logSearch is exported);
  // logQuery is for pages that search on the client.
  logQuery: publicProcedure.input(LogQueryInput).mutation(async ({ ctx, input }) => {
    await limitLogs(ctx);
    const { userId, visitorKey } = visitorOf(ctx);
    const row = await logSearch(ctx.db, { text: input.text, locale: input.locale, resultCount: input.resultCount, userId, visitorKey });
    return { queryLogId: row?.id ?? null };
  }),
  logClick: publicProcedure.input(LogClickInput).mutation(async ({ ctx, input }) => {
    await limitLogs(ctx);
    await logClick(ctx.db, visitorOf(ctx).visitorKey, input);
    return { ok: true as const };
  }),
});
