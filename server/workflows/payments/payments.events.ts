// Event handlers of the payment workflow.
import { defineSubscription } from "@/server/events/registry";
import { env } from "@/server/env";
import { AppError } from "@/server/lib/errors";
import { sendMail } from "@/server/modules/mail";
import { getReceipt } from "./payments.reads";

/**
 * A card payment was captured: the shopper gets a receipt by mail, in their language. The mail is
 * sent through the handler's transaction like every other mail of the app: the dev mailbox row
 * commits with the ProcessedEvent row, so a redelivered event never mails twice; with SMTP the
 * send is the handler's last step, so only a failed commit after a sent mail could repeat it.
 */
export const mailReceiptOnPaymentSucceeded = defineSubscription({
  name: "payments-mail-receipt",
  events: ["payment.succeeded"],
  async handle(tx, event) {
    const receipt = await getReceipt(tx, null, event.payload.paymentId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "NOT_FOUND") return null; // no longer captured: nothing to confirm
      throw error;
    });
    if (!receipt) return;
    const user = receipt.order.user;
    const locale = user.locale;
    await sendMail(tx, {
      to: user.email, locale, template: "paymentReceipt",
      vars: {
        name: user.name, orderNumber: receipt.order.number, amount: receipt.amount, currency: receipt.currency, paidAt: receipt.paidAt.toISOString(), card: receipt.card,
        parts: receipt.order.subOrders.map((s) => ({ shop: s.vendor.name, amount: s.total })),
        url: new URL(`/${locale}/account/payments/${receipt.id}/receipt`, env.APP_URL).toString(),
      },
    });
  },
});
