// Who may subscribe to which private/presence channel, and the signed authorization pusher-js
// sends back to the realtime server. Rules:
//   private-user-<id>       only that user
//   private-vendor-<id>     only members of that shop (any role)
//   presence-vendor-<id>    only members of that shop; presence data = the user's id and name
//   anything else           refused (public channels need no authorization; future private
//                           channels are added here with their rule)
// Staff roles grant nothing here: the admin console reads other people's data through its own
// pages, and a staff member's live feed would get its own channel with a permission check
// rather than a way into every user's or shop's channel.
import "server-only";
import type Pusher from "pusher";
import { parseChannel } from "@/lib/realtime/channels";
import type { DbTx } from "@/server/db";
import { isSameOriginRequest } from "@/server/lib/same-origin";
import { listMyVendors } from "@/server/modules/vendors";

export interface RealtimeSubject {
  userId: string;
  name?: string | null;
  /** Shops the person is a member of. */
  vendorIds: readonly string[];
}

/** The person as the rules see them: their id, name and the shops they are a member of (not closed ones). */
export async function realtimeSubjectFor(db: DbTx, user: { id: string; name?: string | null }): Promise<RealtimeSubject> {
  const vendors = await listMyVendors(db, user.id);
  return { userId: user.id, name: user.name ?? null, vendorIds: vendors.map((vendor) => vendor.id) };
}

export type ChannelAccess = { ok: true; presence?: { user_id: string; user_info: { name: string | null } } } | { ok: false; reason: string };

export function channelAccess(channel: string, subject: RealtimeSubject): ChannelAccess {
  const parsed = parseChannel(channel);
  switch (parsed.kind) {
    case "user":
      return parsed.userId === subject.userId ? { ok: true } : { ok: false, reason: "another user's channel" };
    case "vendor":
      return subject.vendorIds.includes(parsed.vendorId) ? { ok: true } : { ok: false, reason: "not a member of this shop" };
    case "vendor-presence":
      return subject.vendorIds.includes(parsed.vendorId)
        ? { ok: true, presence: { user_id: subject.userId, user_info: { name: subject.name ?? null } } }
        : { ok: false, reason: "not a member of this shop" };
    default:
      return { ok: false, reason: "unknown channel" };
  }
}

const SOCKET_ID = /^\d+\.\d+$/;

export type AuthorizeResult = { ok: true; body: Pusher.ChannelAuthResponse } | { ok: false; status: 400 | 403; reason: string };

/** The signed auth for (socket, channel) if the subject may subscribe. */
export function authorizeChannel(pusher: Pusher, socketId: string, channel: string, subject: RealtimeSubject): AuthorizeResult {
  // A socket id that is not "<digits>.<digits>" could smuggle a second channel into the signed
  // string (GHSA-7v7m-pcw5-h3cg); the SDK checks too, but refuse before asking it.
  if (!SOCKET_ID.test(socketId)) return { ok: false, status: 400, reason: "invalid socket_id" };
  const access = channelAccess(channel, subject);
  if (!access.ok) return { ok: false, status: 403, reason: access.reason };
  return { ok: true, body: pusher.authorizeChannel(socketId, channel, access.presence) };
}

export interface RealtimeAuthDeps {
  /** The signed-in person with their shops, or null. */
  getSubject(): Promise<RealtimeSubject | null>;
  pusher(): Pusher;
}

const noStore = { "Cache-Control": "no-store" };

/**
 * POST /api/realtime/auth as pusher-js sends it (application/x-www-form-urlencoded
 * socket_id + channel_name): 403 when the origin is foreign, nobody is signed in or the
 * channel is not theirs; 200 with { auth, channel_data? } otherwise.
 */
export async function handleRealtimeAuth(request: Request, deps: RealtimeAuthDeps): Promise<Response> {
  if (!isSameOriginRequest(request)) return Response.json({ error: "cross-origin request refused" }, { status: 403, headers: noStore });
  let form: URLSearchParams;
  try {
    const text = await request.text();
    if (text.length > 4096) return Response.json({ error: "body too large" }, { status: 413, headers: noStore });
    form = new URLSearchParams(text);
  } catch {
    return Response.json({ error: "unreadable body" }, { status: 400, headers: noStore });
  }
  const socketId = form.get("socket_id") ?? "";
  const channel = form.get("channel_name") ?? "";
  if (!socketId || !channel) return Response.json({ error: "socket_id and channel_name are required" }, { status: 400, headers: noStore });
  const subject = await deps.getSubject();
  if (!subject) return Response.json({ error: "sign in first" }, { status: 403, headers: noStore });
  const result = authorizeChannel(deps.pusher(), socketId, channel, subject);
  if (!result.ok) return Response.json({ error: result.reason }, { status: result.status, headers: noStore });
  return Response.json(result.body, { headers: noStore });
}
