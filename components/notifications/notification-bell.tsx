"use client";
// The header's notification bell (storefront and consoles): the unread count, a panel with the
// latest notifications and "Mark all as read". Live: it listens on the person's private channel
// (private-user-<id>) for "notification.created", which carries the new unread count.
// Disclosure manners as the category menu: the button says whether the panel is open, Escape
// closes it and returns focus to the button, a click outside or focus leaving closes it.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { cn } from "@/components/ui";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { userChannel } from "@/lib/realtime/channels";
import { useChannel } from "@/lib/realtime/use-channel";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";

const LATEST = 8;

type Created = { notification?: { title?: string }; unread?: number };

export function NotificationBell({ userId }: { userId: string }) {
  const t = useTranslations("notificationCenter");
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errors = useErrorMessages();
  const pathname = usePathname();
  // Open on the page where it was opened: a navigation (following a notification's link) closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (value: boolean) => setOpenOn(value ? pathname : null);
  const [announcement, setAnnouncement] = useState("");
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  const unreadKey = trpc.notifications.unreadCount.queryKey();
  const unreadQuery = useQuery(trpc.notifications.unreadCount.queryOptions());
  const unread = unreadQuery.data ?? 0;
  const list = useQuery({ ...trpc.notifications.list.queryOptions({ limit: LATEST }), enabled: open });

  useChannel(userChannel(userId), {
    "notification.created": (data) => {
      const payload = (data ?? {}) as Created;
      if (typeof payload.unread === "number") queryClient.setQueryData(unreadKey, payload.unread);
      else void queryClient.invalidateQueries({ queryKey: unreadKey });
      void queryClient.invalidateQueries({ queryKey: trpc.notifications.list.pathKey() });
      if (payload.notification?.title) setAnnouncement(t("newNotification", { title: payload.notification.title }));
    },
  });

  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSuccess: (result) => {
        queryClient.setQueryData(unreadKey, result.unread);
        void queryClient.invalidateQueries({ queryKey: trpc.notifications.list.pathKey() });
      },
    }),
  );

  useEffect(() => {
    if (!open) return;
    const el = root.current;
    if (!el) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        event.preventDefault();
        setOpenOn(null);
        button.current?.focus();
      }
    };
    const onPointerDown = (event: PointerEvent) => {
      if (!el.contains(event.target as Node)) setOpenOn(null);
    };
    const onFocusOut = (event: FocusEvent) => {
      if (event.relatedTarget instanceof Node && !el.contains(event.relatedTarget)) setOpenOn(null);
    };
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onPointerDown);
    el.addEventListener("focusout", onFocusOut);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onPointerDown);
      el.removeEventListener("focusout", onFocusOut);
    };
  }, [open]);

  const items = list.data?.items ?? [];

  return (
    <div ref={root} className="relative" data-testid="notification-bell" data-unread={unreadQuery.isSuccess ? unread : undefined}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className="relative inline-flex size-9 items-center justify-center rounded-md text-neutral-700 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-brand-600 sm:size-10"
      >
        <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        <span className="sr-only">{t("bellLabel", { count: unread })}</span>
        {unread > 0 ? (
          <span
            aria-hidden="true"
            data-testid="notification-count"
            className="absolute -end-0.5 -top-0.5 flex h-5 min-w-5 items-center justify-center rounded-full bg-danger-600 px-1 text-xs font-bold text-white tabular-nums"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </button>
      <span role="status" className="sr-only">{announcement}</span>
      <div
        id={panelId}
        hidden={!open}
        className="z-30 overflow-hidden rounded-lg border border-neutral-200 bg-white shadow-lg max-sm:fixed max-sm:inset-x-2 max-sm:top-16 sm:absolute sm:end-0 sm:top-full sm:mt-2 sm:w-96"
        data-testid="notification-panel"
      >
        <div className="flex items-center justify-between gap-2 border-b border-neutral-200 px-4 py-2.5">
          <h2 className="text-sm font-semibold text-neutral-900">{t("title")}</h2>
          <button
            type="button"
            onClick={() => markRead.mutate({ all: true })}
            disabled={unread === 0 || markRead.isPending}
            className="rounded px-2 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:cursor-not-allowed disabled:text-neutral-500 disabled:hover:bg-transparent"
          >
            {t("markAllRead")}
          </button>
        </div>
        {markRead.error ? <p role="alert" className="px-4 py-2 text-sm text-danger-700">{errors.message(markRead.error)}</p> : null}
        {open && list.isPending ? (
          <p className="px-4 py-6 text-center text-sm text-neutral-600">{t("loading")}</p>
        ) : list.isError ? (
          <p className="px-4 py-6 text-center text-sm text-danger-700">{errors.message(list.error)}</p>
        ) : items.length === 0 ? (
          <p className="px-4 py-6 text-center text-sm text-neutral-600">{t("empty")}</p>
        ) : (
          <ul className="max-h-[min(24rem,calc(100dvh-10rem))] divide-y divide-neutral-100 overflow-y-auto">
            {items.map((n) => {
              const content = (
                <>
                  <span className="flex items-start gap-2">
                    <span
                      aria-hidden="true"
                      className={cn("mt-1.5 size-2 shrink-0 rounded-full", n.readAt ? "bg-transparent" : "bg-brand-600")}
                    />
                    <span className="min-w-0 flex-1">
                      <span className={cn("block text-sm text-neutral-900", !n.readAt && "font-semibold")}>
                        {n.readAt ? null : <span className="sr-only">{t("unreadMark")} </span>}
                        {n.title}
                      </span>
                      <span className="mt-0.5 line-clamp-2 block text-sm text-neutral-600">{n.body}</span>
                      <time dateTime={new Date(n.createdAt).toISOString()} className="mt-1 block text-xs text-neutral-500">
                        {format.relativeTime(new Date(n.createdAt), now)}
                      </time>
                    </span>
                  </span>
                </>
              );
              const onOpen = () => {
                if (!n.readAt) markRead.mutate({ ids: [n.id] });
              };
              return (
                <li key={n.id}>
                  {n.link ? (
                    <Link href={n.link} prefetch={false} onClick={onOpen} className="block px-4 py-3 hover:bg-neutral-50 focus-visible:bg-neutral-50">
                      {content}
                    </Link>
                  ) : (
                    <div className="px-4 py-3">{content}</div>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        <div className="border-t border-neutral-200 px-4 py-2.5 text-center">
          <Link href="/account/notifications" prefetch={false} className="text-sm font-medium text-brand-700 hover:underline">
            {t("seeAll")}
          </Link>
        </div>
      </div>
    </div>
  );
}
