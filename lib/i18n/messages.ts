import en from "@/messages/en.json";
import type { Locale } from "./routing";

export type Messages = typeof en;

const loaders: Record<Locale, () => Promise<Messages>> = {
  en: async () => en,
  es: async () => (await import("@/messages/es.json")).default as Messages,
  fr: async () => (await import("@/messages/fr.json")).default as Messages,
  ar: async () => (await import("@/messages/ar.json")).default as Messages,
  zh: async () => (await import("@/messages/zh.json")).default as Messages,
};

type Tree = { [key: string]: string | Tree };

/** Deep-merges a locale over English so a missing translation falls back to English. */
function withFallback(base: Tree, override: Tree): Tree {
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const baseValue = base[key];
    out[key] =
      value && typeof value === "object" && baseValue && typeof baseValue === "object"
        ? withFallback(baseValue, value)
        : value;
  }
  return out;
}

/** The catalog for a locale, English filling any gaps. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  if (locale === "en") return en;
  return withFallback(en as Tree, (await loaders[locale]()) as Tree) as Messages;
}

/**
 * Namespaces the browser never needs outside the seller center and admin console (or at all:
 * mail and page metadata are rendered on the server). Every page carries its client messages,
 * so the root layout leaves these out and the console shell hands the full catalog to its pages.
 */
const CONSOLE_OR_SERVER_ONLY = /^(admin|seller|paymentsAdmin$|mail$|meta$|notificationTemplates$)/;

/** The catalog without the console-only namespaces, for the pages of the storefront. */
export function storefrontClientMessages(messages: Messages): Partial<Messages> {
  return Object.fromEntries(Object.entries(messages).filter(([namespace]) => !CONSOLE_OR_SERVER_ONLY.test(namespace))) as Partial<Messages>;
}
