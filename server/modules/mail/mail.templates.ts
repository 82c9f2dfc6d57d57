// Mail templates: subject, HTML and text from the "mail" messages of the recipient's locale.
// use-intl/core: no React, so scripts (the seed sends no mail but imports this) load it anywhere.
import { createTranslator } from "use-intl/core";
import { loadMessages } from "@/lib/i18n/messages";
import { isLocale, directionOf, defaultLocale, type Locale } from "@/lib/i18n/routing";
import { formatMoney } from "@/lib/money";

export interface MailTemplates {
  verifyEmail: { name: string; url: string; hours: number };
  passwordReset: { name: string; url: string; minutes: number };
  passwordChanged: { name: string };
  twoFactorChanged: { name: string; enabled: boolean };
  vendorInvitation: { name: string; inviter: string; shop: string; role: "OWNER" | "ADMIN" | "STAFF"; url: string; days: number };
  /** Amounts in minor units of `currency`; `paidAt` an ISO instant. */
  paymentReceipt: {
    name: string; orderNumber: string; amount: number; currency: string; paidAt: string; card: { brand: string | null; last4: string } | null;
    parts: { shop: string; amount: number }[]; url: string;
  };
  /** A notification already rendered in the recipient's locale (notifications module). */
  notification: { name: string; subject: string; body: string; url: string | null };
}
export type MailTemplateName = keyof MailTemplates;

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
  locale: Locale;
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

interface Parts {
  subject: string;
  paragraphs: string[];
  action?: { label: string; url: string };
}

function layout(parts: Parts, footer: string, locale: Locale): RenderedMail {
  const dir = directionOf(locale);
  const body = parts.paragraphs.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`).join("");
  const button = parts.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(parts.action.url)}" style="background:#c2410c;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600">${escapeHtml(parts.action.label)}</a></p><p style="margin:0 0 16px;font-size:13px;color:#52525b;word-break:break-all">${escapeHtml(parts.action.url)}</p>`
    : "";
  const html = `<!doctype html><html lang="${locale}" dir="${dir}"><body style="font-family:system-ui,sans-serif;background:#f4f4f5;padding:24px;color:#18181b"><div style="max-width:560px;margin:0 auto;background:#fff;border-radius:12px;padding:32px"><p style="font-size:20px;font-weight:700;color:#c2410c;margin:0 0 24px">Bazaar</p>${body}${button}<hr style="border:none;border-top:1px solid #e4e4e7;margin:24px 0"><p style="font-size:12px;color:#71717a;margin:0">${escapeHtml(footer)}</p></div></body></html>`;
  const text = [...parts.paragraphs, ...(parts.action ? [`${parts.action.label}: ${parts.action.url}`] : []), "", footer].join("\n\n");
  return { subject: parts.subject, html, text, locale };
}

/** Renders a template in the recipient's locale (English when the locale is unknown). */
export async function renderMail<T extends MailTemplateName>(template: T, localeHint: string, vars: MailTemplates[T]): Promise<RenderedMail> {
  const locale = isLocale(localeHint) ? localeHint : defaultLocale;
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "mail" });
  const greeting = t("greeting", { name: vars.name });
  let parts: Parts;
  switch (template) {
    case "verifyEmail": {
      const v = vars as MailTemplates["verifyEmail"];
      parts = {
        subject: t("verifyEmail.subject"),
        paragraphs: [greeting, t("verifyEmail.intro"), t("verifyEmail.expiry", { hours: v.hours })],
        action: { label: t("verifyEmail.action"), url: v.url },
      };
      break;
    }
    case "passwordReset": {
      const v = vars as MailTemplates["passwordReset"];
      parts = {
        subject: t("passwordReset.subject"),
        paragraphs: [greeting, t("passwordReset.intro"), t("passwordReset.expiry", { minutes: v.minutes }), t("passwordReset.ignore")],
        action: { label: t("passwordReset.action"), url: v.url },
      };
      break;
    }
    case "passwordChanged":
      parts = { subject: t("passwordChanged.subject"), paragraphs: [greeting, t("passwordChanged.body"), t("securityHelp")] };
      break;
    case "twoFactorChanged": {
      const v = vars as MailTemplates["twoFactorChanged"];
      const key = v.enabled ? "twoFactorEnabled" : "twoFactorDisabled";
      parts = { subject: t(`${key}.subject`), paragraphs: [greeting, t(`${key}.body`), t("securityHelp")] };
      break;
    }
    case "vendorInvitation": {
      const v = vars as MailTemplates["vendorInvitation"];
      parts = {
        subject: t("vendorInvitation.subject", { shop: v.shop }),
        paragraphs: [
          greeting,
          t("vendorInvitation.intro", { inviter: v.inviter, shop: v.shop, role: t(`vendorInvitation.role.${v.role}`) }),
          t("vendorInvitation.account"),
          t("vendorInvitation.expiry", { days: v.days }),
          t("vendorInvitation.ignore"),
        ],
        action: { label: t("vendorInvitation.action"), url: v.url },
      };
      break;
    }
    case "paymentReceipt": {
      const v = vars as MailTemplates["paymentReceipt"];
      const money = (minor: number) => formatMoney(minor, v.currency, locale);
      const date = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(new Date(v.paidAt));
      parts = {
        subject: t("paymentReceipt.subject", { number: v.orderNumber }),
        paragraphs: [
          greeting,
          t("paymentReceipt.intro", { amount: money(v.amount), number: v.orderNumber }),
          ...v.parts.map((p) => t("paymentReceipt.part", { shop: p.shop, amount: money(p.amount) })),
          v.card ? t("paymentReceipt.card", { last4: v.card.last4, date }) : t("paymentReceipt.paidOn", { date }),
          t("paymentReceipt.keep"),
        ],
        action: { label: t("paymentReceipt.action"), url: v.url },
      };
      break;
    }
    case "notification": {
      const v = vars as MailTemplates["notification"];
      parts = {
        subject: v.subject,
        paragraphs: [greeting, ...v.body.split(/\n{2,}/)],
        ...(v.url ? { action: { label: t("notification.action"), url: v.url } } : {}),
      };
      break;
    }
    default:
      throw new Error(`unknown mail template ${String(template)}`);
  }
  return layout(parts, t("footer"), locale);
}
