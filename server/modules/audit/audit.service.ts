import type { DbTx } from "@/server/db";
import type { Prisma } from "@/prisma/generated/client/client";
import type { RequestMeta } from "@/server/lib/actor";
import type { ListAuditLogInput } from "./audit.schema";

export interface AuditEntry {
  action: string;
  resourceType: string;
  resourceId?: string | null;
  metadata?: Prisma.InputJsonValue;
}

/** Who is acting: a signed-in actor, or (for sign-in itself) the user being acted on. */
export interface AuditActor extends Partial<RequestMeta> {
  userId?: string | null;
  email?: string | null;
}

/** Appends one entry to the audit log; pass the transaction that makes the change. */
export async function recordAudit(db: DbTx, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: actor.userId ?? null,
      actorEmail: actor.email ?? null,
      ip: actor.ip ?? null,
      requestId: actor.requestId ?? null,
      action: entry.action,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId ?? null,
      metadata: entry.metadata ?? {},
    },
  });
}

/** A filtered page of the audit log, newest first. */
export async function listAuditLog(db: DbTx, input: ListAuditLogInput) {
  const where: Prisma.AuditLogWhereInput = {
    ...(input.actor ? { OR: [{ actorEmail: { contains: input.actor, mode: "insensitive" } }, { actorId: input.actor }] } : {}),
    ...(input.action ? { action: { startsWith: input.action } } : {}),
    ...(input.resourceType ? { resourceType: input.resourceType } : {}),
    ...(input.resourceId ? { resourceId: input.resourceId } : {}),
    ...(input.from || input.to ? { at: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lte: input.to } : {}) } } : {}),
    ...(input.cursor ? { id: { lt: BigInt(input.cursor) } } : {}),
  };
  const rows = await db.auditLog.findMany({ where, orderBy: { id: "desc" }, take: input.limit + 1 });
  const page = rows.slice(0, input.limit);
  return {
    entries: page.map((row) => ({ ...row, id: row.id.toString() })),
    nextCursor: rows.length > input.limit ? page[page.length - 1]!.id.toString() : null,
  };
}

/** Distinct action names, for the filter's suggestions. */
export async function listAuditActions(db: DbTx): Promise<string[]> {
  const rows = await db.auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" }, take: 500 });
  return rows.map((row) => row.action);
}
