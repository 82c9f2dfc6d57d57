import type { DbTx } from "@/server/db";
import type { MailTransport, OutgoingMail } from "./types";

/** Stores mails in the database; they are read at /dev/mailbox (never in production). */
export function createDevMailbox(db: DbTx): MailTransport {
  return {
    name: "dev-mailbox",
    async send(mail: OutgoingMail) {
      await db.mailMessage.create({ data: mail });
    },
  };
}
