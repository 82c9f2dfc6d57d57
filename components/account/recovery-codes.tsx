"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { Alert, Button } from "@/components/ui";
import { CopyButton } from "./copy-button";

/** The freshly issued recovery codes, shown once, with copy and "I've saved them". */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const t = useTranslations("account.twoFactor");
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section aria-labelledby="recovery-title" className="flex flex-col gap-4">
      <div>
        <h3 id="recovery-title" ref={headingRef} tabIndex={-1} className="text-base font-semibold text-neutral-900 focus:outline-none">
          {t("recoveryTitle")}
        </h3>
        <Alert tone="warning" className="mt-2">
          {t("recoveryBody")}
        </Alert>
      </div>
      <ol
        dir="ltr"
        data-testid="recovery-codes"
        className="grid grid-cols-1 gap-2 rounded-lg border border-neutral-200 bg-neutral-50 p-4 font-mono text-sm text-neutral-900 min-[420px]:grid-cols-2"
      >
        {codes.map((code) => (
          <li key={code} className="rounded-md bg-white px-3 py-1.5 text-center tracking-wider ring-1 ring-neutral-200">
            {code}
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <CopyButton text={codes.join("\n")} />
        <Button onClick={onDone}>{t("done")}</Button>
      </div>
    </section>
  );
}
