"use client";
// The sandbox's card inputs (number, expiry, CVC), shared by the pay form and "add a card".
import { useTranslations } from "next-intl";
import { Field, Input } from "@/components/ui";

export interface CardValue {
  number: string;
  expiry: string;
  cvc: string;
}

export const EMPTY_CARD: CardValue = { number: "", expiry: "", cvc: "" };

/** "1228" / "12/28" / "12 / 2028" → { expMonth, expYear }. */
export function parseExpiry(text: string): { expMonth: number; expYear: number } | null {
  const match = /^\s*(\d{1,2})\s*\/?\s*(\d{2}|\d{4})\s*$/.exec(text.replace(/\s+/g, " "));
  if (!match) return null;
  return { expMonth: Number(match[1]), expYear: Number(match[2]) };
}

/** Groups digits in fours as they are typed. */
const groupDigits = (text: string) => text.replace(/\D/g, "").slice(0, 19).replace(/(\d{4})(?=\d)/g, "$1 ");

export function CardFields({ idPrefix, value, onChange, errors }: {
  idPrefix: string;
  value: CardValue;
  onChange: (value: CardValue) => void;
  errors: { number?: string; expiry?: string; cvc?: string };
}) {
  const t = useTranslations("payment");
  return (
    <>
      <Field id={`${idPrefix}-number`} label={t("cardNumber")} error={errors.number} required>
        {(c) => (
          <Input {...c} name="cardnumber" inputMode="numeric" autoComplete="cc-number" dir="ltr" placeholder="1234 1234 1234 1234" required
            value={value.number} onChange={(e) => onChange({ ...value, number: groupDigits(e.target.value) })} />
        )}
      </Field>
      <div className="grid grid-cols-2 gap-4">
        <Field id={`${idPrefix}-expiry`} label={t("expiry")} hint={t("expiryHint")} error={errors.expiry} required>
          {(c) => (
            <Input {...c} name="exp-date" inputMode="numeric" autoComplete="cc-exp" dir="ltr" placeholder="MM / YY" required maxLength={7}
              value={value.expiry} onChange={(e) => onChange({ ...value, expiry: e.target.value.replace(/[^\d/ ]/g, "") })} />
          )}
        </Field>
        <Field id={`${idPrefix}-cvc`} label={t("cvc")} error={errors.cvc} required>
          {(c) => (
            <Input {...c} name="cvc" inputMode="numeric" autoComplete="cc-csc" dir="ltr" placeholder="123" required maxLength={4}
              value={value.cvc} onChange={(e) => onChange({ ...value, cvc: e.target.value.replace(/\D/g, "") })} />
          )}
        </Field>
      </div>
    </>
  );
}
