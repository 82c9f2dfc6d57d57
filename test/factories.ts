// Test data: users, staff, request meta and actors, and the dev mailbox's links.
import crypto from "node:crypto";
import type { StaffPermission } from "@/lib/permissions";
import type { DbTx } from "@/server/db";
import type { Actor, RequestMeta } from "@/server/lib/actor";
import { authSecret } from "@/server/env";
import { encrypt, hashPassword, sha256 } from "@/server/lib/crypto";
import { currentStep, generateTotpSecret } from "@/server/modules/identity/totp";

export const DEFAULT_PASSWORD = "correct-horse-42";
export const CHROME_UA =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

let sequence = 0;
/** A unique, lower-case address. */
export function uniqueEmail(prefix = "user"): string {
  sequence += 1;
  return `${prefix}-${sequence}-${crypto.randomBytes(3).toString("hex")}@example.test`;
}

/** A random loopback address, so per-IP rate limits of one test never touch another's. */
export function loopbackIp(): string {
  const [a, b, c] = crypto.randomBytes(3);
  return `127.${a}.${b}.${Math.max(1, c!)}`;
}

/** Request meta as a Chrome browser on a loopback address would send it. */
export function meta(overrides: Partial<RequestMeta> = {}): RequestMeta {
  return { requestId: crypto.randomUUID(), ip: loopbackIp(), userAgent: CHROME_UA, locale: "en", ...overrides };
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  locale: string;
  password: string;
  /** Base32 TOTP secret when created with `totp: true`. */
  totpSecret?: string;
  /** Unused recovery codes when created with `totp: true`. */
  recoveryCodes?: string[];
}

/** A user straight in the database (no mail, no audit); verified unless `verified: false`. */
export async function createUser(
  db: DbTx,
  options: { email?: string; name?: string; password?: string; verified?: boolean; totp?: boolean; locale?: string } = {},
): Promise<TestUser> {
  const email = options.email ?? uniqueEmail();
  const password = options.password ?? DEFAULT_PASSWORD;
  const name = options.name ?? "Test User";
  const locale = options.locale ?? "en";
  const totpSecret = options.totp ? generateTotpSecret() : undefined;
  const user = await db.user.create({
    data: {
      email,
      name,
      locale,
      passwordHash: await hashPassword(password),
      emailVerifiedAt: options.verified === false ? null : new Date(),
      ...(totpSecret
        ? { totpSecret: encrypt(totpSecret, authSecret), totpEnabledAt: new Date(), totpLastStep: currentStep() - 2 }
        : {}),
    },
  });
  let recoveryCodes: string[] | undefined;
  if (totpSecret) {
    recoveryCodes = Array.from({ length: 3 }, () => {
      const raw = crypto.randomBytes(5).toString("hex");
      return `${raw.slice(0, 5)}-${raw.slice(5)}`;
    });
    await db.recoveryCode.createMany({ data: recoveryCodes.map((code) => ({ userId: user.id, codeHash: sha256(code) })) });
  }
  return { id: user.id, email, name, locale, password, totpSecret, recoveryCodes };
}

/** A verified user holding a staff role with exactly `permissions`. */
export async function createStaffUser(db: DbTx, permissions: StaffPermission[], options: { email?: string; roleName?: string } = {}) {
  const user = await createUser(db, { email: options.email });
  const role = await db.staffRole.create({
    data: { name: options.roleName ?? `role-${crypto.randomBytes(4).toString("hex")}`, permissions: [...permissions].sort() },
  });
  await db.staffAssignment.create({ data: { userId: user.id, roleId: role.id } });
  return { user, role };
}

/** A live device session for `userId`, straight in the database. */
export async function createSessionRow(db: DbTx, userId: string, overrides: { expiresAt?: Date; revokedAt?: Date | null } = {}) {
  return db.session.create({
    data: { userId, expiresAt: overrides.expiresAt ?? new Date(Date.now() + 86_400_000), revokedAt: overrides.revokedAt ?? null },
  });
}

/** The actor a signed-in `user` is on `sessionId`. */
export function actorFor(user: { id: string; email: string }, sessionId: string, overrides: Partial<RequestMeta> = {}): Actor {
  return { ...meta(overrides), userId: user.id, email: user.email, sessionId };
}

/** The newest dev-mailbox mail to `email` (throws when there is none). */
export async function latestMail(db: DbTx, email: string) {
  const mail = await db.mailMessage.findFirst({ where: { to: email.toLowerCase() }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  if (!mail) throw new Error(`no mail to ${email} in the dev mailbox`);
  return mail;
}

/** The `token` query parameter of the link in the newest mail to `email`. */
export async function latestMailToken(db: DbTx, email: string): Promise<string> {
  const mail = await latestMail(db, email);
  const url = /https?:\/\/\S+[?&]token=[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
  if (!url) throw new Error(`the newest mail to ${email} (${mail.template}) has no link with a token`);
  return new URL(url).searchParams.get("token")!;
}
