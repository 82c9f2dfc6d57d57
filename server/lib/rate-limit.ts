// Rate limits on rate-limiter-flexible. Counters live in PostgreSQL by default (shared by
// every app instance), in Redis when REDIS_URL is set, in memory when RATE_LIMIT_STORE=memory.
import "server-only";
import { Redis } from "ioredis";
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { pool } from "../db";
import { env } from "../env";
import { tooManyRequests } from "./errors";

export interface LimitRule {
  /** Attempts allowed per window. */
  points: number;
  /** Window length in seconds. */
  duration: number;
  /** Once exhausted, how long the key stays blocked (seconds). */
  blockDuration?: number;
}

/** The limits Bazaar applies; one place to tune them. */
export const LIMITS = {
  loginPerIp: { points: 30, duration: 15 * 60, blockDuration: 15 * 60 },
  loginFailuresPerAccount: { points: 5, duration: 15 * 60, blockDuration: 15 * 60 },
  registerPerIp: { points: 10, duration: 60 * 60 },
  // Verification and reset mails share one per-IP budget: both send mail to any address.
  accountMailPerIp: { points: 10, duration: 60 * 60 },
  passwordResetPerAccount: { points: 3, duration: 60 * 60 },
  verificationMailPerAccount: { points: 5, duration: 60 * 60 },
  imageUploadsPerUser: { points: 120, duration: 10 * 60 },
  // Card attempts: enough for typos and a second card, too few for card testing.
  cardAttemptsPerUser: { points: 10, duration: 60 * 60, blockDuration: 60 * 60 },
  // Search analytics (query and click logs) from the storefront, per address.
  searchLogsPerIp: { points: 300, duration: 10 * 60 },
  // Product views (recently viewed / trending): generous for browsing, caps scripted inflation.
  productViewsPerIp: { points: 300, duration: 10 * 60 },
} satisfies Record<string, LimitRule>;
export type LimitName = keyof typeof LIMITS;

/** Attempts a key may spend per window: the rule's points times RATE_LIMIT_SCALE (1 unless tuned). */
const budget = (name: LimitName) => LIMITS[name].points * env.RATE_LIMIT_SCALE;

let redis: Redis | undefined;
const limiters = new Map<LimitName, RateLimiterAbstract>();

function build(name: LimitName): RateLimiterAbstract {
  const rule = { ...LIMITS[name], points: budget(name) };
  const common = { keyPrefix: name, ...rule };
  if (env.REDIS_URL) {
    redis ??= new Redis(env.REDIS_URL, { enableOfflineQueue: false, lazyConnect: false });
    return new RateLimiterRedis({ ...common, storeClient: redis });
  }
  if (env.RATE_LIMIT_STORE === "memory") return new RateLimiterMemory(common);
  return new RateLimiterPostgres({
    ...common,
    storeClient: pool,
    storeType: "pool",
    tableName: "rate_limits",
    tableCreated: true, // created by the foundation migration
    clearExpiredByTimeout: false,
  });
}

function limiter(name: LimitName): RateLimiterAbstract {
  let found = limiters.get(name);
  if (!found) {
    found = build(name);
    limiters.set(name, found);
  }
  return found;
}

/** Spends one point; throws a translated TOO_MANY_REQUESTS error when the key is out of them. */
export async function consume(name: LimitName, key: string): Promise<void> {
  try {
    await limiter(name).consume(key.toLowerCase());
  } catch (error) {
    if (error instanceof RateLimiterRes) throw tooManyRequests(error.msBeforeNext / 1000);
    throw error;
  }
}

/** Throws when the key is currently blocked, without spending a point. */
export async function assertNotBlocked(name: LimitName, key: string): Promise<void> {
  const state = await limiter(name).get(key.toLowerCase());
  if (state && state.consumedPoints >= budget(name)) throw tooManyRequests(state.msBeforeNext / 1000);
}

/** Clears a key, e.g. the failure counter after a successful login. */
export async function reset(name: LimitName, key: string): Promise<void> {
  await limiter(name).delete(key.toLowerCase());
}
