// The notification types: who receives each, on which channels it may go out, which channels
// are on when the person never chose, and which cannot be switched off (security and the
// transactional mails a shopper must get). Client-safe: the preferences page reads this too.

export const NOTIFICATION_CHANNELS = ["EMAIL", "IN_APP", "PUSH", "SMS"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** Who a type goes to. `vendorMembers` = the shop's members holding `permission`. */
export type Audience = { kind: "shopper" } | { kind: "vendorMembers"; permission: "orders.fulfil" | "inventory.write" } | { kind: "self" } | { kind: "segment" };

export interface NotificationTypeDef {
  /** Key of the default texts in messages/<locale>.json: notificationTemplates.<key>.{title,body}; labels: notifications.types.<key>. */
  key: string;
  audience: Audience;
  /** Channels this type may use. */
  channels: readonly NotificationChannel[];
  /** Channels on when the person has no preference row. */
  defaults: readonly NotificationChannel[];
  /** Channels that always send; setPreference refuses to switch them off. */
  mandatory: readonly NotificationChannel[];
  /** The variables its templates may use (for the admin editor and previews). */
  variables: readonly string[];
  /** Sample values for previews. */
  sample: Record<string, string | number | { minor: number; currency: string } | { instant: string }>;
}

const ORDER_VARS = ["name", "number", "total", "url"] as const;

export const NOTIFICATION_TYPES = {
  "order.placed": {
    key: "orderPlaced", audience: { kind: "shopper" }, channels: ["EMAIL", "IN_APP", "PUSH"], defaults: ["EMAIL", "IN_APP", "PUSH"], mandatory: ["EMAIL"],
    variables: ORDER_VARS, sample: { name: "Ada", number: "BZ-260001", total: { minor: 4599, currency: "USD" }, url: "https://bazaar.example/en/account/orders/1" },
  },
  "order.paid": {
    key: "orderPaid", audience: { kind: "shopper" }, channels: ["EMAIL", "IN_APP", "PUSH"], defaults: ["IN_APP", "PUSH"], mandatory: [],
    variables: ORDER_VARS, sample: { name: "Ada", number: "BZ-260001", total: { minor: 4599, currency: "USD" }, url: "https://bazaar.example/en/account/orders/1" },
  },
  "order.shipped": {
    key: "orderShipped", audience: { kind: "shopper" }, channels: ["EMAIL", "IN_APP", "PUSH", "SMS"], defaults: ["EMAIL", "IN_APP", "PUSH"], mandatory: [],
    variables: ["name", "number", "shop", "carrier", "tracking", "url"],
    sample: { name: "Ada", number: "BZ-260001-1", shop: "Tech Haven", carrier: "DHL", tracking: "JD014600", url: "https://bazaar.example/en/account/orders/1" },
  },
  "order.delivered": {
    key: "orderDelivered", audience: { kind: "shopper" }, channels: ["EMAIL", "IN_APP", "PUSH", "SMS"], defaults: ["EMAIL", "IN_APP", "PUSH"], mandatory: [],
    variables: ["name", "number", "shop", "url"], sample: { name: "Ada", number: "BZ-260001-1", shop: "Tech Haven", url: "https://bazaar.example/en/account/orders/1" },
  },
  "order.cancelled": {
    key: "orderCancelled", audience: { kind: "shopper" }, channels: ["EMAIL", "IN_APP", "PUSH"], defaults: ["EMAIL", "IN_APP", "PUSH"], mandatory: ["EMAIL"],
    variables: ["name", "number", "reason", "url"], sample: { name: "Ada", number: "BZ-260001", reason: "Out of stock", url: "https://bazaar.example/en/account/orders/1" },
  },
  "seller.newOrder": {
    key: "sellerNewOrder", audience: { kind: "vendorMembers", permission: "orders.fulfil" }, channels: ["EMAIL", "IN_APP", "PUSH"], defaults: ["EMAIL", "IN_APP", "PUSH"], mandatory: [],
    variables: ["name", "number", "shop", "total", "url"],
    sample: { name: "Sam", number: "BZ-260001-1", shop: "Tech Haven", total: { minor: 2599, currency: "USD" }, url: "https://bazaar.example/en/seller/orders/1" },
  },
  "payment.failed": {
    key: "paymentFailed", audience: { kind: "shopper" }, channels: ["EMAIL", "IN_APP", "PUSH"], defaults: ["EMAIL", "IN_APP", "PUSH"], mandatory: ["EMAIL"],
    variables: ORDER_VARS, sample: { name: "Ada", number: "BZ-260001", total: { minor: 4599, currency: "USD" }, url: "https://bazaar.example/en/checkout/pay/1" },
  },
  "payment.refunded": {
    key: "paymentRefunded", audience: { kind: "shopper" }, channels: ["EMAIL", "IN_APP", "PUSH"], defaults: ["EMAIL", "IN_APP", "PUSH"], mandatory: ["EMAIL"],
    variables: ["name", "number", "amount", "url"], sample: { name: "Ada", number: "BZ-260001", amount: { minor: 1299, currency: "USD" }, url: "https://bazaar.example/en/account/payments" },
  },
  "inventory.lowStock": {
    key: "lowStock", audience: { kind: "vendorMembers", permission: "inventory.write" }, channels: ["EMAIL", "IN_APP", "PUSH"], defaults: ["IN_APP", "PUSH"], mandatory: [],
    variables: ["name", "product", "sku", "available", "shop", "url"],
    sample: { name: "Sam", product: "Desk lamp", sku: "LAMP-01", available: 3, shop: "Tech Haven", url: "https://bazaar.example/en/seller/inventory" },
  },
  // Identity does not mail new sign-ins: the mail is mandatory here.
  "security.newSignIn": {
    key: "newSignIn", audience: { kind: "self" }, channels: ["EMAIL", "IN_APP", "PUSH"], defaults: ["EMAIL", "IN_APP", "PUSH"], mandatory: ["EMAIL", "IN_APP"],
    variables: ["name", "device", "location", "time", "url"],
    sample: { name: "Ada", device: "Firefox 140 on Windows 11", location: "FR", time: { instant: "2026-12-06T18:30:00Z" }, url: "https://bazaar.example/en/account/security" },
  },
  // Identity mails these itself (mail templates passwordChanged / twoFactorChanged); here they
  // reach the bell, the browser and the phone. In-app cannot be switched off.
  "security.passwordChanged": {
    key: "passwordChanged", audience: { kind: "self" }, channels: ["IN_APP", "PUSH", "SMS"], defaults: ["IN_APP", "PUSH"], mandatory: ["IN_APP"],
    variables: ["name", "url"], sample: { name: "Ada", url: "https://bazaar.example/en/account/security" },
  },
  "security.twoFactorChanged": {
    key: "twoFactorChanged", audience: { kind: "self" }, channels: ["IN_APP", "PUSH", "SMS"], defaults: ["IN_APP", "PUSH"], mandatory: ["IN_APP"],
    variables: ["name", "state", "url"], sample: { name: "Ada", state: "on", url: "https://bazaar.example/en/account/security" },
  },
  // Bulk sends from the admin console; the text comes with the campaign.
  marketing: {
    key: "marketing", audience: { kind: "segment" }, channels: ["EMAIL", "IN_APP", "PUSH"], defaults: ["EMAIL", "IN_APP", "PUSH"], mandatory: [],
    variables: ["name", "title", "body", "url"], sample: { name: "Ada", title: "Winter sale", body: "20% off lamps this week.", url: "https://bazaar.example/en" },
  },
} as const satisfies Record<string, NotificationTypeDef>;

export type NotificationType = keyof typeof NOTIFICATION_TYPES;
export const NOTIFICATION_TYPE_NAMES = Object.keys(NOTIFICATION_TYPES) as NotificationType[];

export function isNotificationType(value: string): value is NotificationType {
  return Object.hasOwn(NOTIFICATION_TYPES, value);
}

export function typeDef(type: NotificationType): NotificationTypeDef {
  return NOTIFICATION_TYPES[type];
}

export function isMandatory(type: NotificationType, channel: NotificationChannel): boolean {
  return (typeDef(type).mandatory as readonly string[]).includes(channel);
}

export function mayUse(type: NotificationType, channel: NotificationChannel): boolean {
  return (typeDef(type).channels as readonly string[]).includes(channel);
}

/** Attempts before a delivery is dead-lettered, and the backoff: base · 2^attempts, capped. */
export const DELIVERY_MAX_ATTEMPTS = 6;
export const DELIVERY_BACKOFF_BASE_MS = 30_000;
export const DELIVERY_BACKOFF_CAP_MS = 6 * 60 * 60_000;
