"use client";
// The storefront header's notification bell, for signed-in viewers only (the page around it is
// cached for everyone, so who is looking is read after load, like the account menu).
import { useQuery } from "@tanstack/react-query";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { useTRPC } from "@/lib/trpc/client";

export function HeaderNotifications() {
  const trpc = useTRPC();
  const viewer = useQuery(trpc.identity.viewer.queryOptions());
  const id = viewer.data?.id;
  return id ? <NotificationBell key={id} userId={id} /> : null;
}
