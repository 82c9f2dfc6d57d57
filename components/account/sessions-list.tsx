"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useFormatter, useLocale, useNow, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { Alert, Badge, Button, Card, CardBody, CardDescription, CardFooter, CardHeader, CardTitle, Dialog, Skeleton, useToast } from "@/components/ui";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";
import { nativeAutoFocus } from "./autofocus";

function DeviceIcon({ os }: { os: string | null }) {
  const phone = /android|ios|iphone|ipad/i.test(os ?? "");
  return (
    <span aria-hidden="true" className="grid size-10 shrink-0 place-items-center rounded-full bg-neutral-100 text-neutral-600">
      <svg viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
        {phone ? <path d="M8 2.5h8a1.5 1.5 0 0 1 1.5 1.5v16a1.5 1.5 0 0 1-1.5 1.5H8A1.5 1.5 0 0 1 6.5 20V4A1.5 1.5 0 0 1 8 2.5ZM11 18.5h2" /> : <path d="M4 5h16a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1Zm4 15h8m-4-3v3" />}
      </svg>
    </span>
  );
}

/** The devices signed in to the account, with "sign out" per device and everywhere. */
export function SessionsList() {
  const t = useTranslations("account.sessions");
  const tc = useTranslations("common");
  const locale = useLocale();
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const { message } = useErrorMessages();
  const sessions = useQuery(trpc.identity.listSessions.queryOptions());
  const [confirmAll, setConfirmAll] = useState(false);

  const regions = useMemo(() => {
    try {
      return new Intl.DisplayNames([locale], { type: "region" });
    } catch {
      return null;
    }
  }, [locale]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.identity.listSessions.queryKey() });
  const revoke = useMutation(
    trpc.identity.revokeSession.mutationOptions({
      onSuccess: () => toast({ title: t("revoked"), tone: "success" }),
      onError: (error) => toast({ title: message(error), tone: "danger" }),
      onSettled: () => refresh(),
    }),
  );
  const revokeAll = useMutation(
    trpc.identity.revokeAllSessions.mutationOptions({
      // This device is revoked too: end its cookie and go to sign-in.
      onSuccess: () => signOut({ callbackUrl: `/${locale}/login` }),
    }),
  );

  function deviceName(browser: string | null, os: string | null) {
    if (browser && os) return t("browserOn", { browser, os });
    return browser ?? os ?? t("unknownDevice");
  }

  function placeName(location: string | null) {
    if (location === "local") return t("localNetwork");
    if (!location) return t("unknownLocation");
    try {
      return regions?.of(location) ?? location;
    } catch {
      return location;
    }
  }

  let body;
  if (sessions.isPending) {
    body = (
      <div className="flex flex-col gap-4 px-5 py-4" aria-busy="true">
        {[0, 1].map((i) => (
          <div key={i} className="flex items-center gap-3">
            <Skeleton className="size-10 rounded-full" />
            <div className="flex flex-1 flex-col gap-2">
              <Skeleton className="h-4 w-1/2" />
              <Skeleton className="h-3 w-1/3" />
            </div>
          </div>
        ))}
      </div>
    );
  } else if (sessions.isError) {
    body = (
      <CardBody>
        <Alert tone="danger">{message(sessions.error)}</Alert>
      </CardBody>
    );
  } else {
    body = (
      <ul data-testid="sessions-list" className="divide-y divide-neutral-200">
        {sessions.data.map((s) => {
          const nameId = `session-${s.id}`;
          return (
            <li key={s.id} data-testid="session-row" data-current={s.current || undefined} className="flex flex-wrap items-center gap-x-4 gap-y-3 px-5 py-4">
              <DeviceIcon os={s.os} />
              <div className="min-w-0 flex-1 basis-56">
                <p className="flex flex-wrap items-center gap-2">
                  <span id={nameId} className="font-medium text-neutral-900">
                    {deviceName(s.browser, s.os)}
                  </span>
                  {s.current ? <Badge tone="brand">{t("thisDevice")}</Badge> : null}
                </p>
                <p className="mt-0.5 text-sm text-neutral-600">
                  {placeName(s.location)}
                  {s.ip ? (
                    <>
                      <span aria-hidden="true"> · </span>
                      <bdi>{t("ip", { ip: s.ip })}</bdi>
                    </>
                  ) : null}
                </p>
                <p className="mt-0.5 text-sm text-neutral-600">
                  <time dateTime={s.lastSeenAt.toISOString()} title={format.dateTime(s.lastSeenAt, { dateStyle: "medium", timeStyle: "short" })} suppressHydrationWarning>
                    {t("lastSeen", { time: format.relativeTime(s.lastSeenAt, now) })}
                  </time>
                  <span aria-hidden="true"> · </span>
                  <time dateTime={s.createdAt.toISOString()}>{t("signedIn", { date: format.dateTime(s.createdAt, { dateStyle: "medium" }) })}</time>
                </p>
              </div>
              {s.current ? null : (
                <Button
                  variant="secondary"
                  size="sm"
                  aria-describedby={nameId}
                  loading={revoke.isPending && revoke.variables?.sessionId === s.id}
                  onClick={() => revoke.mutate({ sessionId: s.id })}
                >
                  {t("signOut")}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      {body}
      <CardFooter>
        <Button variant="secondary" onClick={() => setConfirmAll(true)} disabled={!sessions.data}>
          {t("signOutEverywhere")}
        </Button>
      </CardFooter>
      <Dialog
        open={confirmAll}
        onClose={() => setConfirmAll(false)}
        title={t("signOutEverywhere")}
        description={t("signOutEverywhereConfirm")}
        closeLabel={tc("close")}
        size="sm"
        footer={
          <>
            <Button ref={nativeAutoFocus} variant="ghost" onClick={() => setConfirmAll(false)}>
              {tc("cancel")}
            </Button>
            <Button variant="danger" loading={revokeAll.isPending || revokeAll.isSuccess} onClick={() => revokeAll.mutate()}>
              {t("signOutEverywhere")}
            </Button>
          </>
        }
      >
        {revokeAll.isError ? <Alert tone="danger">{message(revokeAll.error)}</Alert> : null}
      </Dialog>
    </Card>
  );
}
