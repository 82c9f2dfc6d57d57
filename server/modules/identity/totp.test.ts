import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, currentStep, generateTotpSecret, matchTotp, totpAt, totpUri, TOTP_STEP_SECONDS } from "./totp";

// RFC 6238 appendix B, SHA-1 column, truncated from 8 to 6 digits.
const RFC_SECRET = base32Encode(Buffer.from("12345678901234567890", "ascii"));
const VECTORS: [number, string][] = [
  [59, "287082"],
  [1111111109, "081804"],
  [1111111111, "050471"],
  [1234567890, "005924"],
  [2000000000, "279037"],
  [20000000000, "353130"],
];

describe("totp", () => {
  it("encodes the RFC secret as the well-known base32 string", () => {
    expect(RFC_SECRET).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  });

  it.each(VECTORS)("matches the RFC 6238 vector at t=%i", (seconds, code) => {
    const step = currentStep(seconds * 1000);
    expect(step).toBe(Math.floor(seconds / TOTP_STEP_SECONDS));
    expect(totpAt(RFC_SECRET, step)).toBe(code);
    expect(matchTotp(RFC_SECRET, code, seconds * 1000)).toBe(step);
  });

  it("accepts one step of clock drift either way and nothing further", () => {
    const now = 1_700_000_000_000;
    const step = currentStep(now);
    const secret = generateTotpSecret();
    expect(matchTotp(secret, totpAt(secret, step), now)).toBe(step);
    expect(matchTotp(secret, totpAt(secret, step - 1), now)).toBe(step - 1);
    expect(matchTotp(secret, totpAt(secret, step + 1), now)).toBe(step + 1);
    const far = [step - 2, step + 2].map((s) => totpAt(secret, s));
    for (const code of far) {
      // A code two steps away could collide with a near one by chance (1 in 10^6): skip then.
      if ([step - 1, step, step + 1].some((s) => totpAt(secret, s) === code)) continue;
      expect(matchTotp(secret, code, now)).toBeNull();
    }
  });

  it("refuses malformed codes without throwing", () => {
    expect(matchTotp(RFC_SECRET, "12345", 59_000)).toBeNull();
    expect(matchTotp(RFC_SECRET, "2870821", 59_000)).toBeNull();
    expect(matchTotp(RFC_SECRET, "28708a", 59_000)).toBeNull();
    expect(matchTotp(RFC_SECRET, "", 59_000)).toBeNull();
  });

  it("round-trips base32 for random buffers of every length mod 5", () => {
    for (let length = 0; length <= 41; length++) {
      const buffer = crypto.randomBytes(length);
      const encoded = base32Encode(buffer);
      expect(encoded).toMatch(/^[A-Z2-7]*$/);
      expect(base32Decode(encoded).equals(buffer)).toBe(true);
      expect(base32Decode(encoded.toLowerCase()).equals(buffer)).toBe(true);
    }
    expect(base32Decode("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ").toString("ascii")).toBe("12345678901234567890");
    expect(() => base32Decode("not base32!")).toThrow(/invalid base32/);
  });

  it("generates 160-bit secrets and a standard otpauth URI", () => {
    const secret = generateTotpSecret();
    expect(base32Decode(secret)).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(secret);
    const uri = new URL(totpUri(secret, "ana@example.test"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Bazaar:ana@example.test");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("Bazaar");
    expect(uri.searchParams.get("digits")).toBe("6");
    expect(uri.searchParams.get("period")).toBe("30");
  });
});
