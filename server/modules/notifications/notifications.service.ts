// The reads and settings behind the notification centre, the preferences page, the push
// subscribe flow and the admin console (templates, delivery stats).
import type { Prisma } from "@/prisma/generated/client/client";
import { locales } from "@/lib/i18n/routing";
import type { DbTx } from "@/server/db";
import type { Actor } from "@/server/lib/actor";
import { badRequest } from "@/server/lib/errors";
import { recordAudit } from "@/server/modules/audit";
import { channelEnabled } from "./notifications.delivery";
import { vapidKeys } from "./providers/vapid";
import type { DeliveryStatsInput, ListNotificationsInput, MarkReadInput, PushSubscriptionInput, SaveTemplateInput, SetPreferenceInput } from "./notifications.schema";
import { ListNotificationsInput as ListSchema } from "./notifications.schema";
import { defaultTemplate, localeOf } from "./notifications.templates";
import {
  isMandatory,
  mayUse,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_TYPE_NAMES,
  NOTIFICATION_TYPES,
  type NotificationChannel,
  type NotificationType,
} from "./notifications.types";

const notificationSelect = { id: true, type: true, title: true, body: true, link: true, data: true, readAt: true, createdAt: true } as const;

/** The person's notifications, newest first, in keyset pages (cursor = last id of the previous page). */
export async function listNotifications(db: DbTx, userId: string, rawInput: ListNotificationsInput) {
  const input = ListSchema.parse(rawInput);
  const where: Prisma.NotificationWhereInput = { userId, ...(input.unreadOnly ? { readAt: null } : {}) };
  if (input.cursor) {
    const after = await db.notification.findFirst({ where: { id: input.cursor, userId }, select: { id: true, createdAt: true } });
    if (after) where.OR = [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }];
  }
  const rows = await db.notification.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: input.limit + 1, select: notificationSelect });
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? items.at(-1)!.id : null };
}

