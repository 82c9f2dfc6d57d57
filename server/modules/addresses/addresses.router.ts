import { router } from "@/server/trpc/init";
import { authedProcedure } from "@/server/trpc/procedures";
import { AddressIdInput, CreateAddressInput, UpdateAddressInput } from "./addresses.schema";
import * as addresses from "./addresses.service";

// Every procedure works on the signed-in account's own book; the services refuse other ids.
export const addressesRouter = router({
  list: authedProcedure.query(({ ctx }) => addresses.listAddresses(ctx.db, ctx.actor.userId)),
  create: authedProcedure.input(CreateAddressInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => addresses.createAddress(tx, ctx.actor.userId, input))),
  update: authedProcedure.input(UpdateAddressInput).mutation(({ ctx, input }) => addresses.updateAddress(ctx.db, ctx.actor.userId, input)),
  setDefault: authedProcedure.input(AddressIdInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => addresses.setDefaultAddress(tx, ctx.actor.userId, input.id))),
  delete: authedProcedure.input(AddressIdInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => addresses.deleteAddress(tx, ctx.actor.userId, input.id))),
});
