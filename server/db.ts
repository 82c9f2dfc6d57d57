// The one Prisma client (driver adapter over a pg Pool). The pool is shared with the
// rate limiter so the process holds a single set of connections.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/prisma/generated/client/client";
import { env } from "./env";

export type Db = PrismaClient;
/** A database handle: the client or an interactive transaction. Services take this first. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

interface DbGlobals {
  pool?: pg.Pool;
  prisma?: PrismaClient;
}
const globals = globalThis as typeof globalThis & { __bazaarDb?: DbGlobals };
const cache: DbGlobals = (globals.__bazaarDb ??= {});

function createPool(): pg.Pool {
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 10, idleTimeoutMillis: 30_000 });
  pool.on("error", () => {}); // an idle client dropped by the server is replaced on next use
  return pool;
}

export const pool: pg.Pool = (cache.pool ??= createPool());
export const db: PrismaClient = (cache.prisma ??= new PrismaClient({ adapter: new PrismaPg(pool) }));
