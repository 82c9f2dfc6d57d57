import { describe, expect, it } from "vitest";
import { currencyDigits, formatMoney, parseMoney } from "./money";

describe("money", () => {
  it("knows each currency's minor unit", () => {
    expect(currencyDigits("USD")).toBe(2);
    expect(currencyDigits("JPY")).toBe(0);
    expect(currencyDigits("KWD")).toBe(3);
  });
  it("formats minor units in the reader's locale", () => {
    expect(formatMoney(1250, "USD", "en")).toBe("$12.50");
    expect(formatMoney(1250, "EUR", "fr").replace(/\s/g, " ")).toBe("12,50 €");
    expect(formatMoney(500, "JPY", "en")).toBe("¥500");
  });
  it("parses typed amounts exactly, refusing what is not money", () => {
    expect(parseMoney("12.5", "USD")).toBe(1250);
    expect(parseMoney("12,05", "EUR")).toBe(1205);
    expect(parseMoney("0.1", "USD")).toBe(10);
    expect(parseMoney("19.99", "USD")).toBe(1999);
    expect(parseMoney("500", "JPY")).toBe(500);
    expect(parseMoney("1.5", "JPY")).toBeNull();
    expect(parseMoney("1.234", "USD")).toBeNull();
    expect(parseMoney("-1", "USD")).toBeNull();
    expect(parseMoney("abc", "USD")).toBeNull();
  });
});
