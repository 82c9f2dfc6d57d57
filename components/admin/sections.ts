import type { StaffPermission } from "@/lib/permissions";

/** The admin console's sections and the permission each needs (drives the nav and dashboard). */
const SECTIONS = [
  { href: "/admin/staff", permission: "staff.manage", titleKey: "staff.title", descriptionKey: "staff.description", icon: "staff" },
  { href: "/admin/audit", permission: "audit.read", titleKey: "audit.title", descriptionKey: "audit.description", icon: "audit" },
  { href: "/admin/vendors", permission: "vendors.manage", titleKey: "vendors.title", descriptionKey: "vendors.description", icon: "vendors" },
  { href: "/admin/catalog", permission: "catalog.manage", titleKey: "catalog.title", descriptionKey: "catalog.description", icon: "catalog" },
  { href: "/admin/moderation", permission: "catalog.moderate", titleKey: "moderation.title", descriptionKey: "moderation.description", icon: "moderation" },
  { href: "/admin/orders", permission: "orders.manage", titleKey: "orders.title", descriptionKey: "orders.description", icon: "orders" },
  { href: "/admin/payments", permission: "payments.refund", titleKey: "paymentsSection.title", descriptionKey: "paymentsSection.description", icon: "card" },
  { href: "/admin/content/banners", permission: "content.manage", titleKey: "content.title", descriptionKey: "content.description", icon: "content" },
  { href: "/admin/payouts", permission: "payments.manage", titleKey: "payouts.title", descriptionKey: "payouts.description", icon: "finance" },
  { href: "/admin/search", permission: "search.manage", titleKey: "search.title", descriptionKey: "search.description", icon: "search" },
  { href: "/admin/notifications", permission: "notifications.manage", titleKey: "notificationsSection.title", descriptionKey: "notificationsSection.description", icon: "bell" },
] as const satisfies readonly { href: string; permission: StaffPermission; titleKey: string; descriptionKey: string; icon: string }[];

export type AdminSection = (typeof SECTIONS)[number];

/** The sections someone holding `permissions` may open. */
export function adminSections(permissions: ReadonlySet<StaffPermission>): AdminSection[] {
  return SECTIONS.filter((s) => permissions.has(s.permission));
}
