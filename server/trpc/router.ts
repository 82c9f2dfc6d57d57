// The root router: one sub-router per domain module.
import { accessRouter } from "../modules/access/access.router";
import { auditRouter } from "../modules/audit/audit.router";
import { catalogRouter } from "../modules/catalog/catalog.router";
import { identityRouter } from "../modules/identity/identity.router";
import { mailRouter } from "../modules/mail/mail.router";
import { productsRouter } from "../modules/products/products.router";
import { vendorsRouter } from "../modules/vendors/vendors.router";
import { createCallerFactory, router } from "./init";

export const appRouter = router({
  identity: identityRouter,
  access: accessRouter,
  audit: auditRouter,
  mail: mailRouter,
  vendors: vendorsRouter,
  products: productsRouter,
  catalog: catalogRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
