// Inputs of the notification procedures (zod); error messages are message keys.
import { z } from "zod";
import { locales } from "@/lib/i18n/routing";
import { NOTIFICATION_CHANNELS, NOTIFICATION_TYPE_NAMES, type NotificationType } from "./notifications.types";

export const ChannelSchema = z.enum(NOTIFICATION_CHANNELS);
export const TypeSchema = z.enum(NOTIFICATION_TYPE_NAMES as [NotificationType, ...NotificationType[]]);
export const LocaleSchema = z.enum(locales);

export const ListNotificationsInput = z.object({
  /** The id of the last row of the previous page. */
  cursor: z.string().min(1).max(50).optional(),
  limit: z.number().int().min(1).max(50).default(20),
  unreadOnly: z.boolean().default(false),
});
export type ListNotificationsInput = z.input<typeof ListNotificationsInput>;

export const MarkReadInput = z.union([
  z.object({ ids: z.array(z.string().min(1).max(50)).min(1).max(100) }),
  z.object({ all: z.literal(true) }),
]);
export type MarkReadInput = z.infer<typeof MarkReadInput>;

export const SetPreferenceInput = z.object({ type: TypeSchema, channel: ChannelSchema, enabled: z.boolean() });
export type SetPreferenceInput = z.infer<typeof SetPreferenceInput>;

const base64url = z.string().regex(/^[A-Za-z0-9_-]+=*$/, "validation.invalid");
/** What PushSubscription.toJSON() gives in the browser. */
export const PushSubscriptionInput = z.object({
  endpoint: z.url("validation.invalid").max(2000).refine((u) => u.startsWith("https://") || process.env.NODE_ENV !== "production", "validation.invalid"),
  keys: z.object({ p256dh: base64url.min(80).max(120), auth: base64url.min(16).max(40) }),
});
export type PushSubscriptionInput = z.infer<typeof PushSubscriptionInput>;

/** One browser's subscription, by its endpoint (status check, removal). */
export const PushEndpointInput = z.object({ endpoint: z.string().min(1).max(2000) });

export const TemplateKeyInput = z.object({ type: TypeSchema, channel: ChannelSchema, locale: LocaleSchema });
export const SaveTemplateInput = TemplateKeyInput.extend({
  subject: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong"),
  body: z.string().trim().min(1, "validation.required").max(2000, "validation.tooLong"),
});
export type SaveTemplateInput = z.infer<typeof SaveTemplateInput>;
export const PreviewTemplateInput = TemplateKeyInput.extend({ subject: z.string().max(200).optional(), body: z.string().max(2000).optional() });
export const ListTemplatesInput = z.object({ type: TypeSchema.optional(), locale: LocaleSchema.optional() });

export const DeliveryStatsInput = z.object({ from: z.coerce.date(), to: z.coerce.date() }).refine((v) => v.from <= v.to, { message: "validation.invalid", path: ["to"] });
export type DeliveryStatsInput = z.infer<typeof DeliveryStatsInput>;

export const ListDeliveriesInput = z.object({
  status: z.enum(["PENDING", "SENT", "FAILED", "DEAD"]).optional(),
  channel: ChannelSchema.optional(),
  type: TypeSchema.optional(),
  cursor: z.string().min(1).max(50).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

export const SegmentSchema = z.discriminatedUnion("kind", [z.object({ kind: z.literal("allShoppers") }), z.object({ kind: z.literal("locale"), locale: LocaleSchema })]);

const CampaignText = z.object({
  title: z.string().trim().min(1, "validation.required").max(120, "validation.tooLong"),
  body: z.string().trim().min(1, "validation.required").max(1000, "validation.tooLong"),
});
export const SendBulkInput = z.object({
  segment: SegmentSchema,
  channels: z.array(z.enum(["EMAIL", "IN_APP", "PUSH"])).min(1, "validation.required").max(3),
  /** Per locale; "en" is required and used for everyone whose locale has no text. */
  content: z.object({ en: CampaignText }).catchall(CampaignText).refine((c) => Object.keys(c).every((k) => (locales as readonly string[]).includes(k)), "validation.invalid"),
  /** A site path such as "/c/lamps" (the locale is added per recipient). */
  link: z.string().regex(/^\/[A-Za-z0-9/_\-.?=&%]*$/, "validation.invalid").max(300).nullable().default(null),
});
export type SendBulkInput = z.infer<typeof SendBulkInput>;
export const CampaignIdInput = z.object({ campaignId: z.string().min(1).max(50) });
export const ListCampaignsInput = z.object({ cursor: z.string().min(1).max(50).optional(), limit: z.number().int().min(1).max(50).default(20) });
