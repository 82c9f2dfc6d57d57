import type { DbTx } from "@/server/db";
import { env } from "@/server/env";
import { logger } from "@/server/lib/logger";
import { renderMail, type MailTemplateName, type MailTemplates } from "./mail.templates";
import { createDevMailbox } from "./providers/dev-mailbox";
import { createSmtpTransport } from "./providers/smtp";
import type { MailTransport } from "./providers/types";

let smtp: MailTransport | undefined;

/** SMTP when SMTP_URL is set, otherwise the dev mailbox in the database. */
export function mailTransport(db: DbTx): MailTransport {
  if (env.SMTP_URL) return (smtp ??= createSmtpTransport(env.SMTP_URL, env.MAIL_FROM));
  return createDevMailbox(db);
}

/** Renders a template in the recipient's locale and sends it. */
export async function sendMail<T extends MailTemplateName>(
  db: DbTx,
  message: { to: string; locale: string; template: T; vars: MailTemplates[T] },
): Promise<void> {
  const rendered = await renderMail(message.template, message.locale, message.vars);
  const transport = mailTransport(db);
  await transport.send({ to: message.to, template: message.template, ...rendered });
  logger.info("mail sent", { template: message.template, transport: transport.name });
}

/** The dev mailbox's newest mails, optionally for one recipient. */
export async function listDevMailbox(db: DbTx, filter: { to?: string; take?: number } = {}) {
  return db.mailMessage.findMany({
    where: filter.to ? { to: filter.to.toLowerCase() } : {},
    orderBy: { createdAt: "desc" },
    take: filter.take ?? 50,
  });
}

export async function getDevMail(db: DbTx, id: string) {
  return db.mailMessage.findUnique({ where: { id } });
}
