// IN_APP: the Notification row is already the notification; sending it means telling the open
// pages of its recipient (private-user-<id>, event "notification.created") with the unread count.
// That ping is best effort: a page that missed it shows the row on its next load, and a ping
// retried minutes later would be stale, so a failed publish (logged by publishRealtime) still
// counts as delivered.
import type { Db } from "@/server/db";
import { publishRealtime, userChannel } from "@/server/modules/realtime";
import { PermanentDeliveryError, type ChannelProvider } from "./types";

export const NOTIFICATION_CREATED = "notification.created";

export const inAppProvider: ChannelProvider = {
  name: "realtime",
  async send(db: Db, d) {
    if (!d.notificationId) throw new PermanentDeliveryError("no notification row");
    const n = await db.notification.findUnique({ where: { id: d.notificationId } });
    if (!n) throw new PermanentDeliveryError("notification deleted");
    const unread = await db.notification.count({ where: { userId: d.userId, readAt: null } });
    await publishRealtime(userChannel(d.userId), NOTIFICATION_CREATED, {
      notification: { id: n.id, type: n.type, title: n.title, body: n.body, link: n.link, createdAt: n.createdAt.toISOString(), readAt: null },
      unread,
    });
  },
};
