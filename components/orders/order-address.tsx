// The shipping address as it was at checkout (a JSON snapshot on the order).
import { useTranslations } from "next-intl";

export interface AddressSnapshot {
  fullName?: string;
  line1?: string;
  line2?: string | null;
  city?: string;
  region?: string | null;
  postalCode?: string;
  countryCode?: string;
  phone?: string | null;
}

export function OrderAddress({ address, locale }: { address: unknown; locale: string }) {
  const t = useTranslations("orders");
  const a = (address ?? {}) as AddressSnapshot;
  let country = a.countryCode ?? "";
  try {
    country = (a.countryCode && new Intl.DisplayNames([locale], { type: "region" }).of(a.countryCode)) || country;
  } catch {
    // An unknown code is shown as it is.
  }
  return (
    <address className="text-sm text-neutral-800 not-italic" dir="auto" data-testid="order-address">
      {a.fullName ? <span className="block font-medium">{a.fullName}</span> : null}
      {a.line1 ? <span className="block">{a.line1}</span> : null}
      {a.line2 ? <span className="block">{a.line2}</span> : null}
      <span className="block">{[a.postalCode, a.city, a.region].filter(Boolean).join(" ")}</span>
      {country ? <span className="block">{country}</span> : null}
      {a.phone ? <span className="block">{t("phone", { phone: a.phone })}</span> : null}
    </address>
  );
}
