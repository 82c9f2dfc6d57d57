"use client";
// "Notifications on this device": registers /sw.js, subscribes this browser to Web Push with the
// server's VAPID key and stores the subscription (savePushSubscription); turning it off
// unsubscribes and forgets it (deletePushSubscription). Says so when the browser cannot, or when
// the person has blocked notifications for the site. It shows "on" only when the browser's
// subscription is stored for the person signed in (a shared browser may hold someone else's;
// turning it on moves it to them).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Alert, Button } from "@/components/ui";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";

type State = "checking" | "unsupported" | "denied" | "off" | "on";

function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = (value + "=".repeat((4 - (value.length % 4)) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

const supported = () => typeof window !== "undefined" && "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;

async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration("/");
  return (await registration?.pushManager.getSubscription()) ?? null;
}

export function PushToggle() {
  const t = useTranslations("notificationCenter.push");
  const trpc = useTRPC();
  const errors = useErrorMessages();
  const [state, setState] = useState<State>("checking");
  const [failure, setFailure] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const vapid = useQuery({ ...trpc.notifications.vapidPublicKey.queryOptions(), staleTime: Infinity });
  const save = useMutation(trpc.notifications.savePushSubscription.mutationOptions());
  const remove = useMutation(trpc.notifications.deletePushSubscription.mutationOptions());
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const check = async (): Promise<State> => {
      if (!supported()) return "unsupported";
      if (Notification.permission === "denied") return "denied";
      const subscription = await currentSubscription();
      if (!subscription) return "off";
      // A shared browser may hold the subscription of whoever turned it on before: "on" only if it is this person's.
      const { mine } = await queryClient.fetchQuery(trpc.notifications.pushSubscriptionStatus.queryOptions({ endpoint: subscription.endpoint }));
      return mine ? "on" : "off";
    };
    void check().then((s) => !cancelled && setState(s), () => !cancelled && setState("off"));
    return () => {
      cancelled = true;
    };
  }, [queryClient, trpc]);

  async function enable() {
    if (!vapid.data) return;
    setBusy(true);
    setFailure(null);
    let created: PushSubscription | null = null;
    try {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") {
        setState(permission === "denied" ? "denied" : "off");
        return;
      }
      const registration = await navigator.serviceWorker.register("/sw.js", { scope: "/" });
      await navigator.serviceWorker.ready;
      const subscription =
        (await registration.pushManager.getSubscription()) ??
        (created = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlToBytes(vapid.data.publicKey) }));
      const json = subscription.toJSON();
      await save.mutateAsync({ endpoint: subscription.endpoint, keys: { p256dh: json.keys?.p256dh ?? "", auth: json.keys?.auth ?? "" } });
      setState("on");
    } catch (error) {
      // A subscription made by this click that the server did not store would read as "on" after a
      // reload while nothing is ever sent to it: undo it.
      await created?.unsubscribe().catch(() => false);
      // The caught error, not `save.error`: this closure holds the render before the mutation ran.
      setFailure(error instanceof TRPCClientError ? errors.message(error) : error instanceof Error && error.name === "NotAllowedError" ? t("blocked") : t("failed"));
    } finally {
      setBusy(false);
    }
  }

  async function disable() {
    setBusy(true);
    setFailure(null);
    try {
      const subscription = await currentSubscription();
      if (subscription) {
        await remove.mutateAsync({ endpoint: subscription.endpoint });
        await subscription.unsubscribe();
      }
      setState("off");
    } catch (error) {
      setFailure(error instanceof TRPCClientError ? errors.message(error) : t("failed"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="push-title" className="mb-10" data-testid="push-toggle" data-state={state}>
      <h2 id="push-title" className="text-xl font-semibold">{t("title")}</h2>
      <p className="mb-3 text-sm text-neutral-600">{t("description")}</p>
      {state === "unsupported" ? (
        <Alert tone="info">{t("unsupported")}</Alert>
      ) : state === "denied" ? (
        <Alert tone="warning">{t("blocked")}</Alert>
      ) : (
        <div className="flex flex-wrap items-center gap-3">
          <p className="text-sm text-neutral-800" aria-live="polite">{state === "on" ? t("on") : state === "off" ? t("off") : ""}</p>
          {state === "on" ? (
            <Button variant="secondary" onClick={() => void disable()} disabled={busy}>{t("disable")}</Button>
          ) : (
            <Button onClick={() => void enable()} disabled={busy || state === "checking" || !vapid.data}>{t("enable")}</Button>
          )}
        </div>
      )}
      {failure ? <p role="alert" className="mt-2 text-sm text-danger-700">{failure}</p> : null}
      {vapid.isError && state !== "unsupported" && state !== "denied" ? <p role="alert" className="mt-2 text-sm text-danger-700">{errors.message(vapid.error)}</p> : null}
    </section>
  );
}
