// Timed jobs: work the worker runs on a cron schedule (UTC). One job per tick across all
// workers; each run must be safe to repeat and to overlap with another.
import type { Db } from "@/server/db";
import { releaseExpiredReservations } from "@/server/modules/inventory";
import { deliverPendingSandboxEvents, paymentProvider, sandboxDeliveryTarget, usingStripe } from "@/server/modules/payments/providers";
import { reconcilePayments } from "@/server/workflows/payments/reconcile";

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
];
