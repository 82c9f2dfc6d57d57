import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ShopSwitcher } from "@/components/seller/shop-switcher";
import { ConsoleShell, consoleIcons } from "@/components/shell/console-shell";
import { isLocale } from "@/lib/i18n/routing";
import { getAuthSession } from "@/server/auth";
import { requireSellerVendor } from "@/server/seller-context";
import { getServerCaller } from "@/server/trpc/server";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "meta" });
  return { title: { default: t("sellerTitle"), template: `%s · ${t("sellerTitle")}` }, robots: { index: false, follow: false } };
}

export default async function SellerLayout({ children }: { children: ReactNode }) {
  // Anonymous visitors are left to the page's own guard, which knows the exact return address.
  if (!(await getAuthSession())) return children;
  const { session, vendors, vendor } = await requireSellerVendor("/seller");
  const [t, tShop, tMembers, tShipping] = await Promise.all([
    getTranslations("seller"), getTranslations("sellerShop"), getTranslations("sellerMembers"), getTranslations("sellerShipping"),
  ]);
  const tInventory = await getTranslations("sellerInventory");
  const canStock = vendor.permissions.includes("inventory.write");
  const lowStock = canStock ? await (await getServerCaller()).inventory.countLowStock({ vendorId: vendor.id }).catch(() => 0) : 0;
  const tProducts = await getTranslations("sellerProducts");
  const tOrders = await getTranslations("sellerOrders");
  const tFinance = await getTranslations("sellerFinance");
  const switcher =
    vendors.length > 1 ? (
      <ShopSwitcher shops={vendors.map((v) => ({ id: v.id, name: v.name }))} currentId={vendor.id} />
    ) : (
      <div>
        <p className="text-xs font-medium text-neutral-600">{t("switchVendor")}</p>
        <p className="truncate font-semibold">{vendor.name}</p>
      </div>
    );
  return (
    <ConsoleShell
      session={session}
      home="/seller"
      logoSuffix={t("logoSuffix")}
      navLabel={t("nav")}
      items={[
        { href: "/seller", label: t("dashboard"), icon: consoleIcons.dashboard, exact: true },
        { href: "/seller/products", label: tProducts("nav"), icon: consoleIcons.catalog },
        ...(vendor.permissions.includes("orders.fulfil") ? [{ href: "/seller/orders", label: tOrders("nav"), icon: consoleIcons.orders }] : []),
        { href: "/seller/shop", label: tShop("nav"), icon: consoleIcons.shop },
        { href: "/seller/members", label: tMembers("nav"), icon: consoleIcons.members },
        ...(canStock
          ? [{ href: "/seller/inventory", label: tInventory("nav"), icon: consoleIcons.inventory, badge: { count: lowStock, label: tInventory("navLowStock", { count: lowStock }) } }]
          : []),
        { href: "/seller/shipping", label: tShipping("nav"), icon: consoleIcons.shipping },
        ...(vendor.permissions.includes("payouts.read") ? [{ href: "/seller/finance", label: tFinance("nav"), icon: consoleIcons.finance }] : []),
      ]}
      sidebarTop={switcher}
    >
      {children}
    </ConsoleShell>
  );
}
