import nodemailer from "nodemailer";
import type { MailTransport, OutgoingMail } from "./types";

/** Sends through any SMTP server; `url` is smtp(s)://user:pass@host:port. */
export function createSmtpTransport(url: string, from: string): MailTransport & { verify(): Promise<boolean> } {
  const transporter = nodemailer.createTransport(url);
  return {
    name: "smtp",
    async send(mail: OutgoingMail) {
      await transporter.sendMail({ from, to: mail.to, subject: mail.subject, html: mail.html, text: mail.text });
    },
    verify: () => transporter.verify(),
  };
}
