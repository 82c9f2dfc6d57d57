export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Template name and locale, kept by the dev mailbox for inspection. */
  template: string;
  locale: string;
}

export interface MailTransport {
  readonly name: "smtp" | "dev-mailbox";
  send(mail: OutgoingMail): Promise<void>;
}
