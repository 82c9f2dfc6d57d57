// EMAIL: through the mail module (SMTP or the dev mailbox), in the layout of every Bazaar mail.
import type { Db } from "@/server/db";
import { sendMail } from "@/server/modules/mail";
import { PermanentDeliveryError, type ChannelProvider } from "./types";

export const emailProvider: ChannelProvider = {
  name: "mail",
  async send(db: Db, d) {
    if (!d.destination) throw new PermanentDeliveryError("no email address");
    const user = await db.user.findUnique({ where: { id: d.userId }, select: { name: true } });
    await sendMail(db, { to: d.destination, locale: d.locale, template: "notification", vars: { name: user?.name ?? "", subject: d.subject, body: d.body, url: d.url } });
  },
};
