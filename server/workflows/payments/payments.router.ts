import { badRequest } from "@/server/lib/errors";
import { consume } from "@/server/lib/rate-limit";
import { env } from "@/server/env";
import { paymentClientConfig, paymentProvider, sandboxProvider } from "@/server/modules/payments/providers";
import { router } from "@/server/trpc/init";
import { adminProcedure, authedProcedure, sellerProcedure } from "@/server/trpc/procedures";
import { completeSandboxChallenge, confirmSandboxCard, orderPaymentStatus, startPayment } from "./pay";
import { confirmSandboxSetup, listMyCards, payWithSavedCard, removeCard, setDefaultCard, startAddCard } from "./cards";
import { OrderPaymentInput, PartRefundInput, PayWithSavedCardInput, SandboxCardInput, SandboxChallengeInput, SandboxSetupInput, SavedCardInput } from "./payments.schema";
import { getPaymentForStaff, getReceipt, listMyPayments, listPaymentsForStaff, partRefundsForVendor, paymentsOfOrder, paymentVendorOptions } from "./payments.reads";
import { AdminPaymentListInput, MyPaymentListInput, OrderRefInput, PartRefInput, PaymentRefInput } from "./payments.reads.schema";
import { adminRefund, sellerRefund } from "./refund-orders";
import { syncPayment } from "./sync";

function sandboxOrRefuse() {
  const sandbox = sandboxProvider();
  if (!sandbox) throw badRequest("payments.sandboxDisabled");
  return sandbox;
}

export const paymentsRouter = router({
  /** Opens (or resumes) the order's card payment; the page then shows the provider's card form. */
  start: authedProcedure.input(OrderPaymentInput).mutation(async ({ ctx, input }) => ({
    ...(await startPayment(ctx.db, paymentProvider(), ctx.actor, input.orderId)),
    client: paymentClientConfig(),
  })),
  status: authedProcedure.input(OrderPaymentInput).query(({ ctx, input }) => orderPaymentStatus(ctx.db, ctx.actor, input.orderId)),
  /** Back from the provider's page (Stripe redirect): ask the provider now rather than wait for the webhook. */
  refresh: authedProcedure.input(OrderPaymentInput).mutation(async ({ ctx, input }) => {
    const { payment } = await orderPaymentStatus(ctx.db, ctx.actor, input.orderId);
    if (payment) await syncPayment(ctx.db, paymentProvider(), payment.id);
    return orderPaymentStatus(ctx.db, ctx.actor, input.orderId);
  }),
  sandboxConfirm: authedProcedure.input(SandboxCardInput).mutation(async ({ ctx, input }) => {
    const sandbox = sandboxOrRefuse();
    await consume("cardAttemptsPerUser", ctx.actor.userId);
    return confirmSandboxCard(ctx.db, sandbox, ctx.actor, input);
  }),
  /** A seller gives back (part of) a sub-order's money before it ships. */
  sellerRefund: sellerProcedure("orders.fulfil").input(PartRefundInput).mutation(({ ctx, input }) => sellerRefund(ctx.db, paymentProvider(), ctx.actor, ctx.vendorId, input)),
  /** Staff refund any part of any paid order. */
  adminRefund: adminProcedure("payments.refund").input(PartRefundInput).mutation(({ ctx, input }) => adminRefund(ctx.db, paymentProvider(), ctx.actor, input)),
  // Saved cards (held by the provider).
  cards: authedProcedure.query(({ ctx }) => listMyCards(ctx.db, paymentProvider(), ctx.actor)),
  startAddCard: authedProcedure.mutation(async ({ ctx }) => ({ ...(await startAddCard(ctx.db, paymentProvider(), ctx.actor)), client: paymentClientConfig() })),
  sandboxSaveCard: authedProcedure.input(SandboxSetupInput).mutation(async ({ ctx, input }) => {
    const sandbox = sandboxOrRefuse();
    await consume("cardAttemptsPerUser", ctx.actor.userId);
    return confirmSandboxSetup(ctx.db, sandbox, ctx.actor, input);
  }),
  setDefaultCard: authedProcedure.input(SavedCardInput).mutation(({ ctx, input }) => setDefaultCard(ctx.db, paymentProvider(), ctx.actor, input.paymentMethodId)),
  removeCard: authedProcedure.input(SavedCardInput).mutation(({ ctx, input }) => removeCard(ctx.db, paymentProvider(), ctx.actor, input.paymentMethodId)),
  payWithSavedCard: authedProcedure.input(PayWithSavedCardInput).mutation(async ({ ctx, input }) => {
    await consume("cardAttemptsPerUser", ctx.actor.userId);
    const { orderId } = await ctx.db.payment.findUniqueOrThrow({ where: { id: input.paymentId }, select: { orderId: true } }).catch(() => ({ orderId: "" }));
    return payWithSavedCard(ctx.db, paymentProvider(), ctx.actor, { ...input, returnUrl: new URL(`/${ctx.meta.locale}/checkout/pay/${orderId}?returned=1`, env.APP_URL).toString() });
  }),
  sandboxChallenge: authedProcedure.input(SandboxChallengeInput).mutation(({ ctx, input }) => completeSandboxChallenge(ctx.db, sandboxOrRefuse(), ctx.actor, input)),

  // Reads (payments.reads.ts). Staff read payments with payments.refund: whoever may give money back may see it.
  adminList: adminProcedure("payments.refund").input(AdminPaymentListInput).query(({ ctx, input }) => listPaymentsForStaff(ctx.db, input)),
  adminVendorOptions: adminProcedure("payments.refund").query(({ ctx }) => paymentVendorOptions(ctx.db)),
  adminGet: adminProcedure("payments.refund").input(PaymentRefInput).query(({ ctx, input }) => getPaymentForStaff(ctx.db, input.paymentId)),
  /** The admin order page's payment panel (the order page's own permission). */
  ofOrder: adminProcedure("orders.manage").input(OrderRefInput).query(({ ctx, input }) => paymentsOfOrder(ctx.db, input.orderId)),
  /** A seller's refunds of one of its parts. */
  partRefunds: sellerProcedure("orders.fulfil").input(PartRefInput).query(({ ctx, input }) => partRefundsForVendor(ctx.db, ctx.vendorId, input.subOrderId)),
  /** The shopper's payment history and receipts. */
  myPayments: authedProcedure.input(MyPaymentListInput).query(({ ctx, input }) => listMyPayments(ctx.db, ctx.actor.userId, input)),
  myReceipt: authedProcedure.input(PaymentRefInput).query(({ ctx, input }) => getReceipt(ctx.db, ctx.actor.userId, input.paymentId)),
});
