"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Select } from "@/components/ui";
import { useRouter } from "@/lib/i18n/navigation";
import { VENDOR_COOKIE } from "@/lib/vendor-cookie";

/** Picks the shop the seller center works on: stores the choice in a cookie and re-renders the page. */
export function ShopSwitcher({ shops, currentId }: { shops: { id: string; name: string }[]; currentId: string }) {
  const t = useTranslations("seller");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [value, setValue] = useState(currentId);
  // Follow the server when it settles on another shop (e.g. the chosen one was closed).
  const [serverValue, setServerValue] = useState(currentId);
  if (serverValue !== currentId) {
    setServerValue(currentId);
    setValue(currentId);
  }

  function choose(id: string) {
    setValue(id);
    const secure = window.location.protocol === "https:" ? "; secure" : "";
    document.cookie = `${VENDOR_COOKIE}=${encodeURIComponent(id)}; path=/; max-age=31536000; samesite=lax${secure}`;
    startTransition(() => router.refresh());
  }

  return (
    <div>
      <label htmlFor="shop-switcher" className="mb-1 block text-xs font-medium text-neutral-600">
        {t("switchVendor")}
      </label>
      <Select id="shop-switcher" value={value} onChange={(e) => choose(e.target.value)} aria-busy={pending || undefined} data-testid="shop-switcher">
        {shops.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </Select>
    </div>
  );
}
