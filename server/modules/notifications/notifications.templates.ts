// Notification texts: an admin's NotificationTemplate row for (type, channel, locale) when there
// is one, else the default from messages/<locale>.json (notificationTemplates.<key>). Both use
// {variables}; money is formatted with Intl in the recipient's locale.
import { createTranslator } from "use-intl/core";
import { loadMessages } from "@/lib/i18n/messages";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/routing";
import { formatMoney } from "@/lib/money";
import type { DbTx } from "@/server/db";
import { env } from "@/server/env";
import { typeDef, type NotificationChannel, type NotificationType } from "./notifications.types";

export type Money = { minor: number; currency: string };
/** A moment (ISO string), written as a date and time in UTC in the recipient's locale. */
export type Instant = { instant: string };
export type TemplateValue = string | number | Money | Instant;
export type TemplateVars = Record<string, TemplateValue>;

export interface Rendered {
  subject: string;
  body: string;
}

export const localeOf = (hint: string | null | undefined): Locale => (isLocale(hint) ? hint : defaultLocale);

/** An absolute link in the recipient's locale: APP_URL/<locale><path>. */
export function absoluteUrl(path: string, locale: string): string {
  return new URL(`/${localeOf(locale)}${path}`, env.APP_URL).toString();
}

const isMoney = (v: TemplateValue): v is Money => typeof v === "object" && v !== null && "minor" in v;

/** Variables as display strings in `locale`. */
export function formatVars(vars: TemplateVars, locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(vars)) {
    out[k] = isMoney(v)
      ? formatMoney(v.minor, v.currency, locale)
      : typeof v === "object"
        ? `${new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(v.instant))} UTC`
        : typeof v === "number"
          ? new Intl.NumberFormat(locale).format(v)
          : v;
  }
  return out;
}

/** Replaces {name} placeholders; unknown ones stay as typed (the editor shows them). */
export function substitute(text: string, values: Record<string, string>): string {
  return text.replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? values[name]! : whole));
}

/** The default wording from the messages (ICU, so plurals and selects work there). */
export async function defaultTemplate(type: NotificationType, locale: Locale, values: Record<string, string> = {}): Promise<Rendered> {
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "notificationTemplates" });
  const key = typeDef(type).key;
  // Placeholders stay visible for the editor when a value is missing.
  const filled = Object.fromEntries(typeDef(type).variables.map((v) => [v, values[v] ?? `{${v}}`]));
  return { subject: t(`${key}.title` as never, filled as never), body: t(`${key}.body` as never, filled as never) };
}

/** Admin overrides read once per (type, channel, locale) during one fan-out. */
export type TemplateCache = Map<string, Promise<{ subject: string; body: string } | null>>;

/** The text one recipient gets on one channel. */
export async function renderNotification(
  db: DbTx, type: NotificationType, channel: NotificationChannel, localeHint: string, vars: TemplateVars, cache: TemplateCache = new Map(),
): Promise<Rendered> {
  const locale = localeOf(localeHint);
  const values = formatVars(vars, locale);
  const key = `${type}|${channel}|${locale}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = db.notificationTemplate.findUnique({ where: { type_channel_locale: { type, channel, locale } }, select: { subject: true, body: true } });
    cache.set(key, pending);
  }
  const override = await pending;
  if (override) return { subject: substitute(override.subject, values), body: substitute(override.body, values) };
  return defaultTemplate(type, locale, values);
}

/** Renders a (possibly unsaved) template with the type's sample variables, for the editor. */
export async function previewTemplate(
  db: DbTx,
  input: { type: NotificationType; channel: NotificationChannel; locale: string; subject?: string; body?: string },
): Promise<Rendered & { variables: readonly string[] }> {
  const locale = localeOf(input.locale);
  const def = typeDef(input.type);
  const values = formatVars(def.sample, locale);
  const variables = def.variables;
  if (input.subject !== undefined && input.body !== undefined) {
    return { subject: substitute(input.subject, values), body: substitute(input.body, values), variables };
  }
  return { ...(await renderNotification(db, input.type, input.channel, locale, def.sample)), variables };
}
