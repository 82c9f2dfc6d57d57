// /api/realtime/auth's logic: who may join which private/presence channel, with the memberships
// read from the database the way the route reads them.
import crypto from "node:crypto";
import Pusher from "pusher";
import { describe, expect, it } from "vitest";
import { userChannel, vendorChannel, vendorPresenceChannel } from "@/lib/realtime/channels";
import { db } from "@/server/db";
import { createShop } from "@/test/catalog-factories";
import { createStaffUser, createUser } from "@/test/factories";
import { localRealtimeCredentials, pusherServerOptions, realtimeClientConfigOf, resolveRealtimeConfig } from "./realtime.config";
import { channelAccess, handleRealtimeAuth, realtimeSubjectFor, type RealtimeSubject } from "./realtime.auth";

const credentials = localRealtimeCredentials("a".repeat(40));
const sdk = new Pusher({ ...credentials, host: "127.0.0.1", port: "6001", useTLS: false });
const SOCKET = "1234.5678";

function authRequest(form: Record<string, string>, headers: Record<string, string> = { origin: "http://localhost:3000" }) {
  return new Request("http://localhost:3000/api/realtime/auth", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(form).toString(),
  });
}

async function ask(subject: RealtimeSubject | null, channel: string, options: { socketId?: string; headers?: Record<string, string> } = {}) {
  const response = await handleRealtimeAuth(authRequest({ socket_id: options.socketId ?? SOCKET, channel_name: channel }, options.headers), {
    getSubject: async () => subject,
    pusher: () => sdk,
  });
  return { status: response.status, body: (await response.json()) as { auth?: string; channel_data?: string; error?: string } };
}

const expectedSignature = (data: string) => `${credentials.key}:${crypto.createHmac("sha256", credentials.secret).update(data).digest("hex")}`;

describe("realtime channel authorization", () => {
  it("signs a user's own channel and refuses another user's", async () => {
    const me = await createUser(db);
    const other = await createUser(db);
    const subject = await realtimeSubjectFor(db, me);

    const mine = await ask(subject, userChannel(me.id));
    expect(mine.status).toBe(200);
    expect(mine.body.auth).toBe(expectedSignature(`${SOCKET}:${userChannel(me.id)}`));

    const theirs = await ask(subject, userChannel(other.id));
    expect(theirs.status).toBe(403);
    expect(theirs.body.auth).toBeUndefined();
  });

  it("gives a seller their shop's channels only", async () => {
    const { vendor, owner } = await createShop(db);
    const { vendor: otherVendor } = await createShop(db);
    const packer = await createUser(db);
    await db.vendorMembership.create({ data: { userId: packer.id, vendorId: vendor.id, role: "STAFF", permissions: ["orders.fulfil"] } });

    for (const member of [owner, packer]) {
      const subject = await realtimeSubjectFor(db, member);
      expect((await ask(subject, vendorChannel(vendor.id))).status).toBe(200);
      const refused = await ask(subject, vendorChannel(otherVendor.id));
      expect(refused.status).toBe(403);
      expect(refused.body.auth).toBeUndefined();
    }
    const shopper = await realtimeSubjectFor(db, await createUser(db));
    expect((await ask(shopper, vendorChannel(vendor.id))).status).toBe(403);
  });

  it("signs presence data (id and name) for the shop's members", async () => {
    const { vendor, owner } = await createShop(db);
    const subject = await realtimeSubjectFor(db, owner);
    const joined = await ask(subject, vendorPresenceChannel(vendor.id));
    expect(joined.status).toBe(200);
    expect(JSON.parse(joined.body.channel_data!)).toEqual({ user_id: owner.id, user_info: { name: owner.name } });
    expect(joined.body.auth).toBe(expectedSignature(`${SOCKET}:${vendorPresenceChannel(vendor.id)}:${joined.body.channel_data}`));
    const { vendor: otherVendor } = await createShop(db);
    expect((await ask(subject, vendorPresenceChannel(otherVendor.id))).status).toBe(403);
  });

  it("gives staff no way into users' or shops' channels", async () => {
    const { user: staff } = await createStaffUser(db, ["vendors.manage", "orders.manage"]);
    const { vendor, owner } = await createShop(db);
    const subject = await realtimeSubjectFor(db, staff);
    expect((await ask(subject, vendorChannel(vendor.id))).status).toBe(403);
    expect((await ask(subject, userChannel(owner.id))).status).toBe(403);
  });

  it("refuses when signed out, from another origin, with a forged socket id or an unknown channel", async () => {
    const me = await realtimeSubjectFor(db, await createUser(db));
    expect((await ask(null, userChannel(me.userId))).status).toBe(403);
    expect((await ask(me, userChannel(me.userId), { headers: { origin: "https://evil.example" } })).status).toBe(403);
    expect((await ask(me, userChannel(me.userId), { headers: {} })).status).toBe(403);
    // "1.1:private-user-<other>" would make the signed string cover another channel.
    expect((await ask(me, userChannel(me.userId), { socketId: `1.1:${userChannel("someone")}` })).status).toBe(400);
    expect((await ask(me, "private-admin-everything")).status).toBe(403);
    expect((await ask(me, "public-news")).status).toBe(403);
    expect(channelAccess(`private-user-${me.userId}-extra`, { ...me, userId: `${me.userId}-extra` })).toEqual({ ok: true });
    expect(channelAccess("private-user-a:b", me)).toMatchObject({ ok: false });
  });

  it("requires socket_id and channel_name", async () => {
    const me = await realtimeSubjectFor(db, await createUser(db));
    const response = await handleRealtimeAuth(authRequest({ socket_id: SOCKET }), { getSubject: async () => me, pusher: () => sdk });
    expect(response.status).toBe(400);
  });
});

