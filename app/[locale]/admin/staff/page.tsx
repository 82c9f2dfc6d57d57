import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NewRoleButton } from "@/components/admin/new-role-button";
import { RoleCard } from "@/components/admin/role-card";
import type { StaffRoleView } from "@/components/admin/types";
import { Card, EmptyState, PageHeader } from "@/components/ui";
import { isLocale } from "@/lib/i18n/routing";
import { requireStaff } from "@/server/guards";
import { getServerCaller } from "@/server/trpc/server";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "admin" });
  return { title: t("staff.title") };
}

export default async function StaffPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (isLocale(locale)) setRequestLocale(locale);
  await requireStaff("/admin/staff", "staff.manage");
  const [t, caller] = await Promise.all([getTranslations("admin"), getServerCaller()]);
  const roles: StaffRoleView[] = (await caller.access.listStaffRoles()).map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    permissions: r.permissions,
    members: r.assignments.map((a) => ({ id: a.user.id, name: a.user.name, email: a.user.email })),
  }));
  return (
    <>
      <PageHeader title={t("staff.title")} description={t("staff.description")} actions={<NewRoleButton />} />
      <section aria-labelledby="roles-title">
        <h2 id="roles-title" className="mb-3 text-lg font-semibold">
          {t("staff.roles")}
        </h2>
        {roles.length === 0 ? (
          <Card>
            <EmptyState headingLevel="h3" title={t("staff.noRoles")} description={t("staff.noRolesBody")} action={<NewRoleButton />} />
          </Card>
        ) : (
          <ul className="grid gap-4 xl:grid-cols-2">
            {roles.map((role) => (
              <li key={role.id} className="min-w-0">
                <RoleCard role={role} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
