"use client";
// Turns an error from a tRPC call into translated text; field errors go next to their inputs.
import { useTranslations } from "next-intl";
import { useCallback } from "react";

interface ErrorLike {
  message?: string;
  data?: { messageKey?: string; params?: Record<string, string | number>; fieldErrors?: Record<string, string> } | null;
}

/** The error's message key ("catalog.slugTaken"), to decide which field shows it. */
export function messageKeyOf(error: unknown): string | undefined {
  return (error as ErrorLike | null)?.data?.messageKey;
}

export function useErrorMessages() {
  const t = useTranslations("errors");
  const translate = useCallback(
    (key: string | undefined, params?: Record<string, string | number>) => {
      const k = key && t.has(key as never) ? key : "internal";
      return t(k as never, params as never) as string;
    },
    [t],
  );
  /** The error's main message, translated. */
  const message = useCallback(
    (error: unknown) => {
      const e = error as ErrorLike | null;
      if (!e) return "";
      if (!e.data && e.message && /fetch|network/i.test(e.message)) return translate("network");
      return translate(e.data?.messageKey ?? e.message, e.data?.params);
    },
    [translate],
  );
  /** Translated message for one input, if the server rejected it. */
  const field = useCallback(
    (error: unknown, name: string) => {
      const key = (error as ErrorLike | null)?.data?.fieldErrors?.[name];
      return key ? translate(key) : undefined;
    },
    [translate],
  );
  return { message, field, translate };
}
