import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { InvitationAccept } from "@/components/seller/invitation-accept";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { Alert, Badge, buttonClasses } from "@/components/ui";
import { VENDOR_PERMISSIONS } from "@/lib/permissions";
import { Link } from "@/lib/i18n/navigation";
import { isLocale, routing } from "@/lib/i18n/routing";
import { getAuthSession } from "@/server/auth";
import { InvitationTokenInput } from "@/server/modules/vendors/vendors.schema";
import { getServerCaller } from "@/server/trpc/server";

type Props = { params: Promise<{ locale: string; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "invitation" });
  // The token is a secret: keep the page out of search engines and referrers.
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

export default async function InvitationPage({ params }: Props) {
  const { locale: raw, token } = await params;
  const locale = isLocale(raw) ? raw : routing.defaultLocale;
  setRequestLocale(locale);
  const [t, tm, tp, format, session] = await Promise.all([
    getTranslations("invitation"),
    getTranslations("sellerMembers"),
    getTranslations("vendorPermission"),
    getFormatter(),
    getAuthSession(),
  ]);
  const valid = InvitationTokenInput.safeParse({ token });
  const invitation = valid.success ? await (await getServerCaller()).vendors.invitation({ token: valid.data.token }) : null;
  const home = (
    <Link href="/" className={buttonClasses({ variant: "secondary", className: "w-full" })}>
      {t("home")}
    </Link>
  );

  if (!invitation || invitation.state !== "PENDING") {
    const state = invitation ? (invitation.state as Exclude<typeof invitation.state, "PENDING">) : "INVALID";
    return (
      <AuthCard title={invitation ? t("heading", { shop: invitation.vendor.name }) : t("title")}>
        <div className="flex flex-col gap-5" data-testid="invitation-unusable" data-state={state}>
          <Alert tone={state === "ACCEPTED" ? "info" : "warning"}>{t(`state.${state}`)}</Alert>
          {state === "ACCEPTED" && session ? (
            <Link href="/seller" className={buttonClasses({ className: "w-full" })}>
              {t("openSeller")}
            </Link>
          ) : (
            home
          )}
        </div>
      </AuthCard>
    );
  }

  const role = tm(`role.${invitation.role}`);
  const returnTo = `/${locale}/invitations/${token}`;
  const sameAccount = session && session.user.email.toLowerCase() === invitation.email.toLowerCase();

  return (
    <AuthCard title={<bdi>{t("heading", { shop: invitation.vendor.name })}</bdi>}>
      <div className="flex flex-col gap-5" data-testid="invitation">
        <div className="flex flex-col gap-2 text-sm text-neutral-800">
          <p>{t("intro", { shop: invitation.vendor.name, role })}</p>
          <p>
            {t("forEmail", { email: invitation.email })} {t("expiresOn", { date: format.dateTime(invitation.expiresAt, { dateStyle: "long" }) })}
          </p>
        </div>
        <section aria-labelledby="invitation-permissions">
          <h2 id="invitation-permissions" className="mb-2 text-sm font-semibold text-neutral-700">
            {t("permissions")}
          </h2>
          <ul className="flex flex-wrap gap-1.5">
            {invitation.role !== "STAFF" ? (
              <li>
                <Badge tone="brand">{tm("allPermissions")}</Badge>
              </li>
            ) : invitation.permissions.length === 0 ? (
              <li className="text-sm text-neutral-600">{tm("noPermissions")}</li>
            ) : (
              VENDOR_PERMISSIONS.filter((p) => invitation.permissions.includes(p)).map((p) => (
                <li key={p}>
                  <Badge tone="brand">{tp(p)}</Badge>
                </li>
              ))
            )}
          </ul>
        </section>

        {!session ? (
          <div className="flex flex-col gap-3">
            <Alert tone="info">{t("signInPrompt", { email: invitation.email })}</Alert>
            <Link href={{ pathname: "/login", query: { callbackUrl: returnTo } }} className={buttonClasses({ className: "w-full" })} data-testid="invitation-sign-in">
              {t("signIn")}
            </Link>
            <Link href={{ pathname: "/register", query: { callbackUrl: returnTo } }} className={buttonClasses({ variant: "secondary", className: "w-full" })}>
              {t("register")}
            </Link>
          </div>
        ) : sameAccount ? (
          <InvitationAccept token={token} vendorId={invitation.vendor.id} shop={invitation.vendor.name} />
        ) : (
          <div className="flex flex-col gap-3">
            <Alert tone="warning">{t("wrongAccount", { current: session.user.email, email: invitation.email })}</Alert>
            <SignOutButton variant="secondary" size="md" className="w-full" />
          </div>
        )}
      </div>
    </AuthCard>
  );
}
