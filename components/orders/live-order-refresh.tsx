"use client";
// Keeps the shopper's open order page current: when the server says one of this order's parts
// moved ("order.updated" on private-user-<id>), the page's server components render again
// (router.refresh keeps scroll position and client state; nothing reloads) and screen readers
// hear that the order changed.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { userChannel } from "@/lib/realtime/channels";
import { useChannel } from "@/lib/realtime/use-channel";

export function LiveOrderRefresh({ userId, orderId }: { userId: string; orderId: string }) {
  const t = useTranslations("notificationCenter");
  const router = useRouter();
  const [updates, setUpdates] = useState(0);
  const subscribed = useChannel(userChannel(userId), {
    "order.updated": (data) => {
      if ((data as { orderId?: string } | null)?.orderId !== orderId) return;
      router.refresh();
      setUpdates((n) => n + 1);
    },
  });
  return (
    <span role="status" className="sr-only" data-testid="live-order" data-subscribed={subscribed ? "true" : "false"}>
      {updates > 0 ? t("orderUpdated") : ""}
    </span>
  );
}
