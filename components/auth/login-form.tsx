"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Alert, Button, Field, Input } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { useErrorMessages } from "@/lib/trpc/errors";
import { textLinkClasses } from "./auth-card";
import { OAuthButtons, type OAuthProvider } from "./oauth-buttons";
import { ResendVerification } from "./resend-verification";

type Step = "credentials" | "otp";
type FieldErrors = Partial<Record<"email" | "password" | "otp", string>>;

// next-auth drops the parameters of our errors; the rate limit window is 15 minutes.
const RATE_LIMIT_MINUTES = 15;

/**
 * Email + password, then (when the account has two-factor on) a second step asking for the
 * authenticator code or a recovery code. Errors come back from next-auth as "errors.*" keys.
 */
export function LoginForm({ callbackUrl, providers }: { callbackUrl: string; providers: OAuthProvider[] }) {
  const t = useTranslations("auth");
  const tc = useTranslations("common");
  const { translate } = useErrorMessages();
  const router = useRouter();
  const [step, setStep] = useState<Step>("credentials");
  const [useRecovery, setUseRecovery] = useState(false);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [otp, setOtp] = useState("");
  const [errorKey, setErrorKey] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [unverifiedEmail, setUnverifiedEmail] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const otpRef = useRef<HTMLInputElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);

  // Move focus to the input of the step (and of the code kind) just shown.
  const focusTarget = step === "otp" ? `otp-${useRecovery}` : "credentials";
  const shownTarget = useRef(focusTarget);
  useEffect(() => {
    if (shownTarget.current === focusTarget) return;
    shownTarget.current = focusTarget;
    (focusTarget === "credentials" ? emailRef : otpRef).current?.focus();
  }, [focusTarget]);

  function validate(): FieldErrors {
    const errors: FieldErrors = {};
    if (step === "credentials") {
      if (!email.trim()) errors.email = "validation.required";
      if (!password) errors.password = "validation.required";
    } else if (useRecovery ? otp.trim().length < 6 : !/^\d{6}$/.test(otp.trim())) {
      errors.otp = "validation.totpFormat";
    }
    return errors;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const errors = validate();
    setFieldErrors(errors);
    setErrorKey(null);
    setUnverifiedEmail(null);
    if (Object.keys(errors).length > 0) return;

    setPending(true);
    let key: string | null;
    try {
      const result = await signIn("credentials", { email, password, otp: step === "otp" ? otp.trim() : "", redirect: false });
      key = result?.error ?? (result?.ok ? null : "internal");
    } catch {
      key = "network";
    }
    if (!key) {
      router.push(callbackUrl);
      router.refresh();
      return; // stay "pending" while the next page loads
    }
    setPending(false);
    if (key === "CredentialsSignin") key = "auth.invalidCredentials";
    if (key === "auth.totpRequired") {
      setStep("otp");
      setOtp("");
      return;
    }
    if (step === "otp" && key === "auth.totpInvalid") {
      setFieldErrors({ otp: key });
      setOtp("");
      return;
    }
    if (key === "auth.invalidCredentials" || key === "auth.emailNotVerified" || key === "auth.accountDisabled") {
      setStep("credentials");
      setOtp("");
    }
    if (key === "auth.emailNotVerified") setUnverifiedEmail(email);
    setErrorKey(key);
  }

  const errorText = errorKey ? (errorKey === "rateLimited" ? translate("rateLimited", { minutes: RATE_LIMIT_MINUTES }) : translate(errorKey)) : null;
  const alert = errorText ? (
    <Alert tone="danger" className="mb-5" action={unverifiedEmail ? <ResendVerification email={unverifiedEmail} /> : undefined}>
      {errorText}
    </Alert>
  ) : null;

  if (step === "otp") {
    return (
      <form noValidate onSubmit={onSubmit} aria-labelledby="login-otp-title">
        <h1 id="login-otp-title" className="text-2xl font-bold text-neutral-900">
          {t("login.otpTitle")}
        </h1>
        <p className="mt-1 mb-6 text-sm text-neutral-600">{email}</p>
        {alert}
        <Field
          id="otp"
          label={useRecovery ? t("login.recoveryLabel") : t("login.otpLabel")}
          hint={useRecovery ? t("login.recoveryHint") : t("login.otpHint")}
          error={fieldErrors.otp ? translate(fieldErrors.otp) : undefined}
        >
          {(c) =>
            useRecovery ? (
              <Input
                {...c}
                ref={otpRef}
                key="recovery"
                name="otp"
                value={otp}
                onChange={(e) => setOtp(e.target.value)}
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                maxLength={20}
                dir="ltr"
                className="font-mono tracking-wider"
              />
            ) : (
              <Input
                {...c}
                ref={otpRef}
                key="app"
                name="otp"
                value={otp}
                onChange={(e) => setOtp(e.target.value.replace(/\D/g, "").slice(0, 6))}
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]*"
                maxLength={6}
                dir="ltr"
                className="font-mono text-lg tracking-[0.4em]"
              />
            )
          }
        </Field>
        <Button type="submit" className="mt-5 w-full" loading={pending}>
          {t("login.verify")}
        </Button>
        <div className="mt-4 flex flex-wrap items-center justify-between gap-2">
          <Button
            variant="ghost"
            size="sm"
            className="-ms-3 text-brand-700!"
            onClick={() => {
              setUseRecovery((v) => !v);
              setOtp("");
              setFieldErrors({});
            }}
          >
            {useRecovery ? t("login.useApp") : t("login.useRecovery")}
          </Button>
          <Button
            variant="ghost"
            size="sm"
            className="-me-3"
            onClick={() => {
              setStep("credentials");
              setUseRecovery(false);
              setOtp("");
              setFieldErrors({});
              setErrorKey(null);
            }}
          >
            {tc("back")}
          </Button>
        </div>
      </form>
    );
  }

  return (
    <>
      <form noValidate onSubmit={onSubmit} aria-labelledby="login-title">
        <h1 id="login-title" className="text-2xl font-bold text-neutral-900">
          {t("login.title")}
        </h1>
        <p className="mt-1 mb-6 text-sm text-neutral-600">{t("login.subtitle")}</p>
        {alert}
        <div className="flex flex-col gap-4">
          <Field id="email" label={t("email")} error={fieldErrors.email ? translate(fieldErrors.email) : undefined}>
            {(c) => (
              <Input
                {...c}
                ref={emailRef}
                type="email"
                name="email"
                autoComplete="email"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                maxLength={254}
              />
            )}
          </Field>
          <div>
            <Field id="password" label={t("password")} error={fieldErrors.password ? translate(fieldErrors.password) : undefined}>
              {(c) => (
                <Input
                  {...c}
                  type="password"
                  name="password"
                  autoComplete="current-password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  maxLength={128}
                />
              )}
            </Field>
            <p className="mt-2 text-end text-sm">
              <Link href="/forgot-password" className={textLinkClasses}>
                {t("login.forgot")}
              </Link>
            </p>
          </div>
        </div>
        <Button type="submit" className="mt-6 w-full" loading={pending}>
          {t("login.submit")}
        </Button>
      </form>
      <OAuthButtons providers={providers} callbackUrl={callbackUrl} />
    </>
  );
}
