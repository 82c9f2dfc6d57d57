// Health of the database and each configured adapter, for /api/health.
import "server-only";
import { db } from "../db";
import { env } from "../env";
import { oauthProviders } from "../auth";
import { mailTransport } from "../modules/mail";
import { pusherServer, realtimeConfig } from "../modules/realtime";
import { searchEngine } from "../modules/search/providers";

export interface ComponentHealth {
  status: "ok" | "error";
  engine: string;
  latencyMs?: number;
  detail?: string;
}

async function timed(engine: string, check: () => Promise<string | void>): Promise<ComponentHealth> {
  const started = performance.now();
  try {
    const detail = await Promise.race([
      check(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out after 3s")), 3000)),
    ]);
    return { status: "ok", engine, latencyMs: Math.round(performance.now() - started), ...(detail ? { detail } : {}) };
  } catch (error) {
    return { status: "error", engine, latencyMs: Math.round(performance.now() - started), detail: (error as Error).message };
  }
}

export async function checkHealth() {
  const transport = mailTransport(db);
  const components = {
    database: await timed("postgresql", async () => {
      const rows = await db.$queryRaw<{ migrations: bigint }[]>`SELECT count(*) AS migrations FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`;
      return `${rows[0]?.migrations ?? 0} migrations applied`;
    }),
    mail: await timed(transport.name, async () => {
      if ("verify" in transport && typeof transport.verify === "function") await transport.verify();
    }),
    rateLimits: await timed(env.REDIS_URL ? "redis" : env.RATE_LIMIT_STORE, async () => {
      if (env.RATE_LIMIT_STORE === "postgres" && !env.REDIS_URL) await db.$queryRaw`SELECT 1 FROM rate_limits LIMIT 1`;
    }),
    search: await timed(searchEngine().name, async () => {
      const result = await searchEngine().health();
      if (!result.ok) throw new Error(result.detail ?? "unavailable");
      return result.detail;
    }),
    // A signed call to the HTTP API (GET /channels): proves both reachability and credentials.
    realtime: await timed(realtimeConfig().mode, async () => {
      const response = await pusherServer().get({ path: "/channels" });
      const body = (await response.json()) as { channels?: Record<string, unknown> };
      return `${Object.keys(body.channels ?? {}).length} occupied channels`;
    }),
    oauth: { status: "ok", engine: oauthProviders().join(",") || "none" } satisfies ComponentHealth,
  };
  const ok = Object.values(components).every((c) => c.status === "ok");
  return { status: ok ? "ok" : "degraded", components };
}
