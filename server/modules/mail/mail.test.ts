import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";
import { getDevMail, listDevMailbox, mailTransport, renderMail, sendMail } from "./index";
import { createDevMailbox } from "./providers/dev-mailbox";
import { createSmtpTransport } from "./providers/smtp";

type Catalog = { mail?: { verifyEmail?: { subject?: string } } };

describe("templates", () => {
  it("renders verifyEmail in English with the link, expiry and a plain-text part", async () => {
    const mail = await renderMail("verifyEmail", "en", { name: "Ana", url: "http://localhost:3000/en/verify-email?token=abc", hours: 48 });
    expect(mail.locale).toBe("en");
    expect(mail.subject).toBe(en.mail.verifyEmail.subject);
    expect(mail.html).toMatch(/^<!doctype html><html lang="en" dir="ltr">/);
    expect(mail.html).toContain('href="http://localhost:3000/en/verify-email?token=abc"');
    expect(mail.html).toContain("Hi Ana,");
    expect(mail.text).toContain("This link expires in 48 hours.");
    expect(mail.text).toContain(`${en.mail.verifyEmail.action}: http://localhost:3000/en/verify-email?token=abc`);
    expect(mail.text).not.toMatch(/<[a-z]/i);
  });

  it("renders Arabic right-to-left", async () => {
    const mail = await renderMail("passwordReset", "ar", { name: "ليلى", url: "http://localhost:3000/ar/reset-password?token=t", minutes: 30 });
    expect(mail.locale).toBe("ar");
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.html).toContain("ليلى");
    const arSubject = (ar as Catalog).mail?.verifyEmail?.subject;
    const verify = await renderMail("verifyEmail", "ar", { name: "ليلى", url: "http://x.test/", hours: 48 });
    // Arabic when the catalog has it, English (the fallback) until then.
    expect(verify.subject).toBe(arSubject ?? en.mail.verifyEmail.subject);
  });

  it("falls back to English for an unknown locale", async () => {
    const mail = await renderMail("passwordChanged", "xx", { name: "Ana" });
    expect(mail.locale).toBe("en");
    expect(mail.subject).toBe(en.mail.passwordChanged.subject);
    expect(mail.html).toContain('dir="ltr"');
  });

  it("escapes HTML in names and URLs", async () => {
    const name = `<script>alert("x")</script> & 'Bob'`;
    const mail = await renderMail("verifyEmail", "en", { name, url: `http://x.test/?a=1&b="2"`, hours: 1 });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Bob&#39;");
    expect(mail.html).toContain('href="http://x.test/?a=1&amp;b=&quot;2&quot;"');
    expect(mail.text).toContain(name); // plain text is not HTML
  });

  it("renders the vendor invitation with the shop, the translated role, the link and the expiry, escaping the shop name", async () => {
    const vars = { name: "Ana", inviter: "Selma", shop: "Tea <b>&</b> Co", role: "ADMIN" as const, url: "http://x.test/en/invitations/tok", days: 7 };
    const en = await renderMail("vendorInvitation", "en", vars);
    expect(en.subject).toBe("You're invited to join Tea <b>&</b> Co on Bazaar");
    expect(en.text).toContain("Selma invited you to join the shop Tea <b>&</b> Co on Bazaar as an admin.");
    expect(en.text).toContain("expires in 7 days");
    expect(en.text).toContain("http://x.test/en/invitations/tok");
    expect(en.html).toContain("Tea &lt;b&gt;&amp;&lt;/b&gt; Co");
    expect(en.html).not.toContain("<b>&</b>");
    const ar = await renderMail("vendorInvitation", "ar", { ...vars, role: "OWNER" });
    expect(ar.html).toContain('dir="rtl"');
    expect(ar.text).toContain("بصفة مالك");
    const es = await renderMail("vendorInvitation", "es", { ...vars, days: 1 });
    expect(es.text).toContain("caduca en 1 día");
  });

  it("renders the two-factor templates for on and off", async () => {
    const on = await renderMail("twoFactorChanged", "en", { name: "Ana", enabled: true });
    const off = await renderMail("twoFactorChanged", "en", { name: "Ana", enabled: false });
    expect(on.subject).toBe(en.mail.twoFactorEnabled.subject);
    expect(off.subject).toBe(en.mail.twoFactorDisabled.subject);
  });
});

