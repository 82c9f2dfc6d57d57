// Notifications: the public face other modules and the worker may use.
export * from "./notifications.types";
export { notify, deliverDueNotifications, channelEnabled, backoffMs, type NotifyInput, type Recipient, type DeliverResult } from "./notifications.delivery";
export { renderNotification, previewTemplate, absoluteUrl } from "./notifications.templates";
export { getCampaign, createCampaign, processCampaignBatch } from "./notifications.campaigns";
export * from "./notifications.service";
