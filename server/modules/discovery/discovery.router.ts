import type { Context } from "@/server/trpc/context";
import { router } from "@/server/trpc/init";
import { publicProcedure } from "@/server/trpc/procedures";
import { consume } from "@/server/lib/rate-limit";
import { hashVisitorToken, newVisitorToken } from "./discovery.cookie";
import { RecordViewInput, TrendingInput } from "./discovery.schema";
import * as discovery from "./discovery.service";

/**
 * Whose views a request reads or writes. A signed-in request that still carries the guest
 * visitor cookie first moves those views to the account (idempotent) and clears the cookie, so
 * "Recently viewed" follows the shopper across sign-in. `create`: give a guest without a cookie one.
 */
async function viewerOf(ctx: Context, create: boolean): Promise<discovery.Viewer | null> {
  const cookie = ctx.visitorCookie;
  if (ctx.session) {
    if (cookie?.token) {
      await ctx.db.$transaction((tx) => discovery.mergeGuestViews(tx, hashVisitorToken(cookie.token!), ctx.session!.user.id));
      cookie.set(null);
    }
    return { userId: ctx.session.user.id };
  }
  if (!cookie) return null;
  if (!cookie.token) {
    if (!create) return null;
    cookie.set(newVisitorToken());
  }
  return { visitorHash: hashVisitorToken(cookie.token!) };
}

export const discoveryRouter = router({
  /** Called by the product page's client island once per page view. */
  recordView: publicProcedure.input(RecordViewInput).mutation(async ({ ctx, input }) => {
    await consume("productViewsPerIp", ctx.meta.ip ?? ctx.session?.user.id ?? "unknown");
    const viewer = await viewerOf(ctx, true);
    if (!viewer) return { recorded: false };
    return { recorded: await discovery.recordView(ctx.db, viewer, input.productId) };
  }),
  /** The viewer's last distinct visible products (empty for a guest who viewed nothing yet). */
  recentlyViewed: publicProcedure.query(async ({ ctx }) => {
    const viewer = await viewerOf(ctx, false);
    return viewer ? discovery.recentlyViewed(ctx.db, viewer, ctx.meta.locale) : [];
  }),
  /** Most viewed and sold over the last days; the same for everyone (cacheable). */
  trending: publicProcedure.input(TrendingInput).query(({ ctx, input }) => discovery.trending(ctx.db, ctx.meta.locale, input.limit)),
});
