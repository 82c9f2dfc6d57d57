// Creating deliveries (inside the caller's transaction) and sending them (the delivery job,
// never inside an event's transaction).
import type { Prisma } from "@/prisma/generated/client/client";
import type { Db, DbTx } from "@/server/db";
import { logger } from "@/server/lib/logger";
import { defaultProviders, PermanentDeliveryError, type ChannelProviders } from "./providers";
import { absoluteUrl, localeOf, renderNotification, type TemplateCache, type TemplateVars } from "./notifications.templates";
import {
  DELIVERY_BACKOFF_BASE_MS,
  DELIVERY_BACKOFF_CAP_MS,
  DELIVERY_MAX_ATTEMPTS,
  isMandatory,
  mayUse,
  typeDef,
  type NotificationChannel,
  type NotificationType,
} from "./notifications.types";

const log = logger.child({ component: "notifications" });

export interface Recipient {
  userId: string;
  /** Per-recipient variables on top of the shared ones (name and url are added). */
  vars?: TemplateVars;
  /** Phone number for SMS, when the event knows one (an order's shipping address). */
  phone?: string | null;
}

export interface NotifyInput {
  type: NotificationType;
  /** "event:<outbox id>" or "campaign:<id>": with (user, type, channel) a delivery is made once. */
  sourceKey: string;
  recipients: Recipient[];
  vars: TemplateVars;
  /** A site path without the locale, or null. */
  link: string | null;
  data?: Prisma.InputJsonObject;
  /** Only these channels (bulk sends choose); always within the type's channels. */
  channels?: readonly NotificationChannel[];
  /** Texts that replace the templates (bulk sends), per locale with "en" as fallback. */
  content?: Record<string, { title: string; body: string }>;
}

/** Whether `channel` is on for one person: mandatory → on; a preference row; else the type's default. */
export function channelEnabled(type: NotificationType, channel: NotificationChannel, preference: boolean | undefined): boolean {
  if (!mayUse(type, channel)) return false;
  if (isMandatory(type, channel)) return true;
  return preference ?? (typeDef(type).defaults as readonly string[]).includes(channel);
}

/**
 * Creates, for each recipient, the in-app Notification and one PENDING delivery per enabled
 * channel, in `tx`. Repeating it with the same sourceKey creates nothing new.
 * Returns how many deliveries were created and how many recipients had every channel off.
 */
export async function notify(tx: DbTx, input: NotifyInput): Promise<{ deliveries: number; skipped: number }> {
  const ids = [...new Set(input.recipients.map((r) => r.userId))];
  if (ids.length === 0) return { deliveries: 0, skipped: 0 };
  const users = await tx.user.findMany({ where: { id: { in: ids }, disabledAt: null }, select: { id: true, email: true, name: true, locale: true } });
  const prefs = await tx.notificationPreference.findMany({ where: { userId: { in: ids }, type: input.type } });
  const pushUsers = new Set(
    (await tx.pushSubscription.groupBy({ by: ["userId"], where: { userId: { in: ids } } })).map((r) => r.userId),
  );
  const byId = new Map(input.recipients.map((r) => [r.userId, r]));
  const wanted = input.channels ?? typeDef(input.type).channels;
  const templates: TemplateCache = new Map();
  let deliveries = 0;
  let skipped = 0;
  for (const user of users) {
    const recipient = byId.get(user.id)!;
    const locale = localeOf(user.locale);
    const channels = wanted.filter((channel) => {
      const pref = prefs.find((p) => p.userId === user.id && p.channel === channel)?.enabled;
      if (!channelEnabled(input.type, channel, pref)) return false;
      if (channel === "PUSH") return pushUsers.has(user.id);
      if (channel === "SMS") return Boolean(recipient.phone);
      return true;
    });
    if (channels.length === 0) {
      skipped++;
      continue;
    }
    const url = input.link ? absoluteUrl(input.link, locale) : null;
    const vars: TemplateVars = { ...input.vars, ...recipient.vars, name: user.name, url: url ?? "" };
    const text = async (channel: NotificationChannel) => {
      if (input.content) {
        const c = input.content[locale] ?? input.content.en!;
        return renderNotification(tx, input.type, channel, locale, { ...vars, title: c.title, body: c.body }, templates);
      }
      return renderNotification(tx, input.type, channel, locale, vars, templates);
    };
    let notificationId: string | null = null;
    if (channels.includes("IN_APP")) {
      const t = await text("IN_APP");
      const row = await tx.notification.upsert({
        where: { sourceKey_userId_type: { sourceKey: input.sourceKey, userId: user.id, type: input.type } },
        create: { userId: user.id, type: input.type, sourceKey: input.sourceKey, title: t.subject, body: t.body, link: input.link, data: input.data ?? {} },
        update: {},
        select: { id: true },
      });
      notificationId = row.id;
    }
    const rows: Prisma.NotificationDeliveryCreateManyInput[] = [];
    for (const channel of channels) {
      const t = await text(channel);
      const destination = channel === "EMAIL" ? user.email : channel === "SMS" ? recipient.phone! : null;
      rows.push({ notificationId, userId: user.id, type: input.type, channel, sourceKey: input.sourceKey, destination, locale, subject: t.subject, body: t.body, url });
    }
    deliveries += (await tx.notificationDelivery.createMany({ data: rows, skipDuplicates: true })).count;
  }
  skipped += ids.length - users.length;
  return { deliveries, skipped };
}

