import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { VendorLifecycle } from "@/components/admin/vendor-lifecycle";
import { VendorMembers } from "@/components/admin/vendor-members";
import { VendorProfileForm } from "@/components/admin/vendor-profile-form";
import { VENDOR_STATUS_TONE } from "@/components/admin/vendor-types";
import { Badge, Card, CardBody, CardDescription, CardHeader, CardTitle, PageHeader } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { isLocale, routing } from "@/lib/i18n/routing";
import { requireStaff } from "@/server/guards";
import { INVITATION_TTL_DAYS } from "@/server/modules/vendors/vendors.schema";
import { getServerCaller } from "@/server/trpc/server";

type Props = { params: Promise<{ locale: string; vendorId: string }> };

const isNotFound = (error: unknown) => (error as { code?: string } | null)?.code === "NOT_FOUND";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "adminVendors" });
  return { title: t("title") };
}

export default async function AdminVendorPage({ params }: Props) {
  const { locale: raw, vendorId } = await params;
  const locale = isLocale(raw) ? raw : routing.defaultLocale;
  setRequestLocale(locale);
  const { session } = await requireStaff(`/admin/vendors/${encodeURIComponent(vendorId)}`, "vendors.manage");
  const [t, format, caller] = await Promise.all([getTranslations("adminVendors"), getFormatter(), getServerCaller()]);
  if (vendorId.length > 50) notFound();
  let data;
  try {
    data = await Promise.all([
      caller.vendors.getVendor({ vendorId }),
      caller.vendors.getVendorHistory({ vendorId }),
      caller.vendors.adminListMembers({ vendorId }),
      caller.vendors.adminListInvitations({ vendorId }),
    ]);
  } catch (error) {
    if (isNotFound(error)) notFound();
    throw error;
  }
  const [vendor, history, members, invitations] = data;
  const label = (status: keyof typeof VENDOR_STATUS_TONE) => t(`statusLabel.${status}`);

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/vendors" className="text-brand-700 hover:underline">
          <span aria-hidden="true" className="inline-block rtl:-scale-x-100">
            ←
          </span>{" "}
          {t("allVendors")}
        </Link>
      </p>
      <PageHeader
        title={<bdi>{vendor.name}</bdi>}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={VENDOR_STATUS_TONE[vendor.status]} data-testid="vendor-status">
              {label(vendor.status)}
            </Badge>
            <Badge tone={vendor.acceptingOrders ? "success" : "warning"}>{vendor.acceptingOrders ? t("accepting") : t("paused")}</Badge>
            <span className="font-mono text-xs" dir="ltr">
              {vendor.slug}
            </span>
          </span>
        }
      />

      <div className="grid gap-6 xl:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-6 xl:col-span-2">
          <Card>
            <CardHeader>
              <CardTitle>{t("profile")}</CardTitle>
              <CardDescription>{t("profileBody")}</CardDescription>
            </CardHeader>
            <CardBody>
              <VendorProfileForm key={vendor.updatedAt.toISOString()} scope="admin" vendor={vendor} />
            </CardBody>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>{t("members")}</CardTitle>
            </CardHeader>
            <CardBody>
              <VendorMembers
                scope="admin"
                vendorId={vendor.id}
                members={members.map((m) => ({ userId: m.user.id, name: m.user.name, email: m.user.email, role: m.role, permissions: m.permissions }))}
                invitations={invitations}
                canManage={vendor.status !== "CLOSED"}
                canManageOwners
                currentUserId={session.user.id}
                inviteDays={INVITATION_TTL_DAYS}
              />
            </CardBody>
          </Card>
        </div>

        <div className="flex min-w-0 flex-col gap-6">
          <Card>
            <CardHeader>
              <CardTitle>{t("lifecycle")}</CardTitle>
              <CardDescription>{t("lifecycleBody")}</CardDescription>
            </CardHeader>
            <CardBody>
              <VendorLifecycle vendorId={vendor.id} vendorName={vendor.name} status={vendor.status} next={vendor.nextStatuses} />
            </CardBody>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>{t("history")}</CardTitle>
            </CardHeader>
            <CardBody>
              {history.length === 0 ? (
                <p className="text-sm text-neutral-600">{t("historyEmpty")}</p>
              ) : (
                <ol className="relative flex flex-col gap-5 border-s border-neutral-200 ps-5" data-testid="vendor-history">
                  {[...history].reverse().map((h) => (
                    <li key={h.id} className="relative">
                      <span aria-hidden="true" className="absolute -start-[1.6rem] top-1.5 size-2.5 rounded-full bg-brand-600 ring-4 ring-white" />
                      <p className="text-sm font-semibold">
                        {h.from ? t("historyChange", { from: label(h.from), to: label(h.to) }) : t("historyCreated", { to: label(h.to) })}
                      </p>
                      {h.reason && h.from ? (
                        <p className="mt-1 text-sm whitespace-pre-line text-neutral-800">
                          <bdi>{h.reason}</bdi>
                        </p>
                      ) : null}
                      <p className="mt-1 text-xs text-neutral-600">
                        <time dateTime={h.createdAt.toISOString()}>{format.dateTime(h.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
                        {" · "}
                        {h.actor ? t("historyBy", { who: h.actor.name || h.actor.email }) : t("historySystem")}
                      </p>
                    </li>
                  ))}
                </ol>
              )}
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
