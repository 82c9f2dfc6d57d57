import { describe, expect, it } from "vitest";
import { cardBrand, cardOutcome, luhnValid } from "./sandbox-cards";

const card = (number: string, over: Partial<{ expMonth: number; expYear: number; cvc: string }> = {}) => ({ number, expMonth: 12, expYear: 2034, cvc: "123", ...over });

describe("sandbox test cards", () => {
  it("answers like Stripe's test mode", () => {
    expect(cardOutcome(card("4242 4242 4242 4242"))).toEqual({ kind: "success" });
    expect(cardOutcome(card("4000000000000002"))).toMatchObject({ kind: "decline", code: "generic_decline" });
    expect(cardOutcome(card("4000000000009995"))).toMatchObject({ kind: "decline", code: "insufficient_funds" });
    expect(cardOutcome(card("4000002500003155"))).toEqual({ kind: "authenticate", after: { kind: "success" } });
    expect(cardOutcome(card("4000008260003178"))).toMatchObject({ kind: "authenticate", after: { kind: "decline", code: "insufficient_funds" } });
  });

  it("catches typos, past expiry dates, bad CVCs and real cards", () => {
    expect(cardOutcome(card("4242 4242 4242 4241"))).toMatchObject({ code: "incorrect_number" });
    expect(cardOutcome(card("4242424242424242", { expMonth: 1, expYear: 2020 }))).toMatchObject({ code: "invalid_expiry_year" });
    expect(cardOutcome(card("4242424242424242", { expMonth: 11, expYear: 26 }), new Date("2026-12-06"))).toMatchObject({ code: "invalid_expiry_year" });
    expect(cardOutcome(card("4242424242424242", { expMonth: 12, expYear: 26 }), new Date("2026-12-06"))).toEqual({ kind: "success" });
    expect(cardOutcome(card("4242424242424242", { cvc: "12" }))).toMatchObject({ code: "invalid_cvc" });
    expect(cardOutcome(card("4111 1111 1111 1111"))).toMatchObject({ code: "card_declined" });
    expect(luhnValid("79927398713")).toBe(false); // too short for a card
    expect(cardBrand("5555555555554444")).toBe("mastercard");
  });
});
