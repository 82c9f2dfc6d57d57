// Stripe's published test card numbers and what each one does, so the sandbox answers the way
// Stripe's test mode would. https://docs.stripe.com/testing

export type ChargeOutcome = { kind: "success" } | { kind: "decline"; code: string; message: string };
/** 3-D Secure: the shopper must pass a challenge; `after` is what happens once it is passed. */
export type CardOutcome = ChargeOutcome | { kind: "authenticate"; after: ChargeOutcome };

const declined = (code: string, message: string): ChargeOutcome => ({ kind: "decline", code, message });

const OUTCOMES: Record<string, CardOutcome> = {
  "4242424242424242": { kind: "success" },
  "4000056655665556": { kind: "success" },
  "5555555555554444": { kind: "success" },
  "2223003122003222": { kind: "success" },
  "5200828282828210": { kind: "success" },
  "378282246310005": { kind: "success" },
  "6011111111111117": { kind: "success" },
  "4000000000000002": declined("generic_decline", "Your card was declined."),
  "4000000000009995": declined("insufficient_funds", "Your card has insufficient funds."),
  "4000000000009987": declined("lost_card", "Your card was declined."),
  "4000000000009979": declined("stolen_card", "Your card was declined."),
  "4000000000000069": declined("expired_card", "Your card has expired."),
  "4000000000000127": declined("incorrect_cvc", "Your card's security code is incorrect."),
  "4000000000000119": declined("processing_error", "An error occurred while processing your card. Try again in a little bit."),
  "4000002500003155": { kind: "authenticate", after: { kind: "success" } },
  "4000002760003184": { kind: "authenticate", after: { kind: "success" } },
  "4000000000003220": { kind: "authenticate", after: { kind: "success" } },
  "4000008260003178": { kind: "authenticate", after: declined("insufficient_funds", "Your card has insufficient funds.") },
};

/** Luhn check: catches typos the way a card form does before anything is sent. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length >= 12 && sum % 10 === 0;
}

export function cardBrand(digits: string): string {
  if (/^4/.test(digits)) return "visa";
  if (/^(5[1-5]|2[2-7])/.test(digits)) return "mastercard";
  if (/^3[47]/.test(digits)) return "amex";
  if (/^6(011|5)/.test(digits)) return "discover";
  return "unknown";
}

export interface SandboxCard {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
}

/** What Stripe's test mode does with this card (a real card number is declined, as in test mode). */
export function cardOutcome(card: SandboxCard, now = new Date()): CardOutcome {
  const digits = card.number.replace(/[\s-]/g, "");
  if (!/^\d{12,19}$/.test(digits) || !luhnValid(digits)) return declined("incorrect_number", "Your card number is incorrect.");
  const year = card.expYear < 100 ? 2000 + card.expYear : card.expYear;
  const expired = card.expMonth < 1 || card.expMonth > 12 || year < now.getUTCFullYear() || (year === now.getUTCFullYear() && card.expMonth < now.getUTCMonth() + 1);
  if (expired) return declined("invalid_expiry_year", "Your card's expiration date is in the past.");
  if (!/^\d{3,4}$/.test(card.cvc)) return declined("invalid_cvc", "Your card's security code is invalid.");
  return OUTCOMES[digits] ?? declined("card_declined", "Your card was declined. Your request was in test mode, but used a non test card.");
}
