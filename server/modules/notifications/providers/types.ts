// A channel's sender. The delivery job hands it one claimed row; throwing fails the attempt
// (retried with backoff), PermanentDeliveryError dead-letters it at once.
import type { NotificationDelivery } from "@/prisma/generated/client/client";
import type { Db } from "@/server/db";
import type { NotificationChannel } from "../notifications.types";

export type DeliveryRow = NotificationDelivery;

export interface ChannelProvider {
  readonly name: string;
  send(db: Db, delivery: DeliveryRow): Promise<void>;
}

export type ChannelProviders = Record<NotificationChannel, ChannelProvider>;

/** A send that can never succeed (no address, subscription gone): no retry. */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentDeliveryError";
  }
}
