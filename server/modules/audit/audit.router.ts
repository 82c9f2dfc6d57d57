import { router } from "@/server/trpc/init";
import { adminProcedure } from "@/server/trpc/procedures";
import { ListAuditLogInput } from "./audit.schema";
import { listAuditActions, listAuditLog } from "./audit.service";

export const auditRouter = router({
  listAuditLog: adminProcedure("audit.read").input(ListAuditLogInput).query(({ ctx, input }) => listAuditLog(ctx.db, input)),
  listAuditActions: adminProcedure("audit.read").query(({ ctx }) => listAuditActions(ctx.db)),
});
