import { router } from "@/server/trpc/init";
import { authedProcedure } from "@/server/trpc/procedures";
import { listMyVendors } from "./vendors.service";

export const vendorsRouter = router({
  listMyVendors: authedProcedure.query(({ ctx }) => listMyVendors(ctx.db, ctx.actor.userId)),
});
