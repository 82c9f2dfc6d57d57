// Event handlers of the payment step.
import { defineSubscription } from "@/server/events/registry";
import { cancelUnpaidOrder } from "./payment";

/**
 * An order's stock reservation expired before payment arrived (inventory's expiry job or a
 * checkout's lazy sweep): the order can no longer be paid for, so its unpaid parts are cancelled.
 * Paid parts are left alone; running twice changes nothing (cancelUnpaidOrder only touches
 * PENDING_PAYMENT parts).
 */
export const cancelOrderOnReservationExpired = defineSubscription({
  name: "checkout-cancel-on-reservation-expired",
  events: ["inventory.reservationExpired"],
  async handle(tx, event) {
    await cancelUnpaidOrder(tx, event.payload.orderId, null, "payment window expired");
  },
});
