// Every event handler of the application, in one list. See docs/architecture.md, "How to add
// an event handler". Handlers live in their module (`<module>.events.ts`) and are listed here.
import { ledgerOnSubOrderStatus, postChargeToLedger, postRefundToLedger } from "@/server/modules/ledger/ledger.events";
import { notificationSubscriptions } from "@/server/modules/notifications/notifications.events";
import { revalidateChangedProductPage, revalidateShopProductPages } from "@/server/modules/products/products.events";
import { indexChangedProduct, indexRelabelledProducts, indexRequestedProducts, indexSoldProducts, indexStockChange, indexVendorProducts } from "@/server/modules/search/search.events";
import { cancelOrderOnReservationExpired } from "@/server/workflows/checkout/payment.events";
import { mailReceiptOnPaymentSucceeded } from "@/server/workflows/payments/payments.events";
import { SubscriptionRegistry, type AnySubscription } from "./registry";

const handlers: AnySubscription[] = [
  cancelOrderOnReservationExpired,
  postChargeToLedger,
  postRefundToLedger,
  ledgerOnSubOrderStatus,
  mailReceiptOnPaymentSucceeded,
  indexChangedProduct,
  indexVendorProducts,
  indexRelabelledProducts,
  indexRequestedProducts,
  indexStockChange,
  indexSoldProducts,
  revalidateChangedProductPage,
  revalidateShopProductPages,
  ...notificationSubscriptions,
];

/** The registry the worker serves. */
export const subscriptions = new SubscriptionRegistry(handlers);