/** How long a claimed delivery is hidden from other runs while it is being sent. */
const CLAIM_LEASE_MS = 5 * 60_000;

/** Wait before attempt n+1 after n failed attempts: base · 2^(n−1), capped. */
export function backoffMs(attempts: number): number {
  return Math.min(DELIVERY_BACKOFF_CAP_MS, DELIVERY_BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

export interface DeliverOptions {
  /** Only the deliveries of this source (the kick after an event's handler). */
  sourceKey?: string;
  /** Rows per claim, and claims per run. */
  batchSize?: number;
  maxBatches?: number;
  providers?: Partial<ChannelProviders>;
}

export interface DeliverResult {
  sent: number;
  failed: number;
  dead: number;
}

/**
 * Sends due PENDING/FAILED deliveries. Each batch is claimed with FOR UPDATE SKIP LOCKED and
 * leased (nextAttemptAt moved ahead) in a short transaction, so parallel runs never send a row
 * twice and a crash mid-send retries it after the lease. Then each row is sent outside any
 * transaction and marked SENT, FAILED (attempts+1, nextAttemptAt = now + backoff) or DEAD
 * (after DELIVERY_MAX_ATTEMPTS attempts, or a permanent error).
 */
export async function deliverDueNotifications(db: Db, now: Date = new Date(), options: DeliverOptions = {}): Promise<DeliverResult> {
  const providers = { ...defaultProviders(), ...options.providers };
  const batchSize = options.batchSize ?? 100;
  const result: DeliverResult = { sent: 0, failed: 0, dead: 0 };
  for (let batch = 0; batch < (options.maxBatches ?? 20); batch++) {
    const claimed = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "NotificationDelivery"
        WHERE "status" IN ('PENDING', 'FAILED') AND "nextAttemptAt" <= ${now}
          AND (${options.sourceKey ?? null}::text IS NULL OR "sourceKey" = ${options.sourceKey ?? null})
        ORDER BY "nextAttemptAt", "id"
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return [];
      const ids = rows.map((r) => r.id);
      await tx.notificationDelivery.updateMany({ where: { id: { in: ids } }, data: { nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) } });
      return tx.notificationDelivery.findMany({ where: { id: { in: ids } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    });
    if (claimed.length === 0) break;
    for (const d of claimed) {
      try {
        await providers[d.channel].send(db, d);
        await db.notificationDelivery.update({ where: { id: d.id }, data: { status: "SENT", sentAt: new Date(), attempts: d.attempts + 1, lastError: null } });
        result.sent++;
      } catch (error) {
        const attempts = d.attempts + 1;
        const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
        const dead = error instanceof PermanentDeliveryError || attempts >= DELIVERY_MAX_ATTEMPTS;
        await db.notificationDelivery.update({
          where: { id: d.id },
          data: dead ? { status: "DEAD", attempts, lastError: message } : { status: "FAILED", attempts, lastError: message, nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)) },
        });
        if (dead) result.dead++;
        else result.failed++;
        log.warn("notification delivery failed", { id: d.id, channel: d.channel, attempts, dead, error: message });
      }
    }
    if (claimed.length < batchSize) break;
  }
  return result;
}
