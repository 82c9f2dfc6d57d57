import { describe, expect, it } from "vitest";
import { decrypt, dummyPasswordHash, encrypt, hashPassword, randomToken, sha256, verifyPassword } from "./crypto";

const SECRET = "a-test-secret-that-is-long-enough-0123456";

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("salts every hash", async () => {
    const [a, b] = await Promise.all([hashPassword("same password 1"), hashPassword("same password 1")]);
    expect(a).not.toBe(b);
    expect(await verifyPassword("same password 1", b)).toBe(true);
  });

  it("normalises Unicode so composed and decomposed forms match", async () => {
    const hash = await hashPassword("caf\u00e9-secret-9");
    expect(await verifyPassword("cafe\u0301-secret-9", hash)).toBe(true);
  });

  it("refuses malformed or foreign stored hashes instead of throwing", async () => {
    expect(await verifyPassword("x", "")).toBe(false);
    expect(await verifyPassword("x", "bcrypt$2b$10$abc")).toBe(false);
    expect(await verifyPassword("x", "scrypt$32768$8$1$c2FsdA==")).toBe(false);
  });

  it("has a dummy hash nobody's password matches", async () => {
    const dummy = await dummyPasswordHash();
    expect(await dummyPasswordHash()).toBe(dummy);
    expect(await verifyPassword("password", dummy)).toBe(false);
  });
});

describe("tokens and digests", () => {
  it("makes URL-safe random tokens", () => {
    const token = randomToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(token);
    expect(randomToken(16)).toHaveLength(22);
  });

  it("hashes with SHA-256 in hex", () => {
    expect(sha256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

describe("encryption", () => {
  it("round-trips and uses a fresh IV each time", () => {
    const sealed = encrypt("JBSWY3DPEHPK3PXP", SECRET);
    expect(sealed.split(".")).toHaveLength(3);
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(encrypt("JBSWY3DPEHPK3PXP", SECRET)).not.toBe(sealed);
    expect(decrypt(sealed, SECRET)).toBe("JBSWY3DPEHPK3PXP");
    expect(decrypt(encrypt("ünïcödé ✓", SECRET), SECRET)).toBe("ünïcödé ✓");
  });

  it("throws on a tampered ciphertext, tag or IV", () => {
    const sealed = encrypt("top secret value", SECRET);
    const [iv, tag, data] = sealed.split(".") as [string, string, string];
    const flip = (part: string) => {
      const bytes = Buffer.from(part, "base64url");
      bytes[0] = bytes[0]! ^ 0x01;
      return bytes.toString("base64url");
    };
    expect(() => decrypt([iv, tag, flip(data)].join("."), SECRET)).toThrow();
    expect(() => decrypt([iv, flip(tag), data].join("."), SECRET)).toThrow();
    expect(() => decrypt([flip(iv), tag, data].join("."), SECRET)).toThrow();
  });

  it("throws with the wrong key or a malformed value", () => {
    const sealed = encrypt("top secret value", SECRET);
    expect(() => decrypt(sealed, `${SECRET}x`)).toThrow();
    expect(() => decrypt("not-sealed", SECRET)).toThrow(/malformed/);
  });
});