describe("realtime configuration", () => {
  const base = { AUTH_SECRET: "b".repeat(40), APP_URL: "https://shop.example.com" };

  it("uses the local server with credentials derived from AUTH_SECRET when PUSHER_* is unset", () => {
    const config = resolveRealtimeConfig({ ...base, REALTIME_PORT: 6101 });
    expect(config).toMatchObject({ mode: "local", host: "shop.example.com", port: 6101, useTLS: false });
    expect(config.secret).not.toContain(base.AUTH_SECRET);
    expect(resolveRealtimeConfig(base).key).toBe(config.key);
    expect(resolveRealtimeConfig({ ...base, AUTH_SECRET: "c".repeat(40) }).key).not.toBe(config.key);
    expect(pusherServerOptions(config)).toMatchObject({ host: "127.0.0.1", port: "6101", useTLS: false });
    const client = realtimeClientConfigOf(config);
    expect(client).toEqual({ key: config.key, cluster: "local", wsHost: "shop.example.com", wsPort: 6101, forceTLS: false });
    expect(JSON.stringify(client)).not.toContain(config.secret);
  });

  it("uses Pusher Channels by cluster, or a self-hosted Pusher-protocol server by host", () => {
    const hosted = resolveRealtimeConfig({ ...base, PUSHER_APP_ID: "1", PUSHER_KEY: "k", PUSHER_SECRET: "s", PUSHER_CLUSTER: "eu" });
    expect(pusherServerOptions(hosted)).toEqual({ appId: "1", key: "k", secret: "s", useTLS: true, cluster: "eu" });
    expect(realtimeClientConfigOf(hosted)).toEqual({ key: "k", cluster: "eu", forceTLS: true });

    const selfHosted = resolveRealtimeConfig({ ...base, PUSHER_APP_ID: "1", PUSHER_KEY: "k", PUSHER_SECRET: "s", PUSHER_HOST: "ws.example.com", PUSHER_PORT: 6002, PUSHER_USE_TLS: false });
    expect(pusherServerOptions(selfHosted)).toMatchObject({ host: "ws.example.com", port: "6002", useTLS: false });
    expect(realtimeClientConfigOf(selfHosted)).toEqual({ key: "k", cluster: "mt1", wsHost: "ws.example.com", wsPort: 6002, forceTLS: false });
  });
});
