// Realtime channel names, shared by the server (publish, authorize) and the browser (subscribe).
// private-* and presence-* channels need a signed authorization from /api/realtime/auth.

/** One person's events (notifications, their orders' updates): only that user may subscribe. */
export const userChannel = (userId: string) => `private-user-${userId}`;

/** A shop's events (new orders, low stock): only the shop's members may subscribe. */
export const vendorChannel = (vendorId: string) => `private-vendor-${vendorId}`;

/** Who of a shop's team is online (presence): only the shop's members may join. */
export const vendorPresenceChannel = (vendorId: string) => `presence-vendor-${vendorId}`;

/** Ids are cuid/uuid-like: letters, digits, "_" and "-" (Pusher channel names allow more). */
const ID = "([A-Za-z0-9_-]{1,150})";

export type ParsedChannel =
  | { kind: "user"; userId: string }
  | { kind: "vendor"; vendorId: string }
  | { kind: "vendor-presence"; vendorId: string }
  | { kind: "unknown" };

/** Reads a private/presence channel name back into what it belongs to. */
export function parseChannel(channel: string): ParsedChannel {
  let match = new RegExp(`^private-user-${ID}$`).exec(channel);
  if (match) return { kind: "user", userId: match[1]! };
  match = new RegExp(`^private-vendor-${ID}$`).exec(channel);
  if (match) return { kind: "vendor", vendorId: match[1]! };
  match = new RegExp(`^presence-vendor-${ID}$`).exec(channel);
  if (match) return { kind: "vendor-presence", vendorId: match[1]! };
  return { kind: "unknown" };
}