describe("dev mailbox", () => {
  it("is the transport when SMTP_URL is unset", () => {
    expect(mailTransport(db).name).toBe("dev-mailbox");
  });

  it("stores the rendered mail, readable newest first per recipient", async () => {
    await sendMail(db, { to: "Mia@Example.test".toLowerCase(), locale: "en", template: "passwordChanged", vars: { name: "Mia" } });
    await new Promise((resolve) => setTimeout(resolve, 5)); // the mailbox orders by createdAt (ms)
    await sendMail(db, { to: "mia@example.test", locale: "ar", template: "verifyEmail", vars: { name: "Mia", url: "http://localhost:3000/ar/verify-email?token=zz", hours: 48 } });
    await sendMail(db, { to: "other@example.test", locale: "en", template: "passwordChanged", vars: { name: "Other" } });

    const mails = await listDevMailbox(db, { to: "MIA@example.test" });
    expect(mails.map((m) => m.template)).toEqual(["verifyEmail", "passwordChanged"]);
    const [verify] = mails;
    expect(verify).toMatchObject({ to: "mia@example.test", locale: "ar" });
    expect(verify!.html).toContain('dir="rtl"');
    expect(verify!.text).toContain("token=zz");
    expect(await getDevMail(db, verify!.id)).toEqual(verify);
    expect(await getDevMail(db, "missing")).toBeNull();
    expect((await listDevMailbox(db)).length).toBeGreaterThanOrEqual(3);
    expect(await listDevMailbox(db, { take: 1 })).toHaveLength(1);
  });

  it("writes inside the caller's transaction", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await createDevMailbox(tx).send({ to: "rollback@example.test", subject: "s", html: "<p>h</p>", text: "t", template: "x", locale: "en" });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await listDevMailbox(db, { to: "rollback@example.test" })).toEqual([]);
  });
});

interface Received {
  from: string | false;
  to: string[];
  raw: string;
}

function decodeQuotedPrintable(body: string): string {
  return Buffer.from(
    body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    "latin1",
  ).toString("utf8");
}

describe("SMTP transport", () => {
  const received: Received[] = [];
  let server: SMTPServer;
  let port = 0;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : false,
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString("utf8"),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("delivers a rendered mail to a real SMTP server", async () => {
    const transport = createSmtpTransport(`smtp://127.0.0.1:${port}`, "Bazaar <no-reply@bazaar.test>");
    expect(transport.name).toBe("smtp");
    expect(await transport.verify()).toBe(true);

    const url = "http://localhost:3000/en/reset-password?token=smtp-token-123";
    const rendered = await renderMail("passwordReset", "en", { name: "Sam", url, minutes: 30 });
    await transport.send({ to: "sam@example.test", template: "passwordReset", ...rendered });

    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail!.from).toBe("no-reply@bazaar.test");
    expect(mail!.to).toEqual(["sam@example.test"]);
    expect(mail!.raw).toMatch(/^Subject: Reset your Bazaar password\r?$/m);
    expect(mail!.raw).toMatch(/^To: sam@example\.test\r?$/m);
    expect(mail!.raw).toMatch(/^From: Bazaar <no-reply@bazaar\.test>\r?$/m);
    expect(mail!.raw).toMatch(/multipart\/alternative/);
    const body = decodeQuotedPrintable(mail!.raw);
    expect(body).toContain("Hi Sam,");
    expect(body).toContain(url);
    expect(body).toContain(`href="${url}"`);
  });

  it("rejects when the server refuses the recipient", async () => {
    const picky = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onRcptTo(address, _session, callback) {
        callback(address.address.endsWith("@blocked.test") ? new Error("no such user") : undefined);
      },
    });
    await new Promise<void>((resolve) => picky.listen(0, "127.0.0.1", resolve));
    try {
      const pickyPort = (picky.server.address() as AddressInfo).port;
      const transport = createSmtpTransport(`smtp://127.0.0.1:${pickyPort}`, "no-reply@bazaar.test");
      await expect(
        transport.send({ to: "x@blocked.test", subject: "s", html: "<p>h</p>", text: "t", template: "t", locale: "en" }),
      ).rejects.toThrow(/no such user|recipients/i);
    } finally {
      await new Promise<void>((resolve) => picky.close(() => resolve()));
    }
  });
});
