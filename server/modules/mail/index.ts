export { sendMail, listDevMailbox, getDevMail, mailTransport } from "./mail.service";
export { renderMail, type MailTemplateName, type MailTemplates } from "./mail.templates";
