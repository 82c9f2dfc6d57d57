// Test helpers of the vendors module (not a test file itself).
import type { DbTx } from "@/server/db";

/** The token in the newest invitation mail to `email`, read from the dev mailbox. */
export async function invitationTokenFor(db: DbTx, email: string): Promise<string> {
  const mail = await db.mailMessage.findFirst({
    where: { to: email.toLowerCase(), template: "vendorInvitation" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  if (!mail) throw new Error(`no invitation mail to ${email}`);
  const token = /\/invitations\/([A-Za-z0-9_-]{20,})/.exec(mail.text)?.[1];
  if (!token) throw new Error(`the invitation mail to ${email} has no link`);
  return token;
}
