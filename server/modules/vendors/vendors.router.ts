import { router } from "@/server/trpc/init";
import { adminProcedure, authedProcedure, publicProcedure, sellerProcedure } from "@/server/trpc/procedures";
import {
  ChangeVendorStatusInput, CreateVendorInput, InvitationTokenInput, InviteMemberInput, ListVendorsInput, RemoveMemberInput,
  RevokeInvitationInput, SetAcceptingOrdersInput, UpdateShopProfileInput, UpdateVendorInput, VendorIdInput,
} from "./vendors.schema";
import * as vendors from "./vendors.service";
import { getPublicShop, PublicShopInput } from "./vendors.storefront";

// Staff with vendors.manage reach every vendor's members through the admin procedures below,
// which hand the services STAFF_VENDOR_ACCESS; seller procedures let the services check membership.
const staff = vendors.STAFF_VENDOR_ACCESS;

export const vendorsRouter = router({
  listMyVendors: authedProcedure.query(({ ctx }) => vendors.listMyVendors(ctx.db, ctx.actor.userId)),
  // Storefront: an active shop's public profile.
  getPublicShop: publicProcedure.input(PublicShopInput).query(({ ctx, input }) => getPublicShop(ctx.db, input.slug)),

  // Admin console.
  listVendors: adminProcedure("vendors.manage").input(ListVendorsInput).query(({ ctx, input }) => vendors.listVendors(ctx.db, input)),
  getVendor: adminProcedure("vendors.manage").input(VendorIdInput).query(({ ctx, input }) => vendors.getVendor(ctx.db, input.vendorId)),
  getVendorHistory: adminProcedure("vendors.manage").input(VendorIdInput).query(({ ctx, input }) => vendors.getVendorHistory(ctx.db, input.vendorId)),
  createVendor: adminProcedure("vendors.manage").input(CreateVendorInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => vendors.createVendor(tx, ctx.actor, input))),
  updateVendor: adminProcedure("vendors.manage").input(UpdateVendorInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => vendors.updateVendor(tx, ctx.actor, input))),
  changeVendorStatus: adminProcedure("vendors.manage").input(ChangeVendorStatusInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => vendors.changeVendorStatus(tx, ctx.actor, input))),
  adminListMembers: adminProcedure("vendors.manage").input(VendorIdInput).query(({ ctx, input }) =>
    vendors.listMembers(ctx.db, ctx.actor, input.vendorId, staff)),
  adminListInvitations: adminProcedure("vendors.manage").input(VendorIdInput).query(({ ctx, input }) =>
    vendors.listInvitations(ctx.db, ctx.actor, input.vendorId, staff)),
  adminInviteMember: adminProcedure("vendors.manage").input(InviteMemberInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => vendors.inviteMember(tx, ctx.actor, input, staff))),
  adminRevokeInvitation: adminProcedure("vendors.manage").input(RevokeInvitationInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => vendors.revokeInvitation(tx, ctx.actor, input, staff))),
  adminRemoveMember: adminProcedure("vendors.manage").input(RemoveMemberInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => vendors.removeMember(tx, ctx.actor, input, staff))),

  // Seller center (the procedure checks membership of input.vendorId; the service checks again).
  getShop: sellerProcedure("shop.manage").input(VendorIdInput).query(({ ctx, input }) => vendors.getShop(ctx.db, ctx.actor, input.vendorId)),
  setAcceptingOrders: sellerProcedure("shop.manage").input(SetAcceptingOrdersInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => vendors.setAcceptingOrders(tx, ctx.actor, input))),
  updateShopProfile: sellerProcedure("shop.manage").input(UpdateShopProfileInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => vendors.updateShopProfile(tx, ctx.actor, input))),
  listMembers: sellerProcedure("members.manage").input(VendorIdInput).query(({ ctx, input }) => vendors.listMembers(ctx.db, ctx.actor, input.vendorId)),
  listInvitations: sellerProcedure("members.manage").input(VendorIdInput).query(({ ctx, input }) =>
    vendors.listInvitations(ctx.db, ctx.actor, input.vendorId)),
  inviteMember: sellerProcedure("members.manage").input(InviteMemberInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => vendors.inviteMember(tx, ctx.actor, input))),
  revokeInvitation: sellerProcedure("members.manage").input(RevokeInvitationInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => vendors.revokeInvitation(tx, ctx.actor, input))),
  removeMember: sellerProcedure("members.manage").input(RemoveMemberInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => vendors.removeMember(tx, ctx.actor, input))),

  // The invitation link: anyone holding the token may see what it offers; accepting needs the invited account.
  invitation: publicProcedure.input(InvitationTokenInput).query(({ ctx, input }) => vendors.getInvitationByToken(ctx.db, input.token)),
  acceptInvitation: authedProcedure.input(InvitationTokenInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => vendors.acceptInvitation(tx, ctx.actor, input.token))),
});
