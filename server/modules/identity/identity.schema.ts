// Inputs of the identity module, shared by its router and the account forms. Error messages
// are keys under "errors" in messages/*.json.
import { z } from "zod";
import { locales } from "@/lib/i18n/routing";

const COMMON_PASSWORDS = new Set([
  "password", "password1", "password123", "123456789", "1234567890", "qwertyuiop", "iloveyou1",
  "admin12345", "welcome123", "letmein123", "passw0rd12", "bazaar1234", "qwerty1234", "abc1234567",
]);

export const Email = z
  .string()
  .trim()
  .max(254, { error: "validation.tooLong" })
  .pipe(z.email({ error: "validation.email" }))
  .transform((value) => value.toLowerCase());

export const Password = z
  .string()
  .min(10, { error: "validation.passwordTooShort" })
  .max(128, { error: "validation.tooLong" })
  .refine((value) => /[A-Za-z\p{L}]/u.test(value) && /[^A-Za-z\p{L}]/u.test(value), { error: "validation.passwordWeak" })
  .refine((value) => !COMMON_PASSWORDS.has(value.toLowerCase()), { error: "validation.passwordCommon" });

export const PersonName = z.string().trim().min(1, { error: "validation.required" }).max(100, { error: "validation.tooLong" });
export const LocaleInput = z.enum(locales);
const Token = z.string().min(20, { error: "auth.tokenInvalid" }).max(200, { error: "auth.tokenInvalid" });
export const TotpCode = z.string().trim().regex(/^\d{6}$/, { error: "validation.totpFormat" });
/** A TOTP code, or a recovery code (xxxxx-xxxxx). */
export const SecondFactor = z.string().trim().min(6, { error: "validation.totpFormat" }).max(20, { error: "validation.totpFormat" });

export const RegisterInput = z.object({ email: Email, name: PersonName, password: Password, locale: LocaleInput });
export type RegisterInput = z.infer<typeof RegisterInput>;

export const SignInInput = z.object({
  email: Email,
  password: z.string().min(1, { error: "validation.required" }).max(128, { error: "validation.tooLong" }),
  otp: SecondFactor.optional(),
});
export type SignInInput = z.infer<typeof SignInInput>;

export const EmailOnlyInput = z.object({ email: Email, locale: LocaleInput });
export type EmailOnlyInput = z.infer<typeof EmailOnlyInput>;

export const TokenInput = z.object({ token: Token });
export type TokenInput = z.infer<typeof TokenInput>;

export const ResetPasswordInput = z.object({ token: Token, password: Password });
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;

export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1, { error: "validation.required" }).max(128, { error: "validation.tooLong" }),
  newPassword: Password,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const UpdateProfileInput = z.object({ name: PersonName, locale: LocaleInput });
export type UpdateProfileInput = z.infer<typeof UpdateProfileInput>;

export const ConfirmTotpInput = z.object({ code: TotpCode });
export const DisableTotpInput = z.object({ password: z.string().min(1, { error: "validation.required" }).max(128), code: SecondFactor });
export const RegenerateRecoveryCodesInput = z.object({ code: TotpCode });

export const SessionIdInput = z.object({ sessionId: z.string().min(1).max(50) });
