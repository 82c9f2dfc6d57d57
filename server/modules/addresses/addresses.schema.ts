// Address book inputs. Postal codes are checked per country for the countries whose format we
// know; elsewhere they are free text of at most 12 characters. Messages are keys under "errors".
import { z } from "zod";

/** Most addresses one account keeps. */
export const MAX_ADDRESSES = 20;

/** Countries offered in the form (ISO 3166-1 alpha-2); any other valid code is accepted too. */
export const ADDRESS_COUNTRIES = ["US", "GB", "DE", "FR", "ES", "CN", "AE", "SA", "CA", "IT", "NL", "JP", "IN", "EG", "MX", "BR", "AU"] as const;

interface PostalRule {
  /** null: the country has no postal codes (the field is ignored and stored empty). */
  pattern: RegExp | null;
  /** Canonical spelling of a valid code. */
  normalise?: (code: string) => string;
}

const FIVE_DIGITS: PostalRule = { pattern: /^\d{5}$/ };

/** Known postal code formats. */
export const POSTAL_RULES: Record<string, PostalRule> = {
  US: { pattern: /^\d{5}(?:-?\d{4})?$/, normalise: (c) => (c.length === 9 ? `${c.slice(0, 5)}-${c.slice(5)}` : c) },
  GB: {
    pattern: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/,
    normalise: (c) => { const compact = c.replace(" ", ""); return `${compact.slice(0, -3)} ${compact.slice(-3)}`; },
  },
  DE: FIVE_DIGITS,
  FR: FIVE_DIGITS,
  ES: FIVE_DIGITS,
  SA: FIVE_DIGITS,
  CN: { pattern: /^\d{6}$/ },
  AE: { pattern: null },
};

/** The postal code in canonical form, or an error key (under "errors"). */
export function checkPostalCode(countryCode: string, raw: string): { ok: true; value: string } | { ok: false; error: string } {
  const code = raw.trim().toUpperCase().replace(/\s+/g, " ");
  const rule = POSTAL_RULES[countryCode];
  if (!rule) return code.length <= 12 ? { ok: true, value: code } : { ok: false, error: "addresses.postalCodeInvalid" };
  if (rule.pattern === null) return { ok: true, value: "" };
  if (code === "") return { ok: false, error: "addresses.postalCodeRequired" };
  if (!rule.pattern.test(code)) return { ok: false, error: "addresses.postalCodeInvalid" };
  return { ok: true, value: rule.normalise ? rule.normalise(code) : code };
}

const text = (min: number, max: number) => {
  const base = z.string().trim().max(max, { error: "validation.tooLong" });
  return min > 0 ? base.min(min, { error: "validation.required" }) : base;
};

const AddressFields = z.object({
  fullName: text(1, 100),
  line1: text(1, 120),
  line2: text(0, 120).default(""),
  city: text(1, 80),
  region: text(0, 80).default(""),
  postalCode: z.string().max(40, { error: "validation.tooLong" }).default(""),
  countryCode: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, { error: "addresses.countryInvalid" }),
  phone: z.string().trim().max(30, { error: "validation.tooLong" }).regex(/^[+0-9 ().\-\/]*$/, { error: "validation.phone" }).default(""),
});

/** Checks and normalises the postal code for the chosen country (field error on postalCode). */
function withPostalCode<T extends { countryCode: string; postalCode: string }>(value: T, ctx: z.RefinementCtx): T {
  const result = checkPostalCode(value.countryCode, value.postalCode);
  if (!result.ok) {
    ctx.addIssue({ code: "custom", path: ["postalCode"], message: result.error });
    return value;
  }
  return { ...value, postalCode: result.value };
}

export const CreateAddressInput = AddressFields.extend({ makeDefault: z.boolean().default(false) }).transform(withPostalCode);
export type CreateAddressInput = z.infer<typeof CreateAddressInput>;

export const UpdateAddressInput = AddressFields.extend({ id: z.string().min(1).max(50) }).transform(withPostalCode);
export type UpdateAddressInput = z.infer<typeof UpdateAddressInput>;

export const AddressIdInput = z.object({ id: z.string().min(1).max(50) });
export type AddressIdInput = z.infer<typeof AddressIdInput>;
