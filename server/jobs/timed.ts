// Timed jobs: work the worker runs on a cron schedule (UTC). One job per tick across all
// workers; each run must be safe to repeat and to overlap with another.
import type { Db } from "@/server/db";
import { pruneProductViews } from "@/server/modules/discovery";
import { releaseExpiredReservations } from "@/server/modules/inventory";
import { deliverPendingSandboxEvents, paymentProvider, sandboxDeliveryTarget, usingStripe } from "@/server/modules/payments/providers";
import { releaseDueEarnings } from "@/server/modules/ledger";
import { deliverDueNotifications } from "@/server/modules/notifications/notifications.delivery";
import { reconcilePayments } from "@/server/workflows/payments/reconcile";
import { resendPendingPayouts, runWeeklyPayouts } from "@/server/workflows/payouts/payouts";

export interface TimedJob {
  name: string;
  cron: string;
  run(db: Db, now: Date): Promise<unknown>;
}

export const timedJobs: TimedJob[] = [
  // Unpaid orders' stock goes back on sale; checkout also releases lazily, so this is a sweep.
  { name: "inventory.releaseExpired", cron: "* * * * *", run: (db, now) => releaseExpiredReservations(db, now) },
  // Payments the webhooks missed, refunds to resend, cancelled orders' charges to return.
  { name: "payments.reconcile", cron: "* * * * *", run: (db, now) => reconcilePayments(db, paymentProvider(), now) },
  // The sandbox provider's webhook events that did not land at once (server restarting).
  { name: "payments.sandboxWebhooks", cron: "* * * * *", run: (db, now) => (usingStripe ? Promise.resolve(null) : deliverPendingSandboxEvents(db, sandboxDeliveryTarget(), now)) },
  // Sellers' earnings move from pending to available once delivery + PAYOUT_HOLD_DAYS has passed.
  { name: "ledger.release", cron: "*/10 * * * *", run: (db, now) => releaseDueEarnings(db, now) },
  // Every vendor's available balance (at least PAYOUT_MINIMUM) is paid up to Monday 00:00 UTC.
  { name: "payouts.weekly", cron: "0 3 * * 1", run: (db, now) => runWeeklyPayouts(db, paymentProvider(), now) },
  // Payouts claimed but never sent (a crash between claim and transfer): the same idempotency key again.
  { name: "payouts.resend", cron: "*/10 * * * *", run: (db, now) => resendPendingPayouts(db, paymentProvider(), now) },
  // Notification deliveries due (new ones the event kick missed, and retries with backoff).
  { name: "notifications.deliver", cron: "* * * * *", run: (db, now) => deliverDueNotifications(db, now) },
  // Product views past their retention (recently viewed, trending) leave the table.
  { name: "discovery.pruneViews", cron: "30 4 * * *", run: (db, now) => pruneProductViews(db, now) },
];
