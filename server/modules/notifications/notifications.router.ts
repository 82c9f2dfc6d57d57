// Notification procedures. Shoppers (any signed-in user) read and settle their own
// notifications and preferences; staff holding `notifications.manage` edit templates, read
// delivery stats and send to segments. Every read is scoped to ctx.actor.userId.
import { z } from "zod";
import { devMailboxEnabled } from "@/server/env";
import { notFound } from "@/server/lib/errors";
import { router } from "@/server/trpc/init";
import { adminProcedure, authedProcedure, publicProcedure } from "@/server/trpc/procedures";
import { createCampaign, getCampaign, listCampaigns, segmentSize } from "./notifications.campaigns";
import {
  CampaignIdInput,
  DeliveryStatsInput,
  ListCampaignsInput,
  ListDeliveriesInput,
  ListNotificationsInput,
  ListTemplatesInput,
  MarkReadInput,
  PreviewTemplateInput,
  PushEndpointInput,
  PushSubscriptionInput,
  SegmentSchema,
  SaveTemplateInput,
  SendBulkInput,
  SetPreferenceInput,
  TemplateKeyInput,
} from "./notifications.schema";
import * as service from "./notifications.service";
import { previewTemplate } from "./notifications.templates";

const manage = adminProcedure("notifications.manage");

const devProcedure = publicProcedure.use(({ next }) => {
  if (!devMailboxEnabled) throw notFound();
  return next();
});

export const notificationsRouter = router({
  // ---- the signed-in person ----
  list: authedProcedure.input(ListNotificationsInput).query(({ ctx, input }) => service.listNotifications(ctx.db, ctx.actor.userId, input)),
  unreadCount: authedProcedure.query(({ ctx }) => service.unreadCount(ctx.db, ctx.actor.userId)),
  markRead: authedProcedure.input(MarkReadInput).mutation(({ ctx, input }) => service.markRead(ctx.db, ctx.actor.userId, input)),
  getPreferences: authedProcedure.query(({ ctx }) => service.getPreferences(ctx.db, ctx.actor.userId)),
  setPreference: authedProcedure.input(SetPreferenceInput).mutation(({ ctx, input }) => service.setPreference(ctx.db, ctx.actor.userId, input)),
  vapidPublicKey: publicProcedure.query(() => ({ publicKey: service.vapidPublicKey() })),
  savePushSubscription: authedProcedure
    .input(PushSubscriptionInput)
    .mutation(({ ctx, input }) => service.savePushSubscription(ctx.db, ctx.actor.userId, input, ctx.actor.userAgent ?? null)),
  pushSubscriptionStatus: authedProcedure
    .input(PushEndpointInput)
    .query(async ({ ctx, input }) => ({ mine: await service.ownsPushSubscription(ctx.db, ctx.actor.userId, input.endpoint) })),
  deletePushSubscription: authedProcedure
    .input(PushEndpointInput)
    .mutation(({ ctx, input }) => service.deletePushSubscription(ctx.db, ctx.actor.userId, input.endpoint)),

  // ---- admin console ----
  listTemplates: manage.input(ListTemplatesInput).query(({ ctx, input }) => service.listTemplates(ctx.db, input)),
  saveTemplate: manage.input(SaveTemplateInput).mutation(({ ctx, input }) => ctx.db.$transaction((tx) => service.saveTemplate(tx, ctx.actor, input))),
  resetTemplate: manage.input(TemplateKeyInput).mutation(({ ctx, input }) => ctx.db.$transaction((tx) => service.resetTemplate(tx, ctx.actor, input))),
  previewTemplate: manage.input(PreviewTemplateInput).query(({ ctx, input }) => previewTemplate(ctx.db, input)),
  deliveryStats: manage.input(DeliveryStatsInput).query(({ ctx, input }) => service.deliveryStats(ctx.db, input)),
  listDeliveries: manage.input(ListDeliveriesInput).query(({ ctx, input }) => service.listDeliveries(ctx.db, input)),
  retryDelivery: manage
    .input(z.object({ deliveryId: z.string().min(1).max(50) }))
    .mutation(({ ctx, input }) => ctx.db.$transaction((tx) => service.retryDelivery(tx, ctx.actor, input.deliveryId))),
  segmentSize: manage.input(z.object({ segment: SegmentSchema })).query(async ({ ctx, input }) => ({ count: await segmentSize(ctx.db, input.segment) })),
  sendBulk: manage.input(SendBulkInput).mutation(({ ctx, input }) => ctx.db.$transaction((tx) => createCampaign(tx, ctx.actor, input))),
  getCampaign: manage.input(CampaignIdInput).query(({ ctx, input }) => getCampaign(ctx.db, input.campaignId)),
  listCampaigns: manage.input(ListCampaignsInput).query(({ ctx, input }) => listCampaigns(ctx.db, input)),

  // ---- development: the SMS log (404 in production, like the dev mailbox) ----
  listDevSms: devProcedure
    .input(z.object({ to: z.string().trim().max(30).optional() }))
    .query(({ ctx, input }) => service.listDevSms(ctx.db, { to: input.to || undefined })),
});
