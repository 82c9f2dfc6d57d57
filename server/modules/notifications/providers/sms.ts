// SMS: Twilio's Messages API when TWILIO_* is set (POST form to
// /2010-04-01/Accounts/<sid>/Messages.json with basic auth), else the dev SMS log
// (SmsMessage rows, like the dev mailbox).
import type { Db } from "@/server/db";
import { env } from "@/server/env";
import { PermanentDeliveryError, type ChannelProvider } from "./types";

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  from: string;
  apiUrl?: string;
}

/** The text of an SMS: title and body, within 3 segments. */
export const smsText = (subject: string, body: string) => `${subject}\n${body}`.slice(0, 459);

export function twilioSmsProvider(config: TwilioConfig, fetchImpl: typeof fetch = fetch): ChannelProvider {
  const base = (config.apiUrl ?? "https://api.twilio.com").replace(/\/$/, "");
  return {
    name: "twilio",
    async send(_db, d) {
      if (!d.destination) throw new PermanentDeliveryError("no phone number");
      const form = new URLSearchParams({ To: d.destination, Body: smsText(d.subject, d.body) });
      form.set(config.from.startsWith("MG") ? "MessagingServiceSid" : "From", config.from);
      const response = await fetchImpl(`${base}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`, {
        method: "POST",
        headers: {
          authorization: `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString("base64")}`,
          "content-type": "application/x-www-form-urlencoded",
          accept: "application/json",
        },
        body: form.toString(),
        signal: AbortSignal.timeout(10_000),
      });
      if (response.ok) return;
      const detail = (await response.json().catch(() => null)) as { code?: number; message?: string } | null;
      const message = `twilio HTTP ${response.status}${detail?.code ? ` ${detail.code}` : ""}: ${detail?.message ?? ""}`.trim();
      // 4xx other than 429 will not get better by retrying (bad number, unsubscribed recipient).
      if (response.status >= 400 && response.status < 500 && response.status !== 429) throw new PermanentDeliveryError(message);
      throw new Error(message);
    },
  };
}

export const devSmsLog: ChannelProvider = {
  name: "dev-sms-log",
  async send(db: Db, d) {
    if (!d.destination) throw new PermanentDeliveryError("no phone number");
    await db.smsMessage.create({ data: { to: d.destination, body: smsText(d.subject, d.body) } });
  },
};

export function smsProvider(): ChannelProvider {
  if (env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_FROM) {
    return twilioSmsProvider({ accountSid: env.TWILIO_ACCOUNT_SID, authToken: env.TWILIO_AUTH_TOKEN, from: env.TWILIO_FROM, apiUrl: env.TWILIO_API_URL });
  }
  return devSmsLog;
}
