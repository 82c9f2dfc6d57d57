// Ledger postings driven by domain events. Each runs inside deliver()'s transaction (with its
// ProcessedEvent row) and is also guarded by the ledger's (kind, sourceId) key, so a replay
// never posts twice. None of them calls a payment provider.
import { defineSubscription } from "@/server/events/registry";
import { postCashOnDelivery, postCharge, postRefund, scheduleRelease } from "./earnings";

/** A captured charge is split over the order's parts into seller pending, commission and fees. */
export const postChargeToLedger = defineSubscription({
  name: "ledger-post-charge",
  events: ["payment.succeeded"],
  async handle(tx, event) {
    await postCharge(tx, event.payload);
  },
});

/** A refund takes the seller's share back (commission proportionally; the fee is not returned). */
export const postRefundToLedger = defineSubscription({
  name: "ledger-post-refund",
  events: ["payment.refunded"],
  async handle(tx, event) {
    await postRefund(tx, event.payload);
  },
});

/** Delivery starts the hold (pay on delivery also posts its sale); a part that ends undelivered is released at once. */
export const ledgerOnSubOrderStatus = defineSubscription({
  name: "ledger-sub-order-status",
  events: ["order.subOrderStatusChanged"],
  async handle(tx, event) {
    const { subOrderId, to } = event.payload;
    if (to === "DELIVERED") await postCashOnDelivery(tx, subOrderId);
    if (["DELIVERED", "COMPLETED", "REFUNDED", "CANCELLED"].includes(to)) await scheduleRelease(tx, subOrderId);
  },
});
