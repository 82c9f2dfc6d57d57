// The root router: one sub-router per domain module.
import { accessRouter } from "../modules/access/access.router";
import { addressesRouter } from "../modules/addresses/addresses.router";
import { auditRouter } from "../modules/audit/audit.router";
import { cartRouter, wishlistRouter } from "../modules/cart/cart.router";
import { catalogRouter } from "../modules/catalog/catalog.router";
import { contentRouter } from "../modules/content/content.router";
import { discoveryRouter } from "../modules/discovery/discovery.router";
import { identityRouter } from "../modules/identity/identity.router";
import { inventoryRouter } from "../modules/inventory/inventory.router";
import { ledgerRouter } from "../modules/ledger/ledger.router";
import { mailRouter } from "../modules/mail/mail.router";
import { notificationsRouter } from "../modules/notifications/notifications.router";
import { ordersRouter } from "../modules/orders/orders.router";
import { productsRouter } from "../modules/products/products.router";
import { searchRouter } from "../modules/search/search.router";
import { searchAdminRouter } from "../modules/search/search-admin.router";
import { realtimeRouter } from "../modules/realtime/realtime.router";
import { shippingRouter } from "../modules/shipping/shipping.router";
import { vendorsRouter } from "../modules/vendors/vendors.router";
import { checkoutRouter } from "../workflows/checkout/checkout.router";
import { paymentsRouter } from "../workflows/payments/payments.router";
import { payoutsRouter } from "../workflows/payouts/payouts.router";
import { createCallerFactory, router } from "./init";

export const appRouter = router({
  identity: identityRouter,
  access: accessRouter,
  audit: auditRouter,
  mail: mailRouter,
  vendors: vendorsRouter,
  products: productsRouter,
  catalog: catalogRouter,
  inventory: inventoryRouter,
  cart: cartRouter,
  wishlist: wishlistRouter,
  addresses: addressesRouter,
  checkout: checkoutRouter,
  payments: paymentsRouter,
  orders: ordersRouter,
  content: contentRouter,
  shipping: shippingRouter,
  ledger: ledgerRouter,
  payouts: payoutsRouter,
  search: searchRouter,
  searchAdmin: searchAdminRouter,
  realtime: realtimeRouter,
  discovery: discoveryRouter,
  notifications: notificationsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
