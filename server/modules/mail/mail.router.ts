import { z } from "zod";
import { devMailboxEnabled } from "@/server/env";
import { notFound } from "@/server/lib/errors";
import { router } from "@/server/trpc/init";
import { publicProcedure } from "@/server/trpc/procedures";
import { getDevMail, listDevMailbox } from "./mail.service";

// The dev mailbox exists only outside production: every procedure answers 404 there.
const devProcedure = publicProcedure.use(({ next }) => {
  if (!devMailboxEnabled) throw notFound();
  return next();
});

export const mailRouter = router({
  listDevMailbox: devProcedure
    .input(z.object({ to: z.string().trim().max(254).optional() }))
    .query(({ ctx, input }) => listDevMailbox(ctx.db, { to: input.to || undefined })),
  getDevMail: devProcedure.input(z.object({ id: z.string().min(1).max(50) })).query(async ({ ctx, input }) => {
    const mail = await getDevMail(ctx.db, input.id);
    if (!mail) throw notFound();
    return mail;
  }),
});
