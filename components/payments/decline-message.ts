// Which translated message a decline code gets (payment.declined.*); unknown codes read as generic.
const KNOWN = new Set([
  "generic_decline", "insufficient_funds", "lost_card", "stolen_card", "expired_card", "incorrect_cvc", "invalid_cvc",
  "processing_error", "incorrect_number", "invalid_expiry_year", "card_declined", "payment_intent_authentication_failure",
]);

export function declineKey(code: string | null | undefined): string {
  if (code && KNOWN.has(code)) return `declined.${code}`;
  return "declined.generic_decline";
}
