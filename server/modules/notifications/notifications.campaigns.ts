// Bulk (marketing) sends: a NotificationCampaign row, then batches run by the worker as outbox
// events ("notifications.campaignBatch"), each queuing the next, so a send survives restarts,
// is retried per batch and reports progress. Preferences apply (type "marketing").
import type { Prisma } from "@/prisma/generated/client/client";
import type { DbTx } from "@/server/db";
import { publish } from "@/server/events";
import type { Actor } from "@/server/lib/actor";
import { notFound } from "@/server/lib/errors";
import { recordAudit } from "@/server/modules/audit";
import { notify } from "./notifications.delivery";
import type { SendBulkInput } from "./notifications.schema";
import type { NotificationChannel } from "./notifications.types";

export const CAMPAIGN_BATCH_SIZE = 200;

type Segment = SendBulkInput["segment"];

/** Shoppers: active accounts with a confirmed email, optionally of one locale. */
function segmentWhere(segment: Segment): Prisma.UserWhereInput {
  return { disabledAt: null, emailVerifiedAt: { not: null }, ...(segment.kind === "locale" ? { locale: segment.locale } : {}) };
}

/** How many people a send to `segment` would reach now (before preferences), for the confirmation. */
export async function segmentSize(db: DbTx, segment: Segment): Promise<number> {
  return db.user.count({ where: segmentWhere(segment) });
}

export async function createCampaign(tx: DbTx, actor: Actor, input: SendBulkInput) {
  const total = await segmentSize(tx, input.segment);
  const campaign = await tx.notificationCampaign.create({
    data: { createdById: actor.userId, segment: input.segment, channels: input.channels, content: input.content, link: input.link, total, status: total === 0 ? "DONE" : "QUEUED", finishedAt: total === 0 ? new Date() : null },
  });
  if (total > 0) await publish(tx, { type: "notifications.campaignBatch", aggregateType: "notificationCampaign", aggregateId: campaign.id, payload: { campaignId: campaign.id } });
  await recordAudit(tx, actor, { action: "notifications.sendBulk", resourceType: "notificationCampaign", resourceId: campaign.id, metadata: { segment: input.segment, channels: input.channels, total } });
  return campaign;
}

/** Runs the next batch of a campaign (locks its row, so a duplicate batch event waits and then finds the cursor moved). */
export async function processCampaignBatch(tx: DbTx, campaignId: string, batchSize = CAMPAIGN_BATCH_SIZE) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "NotificationCampaign" WHERE "id" = ${campaignId} FOR UPDATE`;
  if (locked.length === 0) return null;
  const campaign = await tx.notificationCampaign.findUniqueOrThrow({ where: { id: campaignId } });
  if (campaign.status === "DONE") return campaign;
  const users = await tx.user.findMany({
    where: { ...segmentWhere(campaign.segment as Segment), ...(campaign.cursor ? { id: { gt: campaign.cursor } } : {}) },
    orderBy: { id: "asc" }, take: batchSize, select: { id: true },
  });
  const { deliveries, skipped } = await notify(tx, {
    type: "marketing", sourceKey: `campaign:${campaign.id}`, recipients: users.map((u) => ({ userId: u.id })), vars: {},
    link: campaign.link, data: { campaignId: campaign.id }, channels: campaign.channels as NotificationChannel[],
    content: campaign.content as Record<string, { title: string; body: string }>,
  });
  const done = users.length < batchSize;
  const updated = await tx.notificationCampaign.update({
    where: { id: campaign.id },
    data: {
      processed: { increment: users.length }, queued: { increment: deliveries }, skipped: { increment: skipped },
      cursor: users.at(-1)?.id ?? campaign.cursor, status: done ? "DONE" : "RUNNING", finishedAt: done ? new Date() : null,
    },
  });
  if (!done) await publish(tx, { type: "notifications.campaignBatch", aggregateType: "notificationCampaign", aggregateId: campaign.id, payload: { campaignId: campaign.id } });
  return updated;
}

/** A campaign with its progress and how its deliveries went so far. */
export async function getCampaign(db: DbTx, campaignId: string) {
  const campaign = await db.notificationCampaign.findUnique({ where: { id: campaignId } });
  if (!campaign) throw notFound("notifications.campaignNotFound");
  const byStatus = await db.notificationDelivery.groupBy({ by: ["status"], where: { sourceKey: `campaign:${campaign.id}` }, _count: { _all: true } });
  const deliveries = { PENDING: 0, SENT: 0, FAILED: 0, DEAD: 0 };
  for (const row of byStatus) deliveries[row.status] = row._count._all;
  return { ...campaign, progress: campaign.total === 0 ? 1 : Math.min(1, campaign.processed / campaign.total), deliveries };
}

export async function listCampaigns(db: DbTx, input: { cursor?: string; limit: number }) {
  const rows = await db.notificationCampaign.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: input.limit + 1, ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? items.at(-1)!.id : null };
}
