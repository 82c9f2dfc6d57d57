import { z } from "zod";

export const UPLOAD_PURPOSES = ["product", "shop", "platform"] as const;
export const UploadPurpose = z.enum(UPLOAD_PURPOSES);
export type UploadPurpose = z.infer<typeof UploadPurpose>;

export const UploadFields = z.object({
  purpose: UploadPurpose,
  vendorId: z.string().trim().min(1).max(64).optional(),
});
export type UploadFields = z.infer<typeof UploadFields>;
