import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { VendorMembers } from "@/components/admin/vendor-members";
import { Alert, PageHeader } from "@/components/ui";
import { isLocale } from "@/lib/i18n/routing";
import { INVITATION_TTL_DAYS } from "@/server/modules/vendors/vendors.schema";
import { requireSellerVendor } from "@/server/seller-context";
import { getServerCaller } from "@/server/trpc/server";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "sellerMembers" });
  return { title: t("title") };
}

export default async function SellerMembersPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (isLocale(locale)) setRequestLocale(locale);
  const { session, vendor } = await requireSellerVendor("/seller/members");
  const t = await getTranslations("sellerMembers");
  const header = <PageHeader title={t("title")} description={t("description", { shop: vendor.name })} />;
  // Listing members needs members.manage too; without it the page explains instead of erroring.
  if (!vendor.permissions.includes("members.manage")) {
    return (
      <>
        {header}
        <Alert tone="warning">{t("readOnly")}</Alert>
      </>
    );
  }
  const caller = await getServerCaller();
  const [members, invitations] = await Promise.all([
    caller.vendors.listMembers({ vendorId: vendor.id }),
    caller.vendors.listInvitations({ vendorId: vendor.id }),
  ]);
  return (
    <>
      {header}
      <VendorMembers
        scope="seller"
        vendorId={vendor.id}
        members={members.map((m) => ({ userId: m.user.id, name: m.user.name, email: m.user.email, role: m.role, permissions: m.permissions }))}
        invitations={invitations}
        canManage
        canManageOwners={vendor.role === "OWNER"}
        currentUserId={session.user.id}
        inviteDays={INVITATION_TTL_DAYS}
      />
    </>
  );
}
