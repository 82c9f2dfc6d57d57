import { describe, expect, it } from "vitest";
import { db, pool } from "@/server/db";
import { AppError } from "./errors";
import { assertNotBlocked, consume, LIMITS, reset } from "./rate-limit";

async function row(name: string, key: string) {
  const { rows } = await pool.query<{ points: number; expire: string | null }>(`SELECT points, expire FROM rate_limits WHERE key = $1`, [`${name}:${key}`]);
  return rows[0];
}

async function caught(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("rate limits (postgres store)", () => {
  it("counts attempts in the rate_limits table", async () => {
    await consume("passwordResetPerAccount", "Counter@Example.test");
    await consume("passwordResetPerAccount", "counter@example.test");
    const stored = await row("passwordResetPerAccount", "counter@example.test");
    expect(stored?.points).toBe(2); // keys are case-insensitive
    const expiresIn = Number(stored!.expire) - Date.now();
    expect(expiresIn).toBeGreaterThan((LIMITS.passwordResetPerAccount.duration - 60) * 1000);
    expect(expiresIn).toBeLessThanOrEqual(LIMITS.passwordResetPerAccount.duration * 1000);
    // Visible through Prisma too: it is the RateLimit model's table.
    expect(await db.rateLimit.findUnique({ where: { key: "passwordResetPerAccount:counter@example.test" } })).toMatchObject({ points: 2 });
  });

  it("throws TOO_MANY_REQUESTS with the wait in minutes once the points are spent", async () => {
    const { points } = LIMITS.passwordResetPerAccount;
    for (let i = 0; i < points; i++) await consume("passwordResetPerAccount", "spent@example.test");
    const error = await caught(consume("passwordResetPerAccount", "spent@example.test"));
    expect(error.code).toBe("TOO_MANY_REQUESTS");
    expect(error.messageKey).toBe("rateLimited");
    expect(error.params.minutes).toBe(60);
    // Another key is unaffected.
    await expect(consume("passwordResetPerAccount", "other@example.test")).resolves.toBeUndefined();
  });

  it("assertNotBlocked spends nothing and throws once the key is out of points", async () => {
    const key = "blocked@example.test";
    await assertNotBlocked("loginFailuresPerAccount", key);
    expect(await row("loginFailuresPerAccount", key)).toBeUndefined();
    for (let i = 0; i < LIMITS.loginFailuresPerAccount.points - 1; i++) await consume("loginFailuresPerAccount", key);
    await assertNotBlocked("loginFailuresPerAccount", key);
    expect((await row("loginFailuresPerAccount", key))?.points).toBe(LIMITS.loginFailuresPerAccount.points - 1);
    await consume("loginFailuresPerAccount", key);
    const error = await caught(assertNotBlocked("loginFailuresPerAccount", key));
    expect(error).toMatchObject({ code: "TOO_MANY_REQUESTS", messageKey: "rateLimited", params: { minutes: 15 } });
  });

  it("blocks for blockDuration after the limit is exceeded", async () => {
    const key = "203.0.113.7";
    for (let i = 0; i < LIMITS.loginPerIp.points; i++) await consume("loginPerIp", key);
    await expect(consume("loginPerIp", key)).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    const stored = await row("loginPerIp", key);
    expect(Number(stored!.expire) - Date.now()).toBeGreaterThan((LIMITS.loginPerIp.blockDuration - 60) * 1000);
  });

  it("reset clears the key so it can be used again", async () => {
    const key = "reset@example.test";
    for (let i = 0; i < LIMITS.loginFailuresPerAccount.points; i++) await consume("loginFailuresPerAccount", key);
    await expect(assertNotBlocked("loginFailuresPerAccount", key)).rejects.toBeInstanceOf(AppError);
    await reset("loginFailuresPerAccount", key);
    expect(await row("loginFailuresPerAccount", key)).toBeUndefined();
    await expect(assertNotBlocked("loginFailuresPerAccount", key)).resolves.toBeUndefined();
    await reset("loginFailuresPerAccount", "never-seen@example.test"); // resetting an unknown key is fine
  });

  it("keeps separate counters per limit for the same key", async () => {
    await consume("registerPerIp", "198.51.100.1");
    await consume("accountMailPerIp", "198.51.100.1");
    await consume("accountMailPerIp", "198.51.100.1");
    expect((await row("registerPerIp", "198.51.100.1"))?.points).toBe(1);
    expect((await row("accountMailPerIp", "198.51.100.1"))?.points).toBe(2);
  });

  it("counts concurrent attempts exactly (no lost updates)", async () => {
    const key = "concurrent@example.test";
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => consume("loginFailuresPerAccount", key)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(LIMITS.loginFailuresPerAccount.points);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(8 - LIMITS.loginFailuresPerAccount.points);
    // Past the limit the key is blocked (the stored count then stops mattering).
    expect((await row("loginFailuresPerAccount", key))?.points).toBeGreaterThan(LIMITS.loginFailuresPerAccount.points);
  });
});
