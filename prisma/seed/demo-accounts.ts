// The demo accounts listed in the README. One password for all, so trying roles is easy.
export const DEMO_PASSWORD = "bazaar-demo-2026";

export const DEMO_ACCOUNTS = {
  admin: { email: "admin@bazaar.test", name: "Ada Admin" },
  moderator: { email: "moderator@bazaar.test", name: "Moe Moderator" },
  support: { email: "support@bazaar.test", name: "Sam Support" },
  seller: { email: "seller@bazaar.test", name: "Selma Seller" },
  sellerStaff: { email: "packer@bazaar.test", name: "Pat Packer" },
  artisan: { email: "artisan@bazaar.test", name: "Amir Artisan" },
  shopper: { email: "shopper@bazaar.test", name: "Shira Shopper" },
} as const;
