import { z } from "zod";

export const RecordViewInput = z.object({ productId: z.string().trim().min(1).max(50) });
export type RecordViewInput = z.infer<typeof RecordViewInput>;

export const TrendingInput = z.object({ limit: z.number().int().min(1).max(24).default(10) }).default({ limit: 10 });
export type TrendingInput = z.infer<typeof TrendingInput>;

/** How many distinct products "Recently viewed" shows. */
export const RECENTLY_VIEWED_LIMIT = 12;
/** Trending looks back this many days. */
export const TRENDING_DAYS = 7;
/** Views older than this are deleted daily (trending reads 7 days; "recently viewed" older than this is stale). */
export const VIEW_RETENTION_DAYS = 90;
/** One unit sold counts as this many views in the trending score. */
export const SALE_WEIGHT = 5;
