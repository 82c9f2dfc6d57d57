// VAPID keys for Web Push. VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY when set; otherwise a P-256 pair
// DERIVED from AUTH_SECRET (HMAC → private scalar, its public point), like the realtime
// credentials: stable across restarts and workers, nothing to store, and a new AUTH_SECRET
// (which signs everyone out anyway) means browsers subscribe again.
import crypto from "node:crypto";
import { authSecret, env } from "@/server/env";

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

const b64url = (buf: Buffer) => buf.toString("base64url");

/** The pair derived from `secret` (exported for tests). */
export function deriveVapidKeys(secret: string): { publicKey: string; privateKey: string } {
  for (let counter = 0; ; counter++) {
    const scalar = crypto.createHmac("sha256", secret).update(`bazaar-vapid:${counter}`).digest();
    try {
      const ecdh = crypto.createECDH("prime256v1");
      ecdh.setPrivateKey(scalar); // throws for 0 or ≥ the curve order (probability ~2^-32)
      return { publicKey: b64url(ecdh.getPublicKey()), privateKey: b64url(scalar) };
    } catch {
      continue;
    }
  }
}

function defaultSubject(): string {
  const address = /<([^>]+)>/.exec(env.MAIL_FROM)?.[1] ?? env.MAIL_FROM;
  return /^\S+@\S+$/.test(address) ? `mailto:${address}` : "mailto:no-reply@bazaar.local";
}

let cached: VapidKeys | undefined;

export function vapidKeys(): VapidKeys {
  if (cached) return cached;
  const pair = env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY ? { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY } : deriveVapidKeys(authSecret);
  cached = { ...pair, subject: env.VAPID_SUBJECT ?? defaultSubject() };
  return cached;
}
