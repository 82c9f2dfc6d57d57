"use client";
// Live events in client components: one shared pusher-js connection per tab, configured by
// the server (`realtime.clientConfig`: Pusher Channels or the local server), authorizing
// private-/presence- channels at /api/realtime/auth.
//
//   useChannel(userChannel(session.user.id), { "order.updated": (data) => refetch() });
//
// Subscriptions are counted per channel, so two components on one channel share it and the
// channel is left when the last one unmounts. Handlers may change on every render.
import { useQuery } from "@tanstack/react-query";
import type { Channel } from "pusher-js";
import type PusherClient from "pusher-js";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/lib/trpc/client";
import { pusherClientOptions, type RealtimeBrowserConfig } from "./client-options";

export { REALTIME_AUTH_ENDPOINT, type RealtimeBrowserConfig } from "./client-options";

let shared: { signature: string; client: Promise<PusherClient> } | null = null;
const channelUsers = new Map<string, number>();

/** The tab's pusher-js client for `config` (created on first use, replaced if the config changes). */
export function realtimeClient(config: RealtimeBrowserConfig): Promise<PusherClient> {
  const signature = JSON.stringify(config);
  if (shared?.signature === signature) return shared.client;
  const previous = shared?.client;
  channelUsers.clear();
  const client = import("pusher-js").then(({ default: Pusher }) => {
    void previous?.then((old) => old.disconnect());
    return new Pusher(config.key, pusherClientOptions(config));
  });
  shared = { signature, client };
  return client;
}

/** The server's realtime settings (read once per tab). */
export function useRealtimeConfig(): RealtimeBrowserConfig | undefined {
  const trpc = useTRPC();
  return useQuery({ ...trpc.realtime.clientConfig.queryOptions(), staleTime: Infinity, gcTime: Infinity }).data;
}

type Handlers = Record<string, (data: unknown, metadata?: { user_id?: string }) => void>;

/**
 * Subscribes to `channelName` (nothing when null/undefined) and calls `handlers[event]` for
 * each event; returns whether the subscription has succeeded.
 */
export function useChannel(channelName: string | null | undefined, handlers: Handlers): boolean {
  const config = useRealtimeConfig();
  const latest = useRef(handlers);
  const [subscribed, setSubscribed] = useState(false);
  useEffect(() => {
    latest.current = handlers;
  });
  const events = Object.keys(handlers).sort().join("\n");

  useEffect(() => {
    if (!config || !channelName) return;
    let cancelled = false;
    let cleanup: (() => void) | undefined;
    void realtimeClient(config).then((client) => {
      if (cancelled) return;
      const channel: Channel = client.subscribe(channelName);
      channelUsers.set(channelName, (channelUsers.get(channelName) ?? 0) + 1);
      const bound = events
        .split("\n")
        .filter(Boolean)
        .map((event) => {
          const listener = (data: unknown, metadata?: { user_id?: string }) => latest.current[event]?.(data, metadata);
          channel.bind(event, listener);
          return [event, listener] as const;
        });
      const onSucceeded = () => setSubscribed(true);
      channel.bind("pusher:subscription_succeeded", onSucceeded);
      if (channel.subscribed) setSubscribed(true);
      cleanup = () => {
        for (const [event, listener] of bound) channel.unbind(event, listener);
        channel.unbind("pusher:subscription_succeeded", onSucceeded);
        const users = (channelUsers.get(channelName) ?? 1) - 1;
        if (users <= 0) {
          channelUsers.delete(channelName);
          client.unsubscribe(channelName);
        } else channelUsers.set(channelName, users);
        setSubscribed(false);
      };
    });
    return () => {
      cancelled = true;
      cleanup?.();
    };
  }, [config, channelName, events]);

  return subscribed;
}
