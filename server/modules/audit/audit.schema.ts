import { z } from "zod";

export const ListAuditLogInput = z.object({
  actor: z.string().trim().max(200).optional(),
  action: z.string().trim().max(100).optional(),
  resourceType: z.string().trim().max(100).optional(),
  resourceId: z.string().trim().max(200).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  /** Id of the last row of the previous page (keyset pagination). */
  cursor: z.string().regex(/^\d{1,19}$/).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type ListAuditLogInput = z.infer<typeof ListAuditLogInput>;
