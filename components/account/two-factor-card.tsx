"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ComponentProps, type FormEvent } from "react";
import { Alert, Badge, Button, Card, CardBody, CardHeader, CardTitle, Dialog, Field, Input, Skeleton, useToast } from "@/components/ui";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";
import { nativeAutoFocus } from "./autofocus";
import { CopyButton } from "./copy-button";
import { RecoveryCodes } from "./recovery-codes";

type Setup = { secret: string; qrSvg: string };

/** Six digits, typed or pasted with spaces. */
function CodeInput(props: ComponentProps<typeof Input>) {
  return (
    <Input
      {...props}
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]*"
      maxLength={6}
      dir="ltr"
      className="max-w-48 font-mono text-lg tracking-[0.4em]"
      onInput={(e) => {
        const el = e.currentTarget;
        el.value = el.value.replace(/\D/g, "").slice(0, 6);
      }}
    />
  );
}

/** Two-factor status and its flows: set-up with QR code, recovery codes, regenerate, turn off. */
export function TwoFactorCard() {
  const t = useTranslations("account.twoFactor");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const { message, field } = useErrorMessages();
  const account = useQuery(trpc.identity.getAccount.queryOptions());
  const [setup, setSetup] = useState<Setup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [dialog, setDialog] = useState<"regenerate" | "disable" | null>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.identity.getAccount.queryKey() });

  const begin = useMutation(trpc.identity.beginTotpSetup.mutationOptions({ onSuccess: (data) => setSetup(data) }));
  const confirm = useMutation(
    trpc.identity.confirmTotpSetup.mutationOptions({
      onSuccess: (data) => {
        setSetup(null);
        setCodes(data.recoveryCodes);
        toast({ title: t("enabled"), tone: "success" });
        void refresh();
      },
    }),
  );
  const regenerate = useMutation(
    trpc.identity.regenerateRecoveryCodes.mutationOptions({
      onSuccess: (data) => {
        setDialog(null);
        setCodes(data.recoveryCodes);
        void refresh();
      },
    }),
  );
  const disable = useMutation(
    trpc.identity.disableTotp.mutationOptions({
      onSuccess: () => {
        setDialog(null);
        toast({ title: t("disabled"), tone: "success" });
        void refresh();
      },
    }),
  );

  useEffect(() => {
    if (setup) codeRef.current?.focus();
  }, [setup]);

  const enabled = Boolean(account.data?.totpEnabledAt);

  function onConfirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    confirm.mutate({ code: String(new FormData(event.currentTarget).get("code") ?? "") });
  }

  function onRegenerate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    regenerate.mutate({ code: String(new FormData(event.currentTarget).get("code") ?? "") });
  }

  function onDisable(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    disable.mutate({ password: String(data.get("password") ?? ""), code: String(data.get("code") ?? "") });
  }

  function openDialog(which: "regenerate" | "disable") {
    regenerate.reset();
    disable.reset();
    setDialog(which);
  }

  const codeError = (error: unknown) => field(error, "code") ?? (error && (error as { data?: { messageKey?: string } }).data?.messageKey === "auth.totpInvalid" ? message(error) : undefined);
  const otherError = (error: unknown, ...fields: string[]) => {
    if (!error) return null;
    const key = (error as { data?: { messageKey?: string } }).data?.messageKey;
    if (key === "auth.totpInvalid" || key === "auth.currentPasswordWrong" || fields.some((f) => field(error, f))) return null;
    return message(error);
  };

  let body;
  if (account.isPending) {
    body = (
      <div className="flex flex-col gap-3" aria-busy="true">
        <Skeleton className="h-4 w-2/3" />
        <Skeleton className="h-10 w-56" />
      </div>
    );
  } else if (account.isError) {
    body = <Alert tone="danger">{message(account.error)}</Alert>;
  } else if (codes) {
    body = (
      <RecoveryCodes
        codes={codes}
        onDone={() => {
          setCodes(null);
          titleRef.current?.focus();
        }}
      />
    );
  } else if (setup) {
    body = (
      <div className="flex flex-col gap-6 md:flex-row md:items-start">
        <div
          role="img"
          aria-label={t("qrAlt")}
          className="mx-auto size-52 shrink-0 rounded-lg bg-white p-2 ring-1 ring-neutral-200 md:mx-0 [&>svg]:size-full"
          // The SVG is produced on our server by the qrcode library from our own otpauth URI.
          dangerouslySetInnerHTML={{ __html: setup.qrSvg }}
        />
        <form noValidate onSubmit={onConfirm} className="flex min-w-0 flex-1 flex-col gap-4">
          <div>
            <h3 className="text-base font-semibold text-neutral-900">{t("scanTitle")}</h3>
            <p className="mt-1 text-sm text-neutral-600">{t("scanBody")}</p>
          </div>
          <div>
            <p id="totp-secret-label" className="mb-1.5 text-sm font-medium text-neutral-900">
              {t("secretLabel")}
            </p>
            <div className="flex flex-wrap items-center gap-2">
              <code
                aria-labelledby="totp-secret-label"
                data-testid="totp-secret"
                dir="ltr"
                className="min-w-0 rounded-md border border-neutral-200 bg-neutral-50 px-3 py-2 font-mono text-sm tracking-wider text-neutral-900 select-all"
              >
                {/* Groups of four wrap cleanly on phones; copying the text gives the key without spaces. */}
                {setup.secret.match(/.{1,4}/g)?.map((group, i) => (
                  <span key={i} className="me-2 inline-block last:me-0">
                    {group}
                  </span>
                ))}
              </code>
              <CopyButton text={setup.secret} />
            </div>
          </div>
          <Field id="code" label={t("codeLabel")} error={codeError(confirm.error)}>
            {(c) => <CodeInput {...c} ref={codeRef} name="code" />}
          </Field>
          {otherError(confirm.error, "code") ? <Alert tone="danger">{otherError(confirm.error, "code")}</Alert> : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" loading={confirm.isPending}>
              {t("confirm")}
            </Button>
            <Button
              variant="ghost"
              onClick={() => {
                setSetup(null);
                confirm.reset();
              }}
            >
              {tc("cancel")}
            </Button>
          </div>
        </form>
      </div>
    );
  } else if (enabled) {
    const left = account.data.recoveryCodesLeft;
    body = (
      <div className="flex flex-col gap-4">
        <p className="text-sm text-neutral-600">{t("description")}</p>
        <p className={left <= 2 ? "text-sm font-medium text-warning-800" : "text-sm text-neutral-700"} data-testid="recovery-left">
          {t("recoveryLeft", { count: left })}
        </p>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => openDialog("regenerate")}>
            {t("regenerate")}
          </Button>
          <Button variant="danger" onClick={() => openDialog("disable")}>
            {t("disable")}
          </Button>
        </div>
      </div>
    );
  } else {
    body = (
      <div className="flex flex-col gap-4">
        <p className="text-sm text-neutral-600">{t("description")}</p>
        {begin.isError ? <Alert tone="danger">{message(begin.error)}</Alert> : null}
        <div>
          <Button loading={begin.isPending} onClick={() => begin.mutate()}>
            {t("enable")}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <Card data-testid="two-factor">
      <CardHeader
        actions={
          account.data ? (
            <Badge tone={enabled ? "success" : "neutral"} data-testid="two-factor-status">
              {enabled ? t("statusOn") : t("statusOff")}
            </Badge>
          ) : null
        }
      >
        <CardTitle ref={titleRef} tabIndex={-1} className="focus:outline-none">
          {t("title")}
        </CardTitle>
      </CardHeader>
      <CardBody>{body}</CardBody>

      {/* Always mounted (opening by mounting trips Strict Mode's effect replay); the forms
          mount only while open so their ids stay unique on the page. */}
      <Dialog open={dialog === "regenerate"} onClose={() => setDialog(null)} title={t("regenerate")} description={t("regenerateBody")} closeLabel={tc("close")} size="sm">
        {dialog === "regenerate" ? (
          <form noValidate onSubmit={onRegenerate} className="flex flex-col gap-4">
            {otherError(regenerate.error, "code") ? <Alert tone="danger">{otherError(regenerate.error, "code")}</Alert> : null}
            <Field id="code" label={t("codeLabel")} error={codeError(regenerate.error)}>
              {(c) => <CodeInput {...c} ref={nativeAutoFocus} name="code" />}
            </Field>
            <div className="flex flex-wrap justify-end gap-2">
              <Button variant="ghost" onClick={() => setDialog(null)}>
                {tc("cancel")}
              </Button>
              <Button type="submit" loading={regenerate.isPending}>
                {t("regenerate")}
              </Button>
            </div>
          </form>
        ) : null}
      </Dialog>

      <Dialog open={dialog === "disable"} onClose={() => setDialog(null)} title={t("disable")} description={t("disableBody")} closeLabel={tc("close")} size="sm">
        {dialog === "disable" ? (
          <form noValidate onSubmit={onDisable} className="flex flex-col gap-4">
            {otherError(disable.error, "password", "code") ? <Alert tone="danger">{otherError(disable.error, "password", "code")}</Alert> : null}
            <PasswordField error={disable.error?.data?.messageKey === "auth.currentPasswordWrong" ? message(disable.error) : field(disable.error, "password")} />
            <Field id="code" label={t("codeOrRecovery")} error={codeError(disable.error)}>
              {(c) => <Input {...c} name="code" autoComplete="one-time-code" autoCapitalize="none" spellCheck={false} maxLength={20} dir="ltr" className="font-mono" />}
            </Field>
            <div className="flex flex-wrap justify-end gap-2">
              <Button variant="ghost" onClick={() => setDialog(null)}>
                {tc("cancel")}
              </Button>
              <Button type="submit" variant="danger" loading={disable.isPending}>
                {t("disable")}
              </Button>
            </div>
          </form>
        ) : null}
      </Dialog>
    </Card>
  );
}

function PasswordField({ error }: { error?: string }) {
  const t = useTranslations("auth");
  return (
    <Field id="password" label={t("password")} error={error}>
      {(c) => <Input {...c} ref={nativeAutoFocus} type="password" name="password" autoComplete="current-password" maxLength={128} />}
    </Field>
  );
}
