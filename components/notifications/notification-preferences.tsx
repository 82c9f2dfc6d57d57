"use client";
// Preferences: a table of notification types × channels with a switch per allowed pair. Pairs
// that must go out (security, transactional mails) are shown on and locked, with the reason.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { cn, Skeleton } from "@/components/ui";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";
import { NOTIFICATION_CHANNELS, NOTIFICATION_TYPES, type NotificationChannel, type NotificationType } from "@/server/modules/notifications/notifications.types";

export function NotificationPreferences() {
  const t = useTranslations("notificationCenter");
  const tn = useTranslations("notifications");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errors = useErrorMessages();
  const noteId = useId();
  const prefs = useQuery(trpc.notifications.getPreferences.queryOptions());
  const key = trpc.notifications.getPreferences.queryKey();
  const set = useMutation(
    trpc.notifications.setPreference.mutationOptions({
      onMutate: async (input) => {
        await queryClient.cancelQueries({ queryKey: key });
        const previous = queryClient.getQueryData(key);
        queryClient.setQueryData(key, (old) => old && {
          ...old,
          types: old.types.map((row) => row.type !== input.type ? row : {
            ...row, channels: row.channels.map((c) => (c.channel === input.channel ? { ...c, enabled: input.enabled } : c)),
          }),
        });
        return { previous };
      },
      onError: (_error, _input, context) => {
        if (context?.previous) queryClient.setQueryData(key, context.previous);
      },
      onSettled: () => void queryClient.invalidateQueries({ queryKey: key }),
    }),
  );

  const typeName = (type: NotificationType) => tn(`types.${NOTIFICATION_TYPES[type].key}` as never);
  const channelName = (channel: NotificationChannel) => tn(`channels.${channel}` as never);

  return (
    <section aria-labelledby="notification-prefs-title" className="mb-10">
      <h2 id="notification-prefs-title" className="text-xl font-semibold">{t("preferences.title")}</h2>
      <p className="mb-4 text-sm text-neutral-600">{t("preferences.description")}</p>
      {set.error ? <p role="alert" className="mb-2 text-sm text-danger-700">{errors.message(set.error)}</p> : null}
      {prefs.isPending ? (
        <Skeleton className="h-64 w-full" />
      ) : prefs.isError ? (
        <p role="alert" className="text-sm text-danger-700">{errors.message(prefs.error)}</p>
      ) : (
        <div className="relative overflow-x-auto rounded-xl border border-neutral-200 bg-white">
          <table className="w-full min-w-[32rem] text-sm" data-testid="notification-preferences">
            <caption className="sr-only">{t("preferences.title")}</caption>
            <thead className="bg-neutral-50 text-neutral-700">
              <tr>
                <th scope="col" className="px-4 py-2.5 text-start font-medium">{t("preferences.type")}</th>
                {NOTIFICATION_CHANNELS.map((channel) => (
                  <th key={channel} scope="col" className="px-3 py-2.5 text-center font-medium">{channelName(channel)}</th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-100">
              {prefs.data.types.map((row) => (
                <tr key={row.type} data-type={row.type}>
                  <th scope="row" className="px-4 py-2.5 text-start font-normal text-neutral-900">{typeName(row.type)}</th>
                  {NOTIFICATION_CHANNELS.map((channel) => {
                    const cell = row.channels.find((c) => c.channel === channel);
                    if (!cell) {
                      return (
                        <td key={channel} className="px-3 py-2.5 text-center text-neutral-400">
                          <span aria-hidden="true">—</span>
                          <span className="sr-only">{t("preferences.notAvailable")}</span>
                        </td>
                      );
                    }
                    const label = t("preferences.switchLabel", { type: typeName(row.type), channel: channelName(channel) });
                    return (
                      <td key={channel} className="px-3 py-2.5 text-center">
                        <Switch
                          checked={cell.enabled}
                          locked={cell.mandatory}
                          label={cell.mandatory ? `${label} (${t("preferences.required")})` : label}
                          describedBy={cell.mandatory ? noteId : undefined}
                          onChange={(enabled) => set.mutate({ type: row.type, channel, enabled })}
                        />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="mt-2 flex items-start gap-1.5 text-sm text-neutral-600">
        <LockIcon className="mt-0.5" />
        <span id={noteId}>{t("preferences.mandatoryNote")}</span>
      </p>
    </section>
  );
}

function LockIcon({ className }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className={cn("size-4 shrink-0", className)} fill="currentColor">
      <path fillRule="evenodd" d="M10 1a4.5 4.5 0 0 0-4.5 4.5V9H5a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6a2 2 0 0 0-2-2h-.5V5.5A4.5 4.5 0 0 0 10 1Zm3 8V5.5a3 3 0 1 0-6 0V9h6Z" clipRule="evenodd" />
    </svg>
  );
}

/** A switch (role="switch"); a locked one stays on and says why through its label and description (the note under the table). */
function Switch({ checked, locked, label, describedBy, onChange }: { checked: boolean; locked: boolean; label: string; describedBy?: string; onChange: (value: boolean) => void }) {
  return (
    <span className="inline-flex items-center gap-1">
      <button
        type="button"
        role="switch"
        aria-checked={checked}
        aria-label={label}
        aria-disabled={locked || undefined}
        aria-describedby={describedBy}
        onClick={() => !locked && onChange(!checked)}
        className={cn(
          "relative inline-flex h-6 w-11 shrink-0 items-center rounded-full border-2 border-transparent transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600",
          checked ? "bg-brand-600" : "bg-neutral-300",
          locked ? "cursor-not-allowed opacity-70" : "cursor-pointer",
        )}
      >
        <span className={cn("inline-block size-5 rounded-full bg-white shadow transition-transform", checked ? "translate-x-5 rtl:-translate-x-5" : "translate-x-0")} />
      </button>
      {locked ? <LockIcon className="text-neutral-500" /> : null}
    </span>
  );
}