export async function unreadCount(db: DbTx, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/** Marks the person's own notifications read (others' ids are ignored); returns the unread count. */
export async function markRead(db: DbTx, userId: string, input: MarkReadInput) {
  const where: Prisma.NotificationWhereInput = { userId, readAt: null, ...("ids" in input ? { id: { in: input.ids } } : {}) };
  const { count } = await db.notification.updateMany({ where, data: { readAt: new Date() } });
  return { marked: count, unread: await unreadCount(db, userId) };
}

export interface PreferenceRow {
  type: NotificationType;
  audience: (typeof NOTIFICATION_TYPES)[NotificationType]["audience"]["kind"];
  channels: { channel: NotificationChannel; enabled: boolean; mandatory: boolean }[];
}

/**
 * Every type the person may receive with each allowed channel: on/off and whether it can be
 * switched off. Seller types appear only for members of a shop.
 */
export async function getPreferences(db: DbTx, userId: string): Promise<{ types: PreferenceRow[]; pushSubscriptions: number }> {
  const [prefs, memberships, pushSubscriptions] = await Promise.all([
    db.notificationPreference.findMany({ where: { userId } }),
    db.vendorMembership.count({ where: { userId } }),
    db.pushSubscription.count({ where: { userId } }),
  ]);
  const types = NOTIFICATION_TYPE_NAMES.filter((t) => NOTIFICATION_TYPES[t].audience.kind !== "vendorMembers" || memberships > 0).map((type) => ({
    type,
    audience: NOTIFICATION_TYPES[type].audience.kind,
    channels: NOTIFICATION_TYPES[type].channels.map((channel) => ({
      channel,
      enabled: channelEnabled(type, channel, prefs.find((p) => p.type === type && p.channel === channel)?.enabled),
      mandatory: isMandatory(type, channel),
    })),
  }));
  return { types, pushSubscriptions };
}

export async function setPreference(db: DbTx, userId: string, input: SetPreferenceInput) {
  if (!mayUse(input.type, input.channel)) throw badRequest("notifications.channelNotAllowed");
  if (isMandatory(input.type, input.channel) && !input.enabled) throw badRequest("notifications.mandatory");
  await db.notificationPreference.upsert({
    where: { userId_type_channel: { userId, type: input.type, channel: input.channel } },
    create: { userId, type: input.type, channel: input.channel, enabled: input.enabled },
    update: { enabled: input.enabled },
  });
  return { type: input.type, channel: input.channel, enabled: input.enabled };
}

/** Stores this browser's subscription for the person (an endpoint moves to whoever subscribed last). */
export async function savePushSubscription(db: DbTx, userId: string, input: PushSubscriptionInput, userAgent: string | null) {
  const row = await db.pushSubscription.upsert({
    where: { endpoint: input.endpoint },
    create: { userId, endpoint: input.endpoint, p256dh: input.keys.p256dh, auth: input.keys.auth, userAgent: userAgent?.slice(0, 300) ?? null },
    update: { userId, p256dh: input.keys.p256dh, auth: input.keys.auth, userAgent: userAgent?.slice(0, 300) ?? null },
  });
  return { id: row.id };
}

/** Whether this browser's subscription is stored for this user (a shared browser may hold another person's). */
export async function ownsPushSubscription(db: DbTx, userId: string, endpoint: string) {
  return (await db.pushSubscription.count({ where: { userId, endpoint } })) > 0;
}

export async function deletePushSubscription(db: DbTx, userId: string, endpoint: string) {
  const { count } = await db.pushSubscription.deleteMany({ where: { userId, endpoint } });
  return { deleted: count };
}

/** The VAPID public key the browser passes to PushManager.subscribe() as applicationServerKey. */
export function vapidPublicKey(): string {
  return vapidKeys().publicKey;
}

// ---- admin: templates ----

/** Each (type, channel, locale) with its current text: the admin's override or the default. */
export async function listTemplates(db: DbTx, filter: { type?: NotificationType; locale?: string } = {}) {
  const overrides = await db.notificationTemplate.findMany({ where: { ...(filter.type ? { type: filter.type } : {}), ...(filter.locale ? { locale: filter.locale } : {}) } });
  const types = filter.type ? [filter.type] : NOTIFICATION_TYPE_NAMES;
  const langs = filter.locale ? [localeOf(filter.locale)] : [...locales];
  const out = [];
  for (const type of types) {
    for (const locale of langs) {
      const fallback = await defaultTemplate(type, locale);
      for (const channel of NOTIFICATION_TYPES[type].channels) {
        const row = overrides.find((o) => o.type === type && o.channel === channel && o.locale === locale);
        out.push({
          type, channel, locale, variables: NOTIFICATION_TYPES[type].variables,
          subject: row?.subject ?? fallback.subject, body: row?.body ?? fallback.body,
          overridden: Boolean(row), updatedAt: row?.updatedAt ?? null, updatedById: row?.updatedById ?? null,
        });
      }
    }
  }
  return out;
}

export async function saveTemplate(db: DbTx, actor: Actor, input: SaveTemplateInput) {
  if (!mayUse(input.type, input.channel)) throw badRequest("notifications.channelNotAllowed");
  const key = { type: input.type, channel: input.channel, locale: input.locale };
  const before = await db.notificationTemplate.findUnique({ where: { type_channel_locale: key } });
  const row = await db.notificationTemplate.upsert({
    where: { type_channel_locale: key },
    create: { ...key, subject: input.subject, body: input.body, updatedById: actor.userId },
    update: { subject: input.subject, body: input.body, updatedById: actor.userId },
  });
  await recordAudit(db, actor, {
    action: "notifications.templateSaved", resourceType: "notificationTemplate", resourceId: row.id,
    metadata: { ...key, before: before ? { subject: before.subject, body: before.body } : null, after: { subject: row.subject, body: row.body } },
  });
  return row;
}

/** Back to the default wording. */
export async function resetTemplate(db: DbTx, actor: Actor, key: { type: NotificationType; channel: NotificationChannel; locale: string }) {
  const before = await db.notificationTemplate.findUnique({ where: { type_channel_locale: key } });
  if (!before) return { reset: false };
  await db.notificationTemplate.delete({ where: { id: before.id } });
  await recordAudit(db, actor, { action: "notifications.templateReset", resourceType: "notificationTemplate", resourceId: before.id, metadata: { ...key, before: { subject: before.subject, body: before.body } } });
  return { reset: true };
}

// ---- admin: delivery records ----

type StatusCounts = { PENDING: number; SENT: number; FAILED: number; DEAD: number; total: number };
const emptyCounts = (): StatusCounts => ({ PENDING: 0, SENT: 0, FAILED: 0, DEAD: 0, total: 0 });

/** Deliveries created in [from, to] counted by status, per channel, per type and per (type, channel). */
export async function deliveryStats(db: DbTx, input: DeliveryStatsInput) {
  const rows = await db.notificationDelivery.groupBy({
    by: ["type", "channel", "status"], where: { createdAt: { gte: input.from, lte: input.to } }, _count: { _all: true },
  });
  const totals = emptyCounts();
  const byChannel = Object.fromEntries(NOTIFICATION_CHANNELS.map((c) => [c, emptyCounts()])) as Record<NotificationChannel, StatusCounts>;
  const byType: Record<string, StatusCounts> = {};
  const byTypeAndChannel: Record<string, Partial<Record<NotificationChannel, StatusCounts>>> = {};
  for (const row of rows) {
    const n = row._count._all;
    for (const bucket of [totals, byChannel[row.channel], (byType[row.type] ??= emptyCounts()), ((byTypeAndChannel[row.type] ??= {})[row.channel] ??= emptyCounts())]) {
      bucket[row.status] += n;
      bucket.total += n;
    }
  }
  return { from: input.from, to: input.to, totals, byChannel, byType, byTypeAndChannel };
}

/** Delivery records for the admin page (newest first), e.g. the dead-lettered ones. */
export async function listDeliveries(db: DbTx, input: { status?: "PENDING" | "SENT" | "FAILED" | "DEAD"; channel?: NotificationChannel; type?: NotificationType; cursor?: string; limit: number }) {
  const rows = await db.notificationDelivery.findMany({
    where: { ...(input.status ? { status: input.status } : {}), ...(input.channel ? { channel: input.channel } : {}), ...(input.type ? { type: input.type } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: input.limit + 1, ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: { id: true, userId: true, type: true, channel: true, destination: true, locale: true, subject: true, status: true, attempts: true, nextAttemptAt: true, lastError: true, sentAt: true, createdAt: true },
  });
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? items.at(-1)!.id : null };
}

/** Puts a dead-lettered delivery back in the queue (after fixing what made it fail). */
export async function retryDelivery(db: DbTx, actor: Actor, deliveryId: string) {
  const { count } = await db.notificationDelivery.updateMany({ where: { id: deliveryId, status: { in: ["DEAD", "FAILED"] } }, data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), lastError: null } });
  if (count === 0) throw badRequest("notifications.notRetryable");
  await recordAudit(db, actor, { action: "notifications.deliveryRetried", resourceType: "notificationDelivery", resourceId: deliveryId });
  return { retried: true };
}

/** The dev SMS log (newest first), like the dev mailbox. */
export async function listDevSms(db: DbTx, filter: { to?: string; take?: number } = {}) {
  return db.smsMessage.findMany({ where: filter.to ? { to: filter.to } : {}, orderBy: { createdAt: "desc" }, take: filter.take ?? 50 });
}
