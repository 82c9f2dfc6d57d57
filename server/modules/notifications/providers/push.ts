// PUSH: Web Push (RFC 8030 + VAPID, payload encrypted per RFC 8291) to every subscription of the
// recipient. `web-push` builds the request (encryption, VAPID JWT, TTL/Urgency headers) and fetch
// sends it. A 404/410 answer means the browser unsubscribed: the row goes.
import webpush from "web-push";
import type { Db } from "@/server/db";
import { vapidKeys } from "./vapid";
import { PermanentDeliveryError, type ChannelProvider, type DeliveryRow } from "./types";

export interface PushTarget {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** The JSON the service worker receives (kept small: push services cap payloads at ~4 KB). */
export function pushPayload(d: Pick<DeliveryRow, "id" | "type" | "subject" | "body" | "url" | "notificationId">): string {
  return JSON.stringify({ id: d.notificationId ?? d.id, type: d.type, title: d.subject, body: d.body.slice(0, 1000), url: d.url });
}

/** What web-push would send (method, URL, headers, encrypted body) — used by tests and by send. */
export function pushRequestDetails(target: PushTarget, payload: string) {
  const keys = vapidKeys();
  return webpush.generateRequestDetails(target, payload, {
    vapidDetails: { subject: keys.subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
    TTL: 24 * 60 * 60,
    urgency: "normal",
  });
}

/** Sends one push with fetch (so any endpoint URL works, http ones in tests); resolves to the HTTP status. */
export async function sendPush(target: PushTarget, payload: string, fetchImpl: typeof fetch = fetch): Promise<number> {
  const details = pushRequestDetails(target, payload);
  const headers = Object.fromEntries(
    Object.entries(details.headers as Record<string, string | number>)
      .filter(([name]) => name.toLowerCase() !== "content-length")
      .map(([name, value]) => [name, String(value)]),
  );
  const response = await fetchImpl(details.endpoint, {
    method: details.method,
    headers,
    body: details.body ? new Uint8Array(details.body) : undefined,
    signal: AbortSignal.timeout(10_000),
  });
  await response.body?.cancel();
  return response.status;
}

export const pushProvider: ChannelProvider = {
  name: "web-push",
  async send(db: Db, d) {
    const subscriptions = await db.pushSubscription.findMany({ where: { userId: d.userId } });
    if (subscriptions.length === 0) throw new PermanentDeliveryError("no push subscription");
    const payload = pushPayload(d);
    let delivered = 0;
    const errors: string[] = [];
    for (const s of subscriptions) {
      try {
        const status = await sendPush({ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } }, payload);
        if (status >= 200 && status < 300) delivered++;
        // The browser unsubscribed (or the subscription expired): forget it.
        else if (status === 404 || status === 410) await db.pushSubscription.deleteMany({ where: { id: s.id } });
        else errors.push(`HTTP ${status}`);
      } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error));
      }
    }
    if (delivered === 0 && errors.length > 0) throw new Error(`push failed: ${errors.join("; ")}`);
    if (delivered === 0) throw new PermanentDeliveryError("every push subscription is gone");
  },
};
