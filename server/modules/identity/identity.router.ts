import { router } from "@/server/trpc/init";
import { authedProcedure, publicProcedure } from "@/server/trpc/procedures";
import {
  ChangePasswordInput, ConfirmTotpInput, DisableTotpInput, EmailOnlyInput, RegenerateRecoveryCodesInput,
  RegisterInput, ResetPasswordInput, SessionIdInput, TokenInput, UpdateProfileInput,
} from "./identity.schema";
import * as identity from "./identity.service";
import { getViewer } from "./viewer";

export const identityRouter = router({
  register: publicProcedure.input(RegisterInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => identity.registerUser(tx, input, ctx.meta))),
  resendVerification: publicProcedure.input(EmailOnlyInput).mutation(({ ctx, input }) => identity.resendVerification(ctx.db, input, ctx.meta)),
  verifyEmail: publicProcedure.input(TokenInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => identity.verifyEmail(tx, input.token, ctx.meta))),
  requestPasswordReset: publicProcedure.input(EmailOnlyInput).mutation(({ ctx, input }) => identity.requestPasswordReset(ctx.db, input, ctx.meta)),
  resetPassword: publicProcedure.input(ResetPasswordInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => identity.resetPassword(tx, input, ctx.meta))),

  /** The header's account menu: name, email and faces of the signed-in person; null for visitors. */
  viewer: publicProcedure.query(({ ctx }) => getViewer(ctx.db, ctx.session?.user ?? null)),
  getAccount: authedProcedure.query(({ ctx }) => identity.getAccount(ctx.db, ctx.actor)),
  updateProfile: authedProcedure.input(UpdateProfileInput).mutation(({ ctx, input }) => identity.updateProfile(ctx.db, ctx.actor, input)),
  changePassword: authedProcedure.input(ChangePasswordInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => identity.changePassword(tx, ctx.actor, input))),

  listSessions: authedProcedure.query(({ ctx }) => identity.listSessions(ctx.db, ctx.actor)),
  revokeSession: authedProcedure.input(SessionIdInput).mutation(({ ctx, input }) => identity.revokeSession(ctx.db, ctx.actor, input.sessionId)),
  revokeAllSessions: authedProcedure.mutation(({ ctx }) => identity.revokeAllSessions(ctx.db, ctx.actor)),

  beginTotpSetup: authedProcedure.mutation(({ ctx }) => identity.beginTotpSetup(ctx.db, ctx.actor)),
  confirmTotpSetup: authedProcedure.input(ConfirmTotpInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => identity.confirmTotpSetup(tx, ctx.actor, input.code))),
  disableTotp: authedProcedure.input(DisableTotpInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => identity.disableTotp(tx, ctx.actor, input))),
  regenerateRecoveryCodes: authedProcedure.input(RegenerateRecoveryCodesInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => identity.regenerateRecoveryCodes(tx, ctx.actor, input.code))),
});
