// The channel senders the delivery job uses (tests hand it others).
import { emailProvider } from "./email";
import { inAppProvider } from "./in-app";
import { pushProvider } from "./push";
import { smsProvider } from "./sms";
import type { ChannelProviders } from "./types";

let providers: ChannelProviders | undefined;

export function defaultProviders(): ChannelProviders {
  providers ??= { EMAIL: emailProvider, IN_APP: inAppProvider, PUSH: pushProvider, SMS: smsProvider() };
  return providers;
}

export { PermanentDeliveryError, type ChannelProvider, type ChannelProviders, type DeliveryRow } from "./types";
export { vapidKeys, deriveVapidKeys } from "./vapid";
export { pushPayload, pushRequestDetails, sendPush } from "./push";
export { twilioSmsProvider, devSmsLog, smsText } from "./sms";
export { NOTIFICATION_CREATED } from "./in-app";
