// The ledger module's public face: seller money (commission, double-entry ledger, earnings).
export { accountKey, postTransaction, ensureAccount, subOrderBalance, UnbalancedTransactionError, type AccountRef, type Posting } from "./ledger.core";
export { commissionOf, processingFee, rateFor, loadRules, DEFAULT_COMMISSION_BPS } from "./commission";
export { postCharge, postCashOnDelivery, postRefund, releaseEarning, releaseDueEarnings, scheduleRelease, splitCharge, ChargeNotPostedError } from "./earnings";
export * from "./ledger.service";
export * from "./ledger.schema";
