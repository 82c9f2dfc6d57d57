"use client";
// The account page's full list of notifications: newest first in pages ("Show more"), an
// "Unread only" filter, mark one or all as read. Live like the bell: a new notification on the
// person's channel refreshes the list.
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button, Checkbox, cn, EmptyState } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { userChannel } from "@/lib/realtime/channels";
import { useChannel } from "@/lib/realtime/use-channel";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";

const PAGE = 20;

export function NotificationList({ userId }: { userId: string }) {
  const t = useTranslations("notificationCenter");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errors = useErrorMessages();
  const [unreadOnly, setUnreadOnly] = useState(false);

  const list = useInfiniteQuery(
    trpc.notifications.list.infiniteQueryOptions(
      { limit: PAGE, unreadOnly },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, initialCursor: undefined },
    ),
  );
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.notifications.list.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.notifications.unreadCount.queryKey() });
  };
  useChannel(userChannel(userId), { "notification.created": refresh });
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSuccess: refresh }));

  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const hasUnread = items.some((n) => !n.readAt);

  return (
    <section aria-labelledby="notifications-list-title" className="mb-10">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <h2 id="notifications-list-title" className="text-xl font-semibold">{t("title")}</h2>
        <div className="flex flex-wrap items-center gap-3">
          <Checkbox id="unread-only" label={t("unreadOnly")} checked={unreadOnly} onChange={(e) => setUnreadOnly(e.currentTarget.checked)} />
          <Button variant="secondary" size="sm" onClick={() => markRead.mutate({ all: true })} disabled={!hasUnread || markRead.isPending}>
            {t("markAllRead")}
          </Button>
        </div>
      </div>
      {markRead.error ? <p role="alert" className="mb-2 text-sm text-danger-700">{errors.message(markRead.error)}</p> : null}
      {list.isPending ? (
        <p className="py-6 text-sm text-neutral-600">{t("loading")}</p>
      ) : list.isError ? (
        <p role="alert" className="py-6 text-sm text-danger-700">{errors.message(list.error)}</p>
      ) : items.length === 0 ? (
        <div className="rounded-xl border border-neutral-200 bg-white">
          <EmptyState title={unreadOnly ? t("emptyUnread") : t("empty")} headingLevel="h3" />
        </div>
      ) : (
        <>
          <ul className="divide-y divide-neutral-200 overflow-hidden rounded-xl border border-neutral-200 bg-white" data-testid="notification-list">
            {items.map((n) => (
              <li key={n.id} className={cn("flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-start", !n.readAt && "bg-brand-50/40")} data-testid="notification-item" data-read={n.readAt ? "true" : "false"}>
                <span aria-hidden="true" className={cn("mt-1.5 hidden size-2 shrink-0 rounded-full sm:block", n.readAt ? "bg-transparent" : "bg-brand-600")} />
                <div className="min-w-0 flex-1">
                  <h3 className={cn("text-sm text-neutral-900", !n.readAt && "font-semibold")}>
                    {n.readAt ? null : <span className="sr-only">{t("unreadMark")} </span>}
                    {n.link ? (
                      <Link href={n.link} className="hover:underline" onClick={() => !n.readAt && markRead.mutate({ ids: [n.id] })}>{n.title}</Link>
                    ) : n.title}
                  </h3>
                  <p className="mt-0.5 text-sm text-neutral-700">{n.body}</p>
                  <time dateTime={new Date(n.createdAt).toISOString()} className="mt-1 block text-xs text-neutral-600">
                    {format.dateTime(new Date(n.createdAt), { dateStyle: "medium", timeStyle: "short" })}
                  </time>
                </div>
                {n.readAt ? null : (
                  <Button variant="ghost" size="sm" className="self-start" onClick={() => markRead.mutate({ ids: [n.id] })} disabled={markRead.isPending}>
                    {t("markRead")}
                    <span className="sr-only">: {n.title}</span>
                  </Button>
                )}
              </li>
            ))}
          </ul>
          {list.hasNextPage ? (
            <div className="mt-4 flex justify-center">
              <Button variant="secondary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
                {list.isFetchingNextPage ? t("loading") : t("showMore")}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
