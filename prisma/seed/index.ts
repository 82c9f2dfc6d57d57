// Deterministic demo data: the same rows every run (upserts keyed by natural keys), so
// re-seeding never duplicates anything.
import { STAFF_PERMISSIONS, type StaffPermission } from "@/lib/permissions";
import type { PrismaClient } from "@/prisma/generated/client/client";
import { hashPassword } from "@/server/lib/crypto";
import { reindexAll, searchEngine } from "@/server/modules/search";
import { seedBanners } from "./banners";
import { seedCatalog } from "./catalog";
import { seedInventory } from "./inventory";
import { seedOrders } from "./orders";
import { seedSearch } from "./search";
import { seedShippingRules } from "./shipping";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";

const STAFF_ROLES: { name: string; description: string; permissions: readonly StaffPermission[] }[] = [
  { name: "Super admin", description: "Everything, including staff management.", permissions: STAFF_PERMISSIONS },
  { name: "Catalog moderator", description: "Reviews products and vendors.", permissions: ["catalog.moderate", "catalog.manage", "vendors.manage", "users.read", "audit.read"] },
  { name: "Support agent", description: "Helps shoppers with orders, refunds and disputes.", permissions: ["users.read", "orders.manage", "payments.refund", "disputes.manage"] },
  { name: "Finance", description: "Payments, payouts, tax and analytics.", permissions: ["payments.refund", "tax.manage", "analytics.read", "audit.read"] },
];

const VENDORS = [
  { slug: "nordic-home", name: "Nordic Home" },
  { slug: "tech-haven", name: "Tech Haven" },
  { slug: "atelier-lumiere", name: "Atelier Lumière" },
  { slug: "casa-verde", name: "Casa Verde" },
  { slug: "silk-road-textiles", name: "Silk Road Textiles" },
  { slug: "peak-outdoors", name: "Peak Outdoors" },
  { slug: "little-sprouts", name: "Little Sprouts" },
  { slug: "golden-spoon", name: "Golden Spoon Kitchen" },
];

export async function seed(db: PrismaClient, log: (line: string) => void = () => {}) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const verifiedAt = new Date("2026-01-01T00:00:00Z");

  const users: Record<keyof typeof DEMO_ACCOUNTS, string> = {} as never;
  for (const [key, account] of Object.entries(DEMO_ACCOUNTS) as [keyof typeof DEMO_ACCOUNTS, { email: string; name: string }][]) {
    const user = await db.user.upsert({
      where: { email: account.email },
      update: {},
      create: { email: account.email, name: account.name, passwordHash, emailVerifiedAt: verifiedAt, locale: "en" },
    });
    users[key] = user.id;
  }

  const roles: Record<string, string> = {};
  for (const role of STAFF_ROLES) {
    const row = await db.staffRole.upsert({
      where: { name: role.name },
      // Super admin always holds every permission, including ones added since the last seeding.
      update: role.permissions === STAFF_PERMISSIONS ? { permissions: [...STAFF_PERMISSIONS] } : {},
      create: { name: role.name, description: role.description, permissions: [...role.permissions] },
    });
    roles[role.name] = row.id;
  }
  const assign = (userId: string, role: string) =>
    db.staffAssignment.upsert({ where: { userId_roleId: { userId, roleId: roles[role]! } }, update: {}, create: { userId, roleId: roles[role]! } });
  await assign(users.admin, "Super admin");
  await assign(users.moderator, "Catalog moderator");
  await assign(users.support, "Support agent");

  const vendorIds: string[] = [];
  for (const vendor of VENDORS) {
    const row = await db.vendor.upsert({ where: { slug: vendor.slug }, update: {}, create: { ...vendor, status: "ACTIVE" } });
    vendorIds.push(row.id);
  }
  const member = (userId: string, vendorId: string, role: "OWNER" | "ADMIN" | "STAFF", permissions: string[] = []) =>
    db.vendorMembership.upsert({
      where: { userId_vendorId: { userId, vendorId } },
      update: {},
      create: { userId, vendorId, role, permissions },
    });
  await member(users.seller, vendorIds[0]!, "OWNER");
  await member(users.seller, vendorIds[1]!, "OWNER");
  await member(users.artisan, vendorIds[2]!, "OWNER");
  await member(users.sellerStaff, vendorIds[0]!, "STAFF", ["orders.fulfil", "inventory.write", "messages.reply"]);

  log(`seeded ${Object.keys(users).length} accounts, ${STAFF_ROLES.length} staff roles, ${VENDORS.length} vendors`);
  await seedCatalog(db, log);
  await seedInventory(db, log);
  log(`seeded ${await seedShippingRules(db)} shipping methods`);
  await seedOrders(db, log);
  await seedBanners(db, log);
  await seedSearch(db, log);
  // A searchable catalog from the first start: the same rebuild as `npm run search:reindex`.
  const started = Date.now();
  const indexed = await reindexAll(db, searchEngine());
  log(`indexed ${indexed.products} products (${indexed.documents} documents) for search in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}
