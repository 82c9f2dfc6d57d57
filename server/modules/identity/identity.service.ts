// Accounts: registration, email verification, sign-in with optional TOTP, password reset,
// devices (sessions) and two-factor set-up. Every security-relevant change is audited.
import crypto from "node:crypto";
import geoip from "geoip-country";
import QRCode from "qrcode";
import { UAParser } from "ua-parser-js";
import type { DbTx } from "@/server/db";
import { authSecret, env } from "@/server/env";
import type { Actor, RequestMeta } from "@/server/lib/actor";
import { dummyPasswordHash, encrypt, decrypt, hashPassword, randomToken, sha256, verifyPassword } from "@/server/lib/crypto";
import { AppError, badRequest, conflict, notFound, unauthorized } from "@/server/lib/errors";
import { assertNotBlocked, consume, reset } from "@/server/lib/rate-limit";
import { publish } from "@/server/events";
import { recordAudit } from "@/server/modules/audit";
import { sendMail } from "@/server/modules/mail";
import type {
  ChangePasswordInput,
  EmailOnlyInput,
  RegisterInput,
  ResetPasswordInput,
  SignInInput,
  UpdateProfileInput,
} from "./identity.schema";
import { generateTotpSecret, matchTotp, totpUri } from "./totp";

export const EMAIL_VERIFICATION_TTL_HOURS = 48;
export const PASSWORD_RESET_TTL_MINUTES = 30;
export const SESSION_TTL_DAYS = 30;
const LAST_SEEN_RESOLUTION_MS = 60_000;
const RECOVERY_CODE_COUNT = 10;

type TokenPurpose = "EMAIL_VERIFICATION" | "PASSWORD_RESET";

function appUrl(path: string): string {
  return new URL(path, env.APP_URL).toString();
}

/** Issues a single-use token; only its hash is stored. Returns the raw token for the link. */
async function issueToken(db: DbTx, userId: string, purpose: TokenPurpose, ttlMs: number): Promise<string> {
  const token = randomToken();
  await db.authToken.create({
    data: { userId, purpose, tokenHash: sha256(token), expiresAt: new Date(Date.now() + ttlMs) },
  });
  return token;
}

/**
 * Marks a token used if it is unused and unexpired, atomically: of two concurrent uses of
 * the same link exactly one wins. Returns the token's user id.
 */
async function consumeToken(db: DbTx, token: string, purpose: TokenPurpose): Promise<string> {
  const tokenHash = sha256(token);
  const claimed = await db.authToken.updateMany({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  if (claimed.count !== 1) {
    const existing = await db.authToken.findUnique({ where: { tokenHash } });
    if (existing?.usedAt) throw badRequest("auth.tokenUsed");
    if (existing && existing.expiresAt <= new Date()) throw badRequest("auth.tokenExpired");
    throw badRequest("auth.tokenInvalid");
  }
  const row = await db.authToken.findUniqueOrThrow({ where: { tokenHash } });
  return row.userId;
}

async function sendVerificationMail(db: DbTx, user: { id: string; email: string; name: string; locale: string }) {
  const token = await issueToken(db, user.id, "EMAIL_VERIFICATION", EMAIL_VERIFICATION_TTL_HOURS * 3_600_000);
  await sendMail(db, {
    to: user.email,
    locale: user.locale,
    template: "verifyEmail",
    vars: { name: user.name, url: appUrl(`/${user.locale}/verify-email?token=${token}`), hours: EMAIL_VERIFICATION_TTL_HOURS },
  });
}

/** Creates an account and mails the verification link. */
export async function registerUser(db: DbTx, input: RegisterInput, meta: RequestMeta) {
  if (meta.ip) await consume("registerPerIp", meta.ip);
  const passwordHash = await hashPassword(input.password);
  let user;
  try {
    user = await db.user.create({
      data: { email: input.email, name: input.name, passwordHash, locale: input.locale },
      select: { id: true, email: true, name: true, locale: true },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw conflict("auth.emailTaken");
    throw error;
  }
  await recordAudit(db, { ...meta, userId: user.id, email: user.email }, { action: "user.register", resourceType: "user", resourceId: user.id });
  await sendVerificationMail(db, user);
  return { userId: user.id };
}

/** Sends a fresh verification link; silent for unknown or already verified addresses. */
export async function resendVerification(db: DbTx, input: EmailOnlyInput, meta: RequestMeta) {
  await consume("verificationMailPerAccount", input.email);
  if (meta.ip) await consume("accountMailPerIp", meta.ip);
  const user = await db.user.findUnique({ where: { email: input.email } });
  if (!user || user.emailVerifiedAt) return;
  await sendVerificationMail(db, user);
}

/** Confirms an email address from the link's token. */
export async function verifyEmail(db: DbTx, token: string, meta: RequestMeta) {
  const userId = await consumeToken(db, token, "EMAIL_VERIFICATION");
  const user = await db.user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() } });
  await recordAudit(db, { ...meta, userId, email: user.email }, { action: "user.verifyEmail", resourceType: "user", resourceId: userId });
  return { email: user.email };
}

/** Mails a reset link if the account exists; the answer is the same either way. */
export async function requestPasswordReset(db: DbTx, input: EmailOnlyInput, meta: RequestMeta) {
  if (meta.ip) await consume("accountMailPerIp", meta.ip);
  await consume("passwordResetPerAccount", input.email);
  const user = await db.user.findUnique({ where: { email: input.email } });
  if (!user || user.disabledAt) return;
  const token = await issueToken(db, user.id, "PASSWORD_RESET", PASSWORD_RESET_TTL_MINUTES * 60_000);
  await recordAudit(db, { ...meta, userId: user.id, email: user.email }, { action: "user.passwordResetRequested", resourceType: "user", resourceId: user.id });
  await sendMail(db, {
    to: user.email,
    locale: user.locale,
    template: "passwordReset",
    vars: { name: user.name, url: appUrl(`/${user.locale}/reset-password?token=${token}`), minutes: PASSWORD_RESET_TTL_MINUTES },
  });
}

/** Sets a new password from a reset link; every session of the account is signed out. */
export async function resetPassword(db: DbTx, input: ResetPasswordInput, meta: RequestMeta) {
  const userId = await consumeToken(db, input.token, "PASSWORD_RESET");
  const passwordHash = await hashPassword(input.password);
  const now = new Date();
  const before = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { emailVerifiedAt: true } });
  // The link proved control of the mailbox, so an unverified address becomes verified.
  const user = await db.user.update({ where: { id: userId }, data: { passwordHash, emailVerifiedAt: before.emailVerifiedAt ?? now } });
  await db.authToken.updateMany({ where: { userId, purpose: "PASSWORD_RESET", usedAt: null }, data: { usedAt: now } });
  await db.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  await reset("loginFailuresPerAccount", user.email);
  await recordAudit(db, { ...meta, userId, email: user.email }, { action: "user.passwordReset", resourceType: "user", resourceId: userId });
  await sendMail(db, { to: user.email, locale: user.locale, template: "passwordChanged", vars: { name: user.name } });
  await publish(db, { type: "identity.passwordChanged", aggregateType: "user", aggregateId: user.id, payload: { userId: user.id, via: "reset" } });
  return { email: user.email };
}

function describeDevice(meta: RequestMeta) {
  const ua = meta.userAgent ? UAParser(meta.userAgent) : undefined;
  const browser = ua?.browser.name ? `${ua.browser.name}${ua.browser.major ? ` ${ua.browser.major}` : ""}` : null;
  const os = ua?.os.name ? `${ua.os.name}${ua.os.version ? ` ${ua.os.version}` : ""}` : null;
  return { browser, os, location: locateIp(meta.ip) };
}

/** An ISO country code for a public IP, "local" for loopback/private ones, null if unknown. */
export function locateIp(ip: string | null): string | null {
  if (!ip) return null;
  const plain = ip.replace(/^::ffff:/, "");
  if (plain === "::1" || /^(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|fc|fd|fe80)/i.test(plain)) return "local";
  return geoip.lookup(plain)?.country ?? null;
}

/** Opens a device session for a user that has just proved who they are. */
export async function createSession(db: DbTx, userId: string, meta: RequestMeta) {
  const device = describeDevice(meta);
  // A sign-in from a browser + OS this account never used before (not its very first one) is
  // announced, so the person hears about it (notifications: security.newSignIn).
  const earlier = await db.session.findFirst({ where: { userId }, select: { id: true } });
  const seen = earlier ? await db.session.findFirst({ where: { userId, browser: device.browser, os: device.os }, select: { id: true } }) : null;
  const session = await db.session.create({
    data: {
      userId,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
      ...device,
      expiresAt: new Date(Date.now() + SESSION_TTL_DAYS * 86_400_000),
    },
  });
  if (earlier && !seen) {
    await publish(db, {
      type: "identity.newSignIn", aggregateType: "user", aggregateId: userId,
      payload: { userId, sessionId: session.id, browser: device.browser, os: device.os, location: device.location, at: session.createdAt.toISOString() },
    });
  }
  return session;
}

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  sessionId: string;
}

async function checkSecondFactor(db: DbTx, user: { id: string; totpSecret: string | null; totpLastStep: number | null }, code: string): Promise<boolean> {
  if (!user.totpSecret) return false;
  if (/^\d{6}$/.test(code)) {
    const step = matchTotp(decrypt(user.totpSecret, authSecret), code);
    if (step === null) return false;
    // Conditional update: a code (its step) is accepted once, even by concurrent sign-ins.
    const claimed = await db.user.updateMany({
      where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return claimed.count === 1;
  }
  const codeHash = sha256(code.toLowerCase().replace(/\s+/g, ""));
  const used = await db.recoveryCode.updateMany({ where: { userId: user.id, codeHash, usedAt: null }, data: { usedAt: new Date() } });
  return used.count === 1;
}

/**
 * Checks email, password and (when enabled) the second factor, then opens a session.
 * Failures are rate limited per IP and per account; the account locks after repeated failures.
 */
export async function signIn(db: DbTx, input: SignInInput, meta: RequestMeta): Promise<AuthenticatedUser> {
  if (meta.ip) await consume("loginPerIp", meta.ip);
  await assertNotBlocked("loginFailuresPerAccount", input.email);
  const user = await db.user.findUnique({ where: { email: input.email } });
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
  const fail = async (key: string) => {
    await consume("loginFailuresPerAccount", input.email);
    if (user) await recordAudit(db, { ...meta, userId: user.id, email: user.email }, { action: "auth.signInFailed", resourceType: "user", resourceId: user.id, metadata: { reason: key } });
    return new AppError("UNAUTHORIZED", key);
  };
  if (!user || !user.passwordHash || !passwordOk) throw await fail("auth.invalidCredentials");
  if (user.disabledAt) throw new AppError("FORBIDDEN", "auth.accountDisabled");
  if (!user.emailVerifiedAt) throw new AppError("FORBIDDEN", "auth.emailNotVerified");
  if (user.totpEnabledAt) {
    if (!input.otp) throw new AppError("UNAUTHORIZED", "auth.totpRequired");
    if (!(await checkSecondFactor(db, user, input.otp))) throw await fail("auth.totpInvalid");
  }
  await reset("loginFailuresPerAccount", input.email);
  const session = await createSession(db, user.id, meta);
  await recordAudit(db, { ...meta, userId: user.id, email: user.email }, { action: "auth.signIn", resourceType: "session", resourceId: session.id, metadata: { method: "password", twoFactor: Boolean(user.totpEnabledAt) } });
  return { id: user.id, email: user.email, name: user.name, sessionId: session.id };
}

/** Signs in (creating the account on first use) through an OAuth provider's verified email. */
export async function signInWithOAuth(
  db: DbTx,
  profile: { provider: string; providerAccountId: string; email: string; name: string; emailVerified: boolean; locale: string },
  meta: RequestMeta,
): Promise<AuthenticatedUser> {
  const email = profile.email.toLowerCase();
  const linked = await db.oAuthAccount.findUnique({
    where: { provider_providerAccountId: { provider: profile.provider, providerAccountId: profile.providerAccountId } },
    include: { user: true },
  });
  let user = linked?.user;
  if (!user) {
    // Linking to an existing account by email is safe only when the provider verified it.
    if (!profile.emailVerified) throw new AppError("FORBIDDEN", "auth.oauthEmailUnverified");
    user =
      (await db.user.findUnique({ where: { email } })) ??
      (await db.user.create({ data: { email, name: profile.name || email, emailVerifiedAt: new Date(), locale: profile.locale } }));
    await db.oAuthAccount.create({ data: { userId: user.id, provider: profile.provider, providerAccountId: profile.providerAccountId } });
    await recordAudit(db, { ...meta, userId: user.id, email }, { action: "auth.oauthLinked", resourceType: "user", resourceId: user.id, metadata: { provider: profile.provider } });
  }
  if (user.disabledAt) throw new AppError("FORBIDDEN", "auth.accountDisabled");
  const session = await createSession(db, user.id, meta);
  await recordAudit(db, { ...meta, userId: user.id, email: user.email }, { action: "auth.signIn", resourceType: "session", resourceId: session.id, metadata: { method: profile.provider } });
  return { id: user.id, email: user.email, name: user.name, sessionId: session.id };
}

/** The live session and its user, or null when revoked, expired or unknown. */
export async function resolveSession(db: DbTx, sessionId: string) {
  const session = await db.session.findUnique({
    where: { id: sessionId },
    include: { user: { select: { id: true, email: true, name: true, locale: true, disabledAt: true, totpEnabledAt: true, emailVerifiedAt: true } } },
  });
  const now = Date.now();
  if (!session || session.revokedAt || session.expiresAt.getTime() <= now || session.user.disabledAt) return null;
  if (now - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { lastSeenAt: new Date(now) } });
  }
  return session;
}

/** Ends one session (the device signs out). */
export async function endSession(db: DbTx, sessionId: string, meta: Partial<RequestMeta> = {}) {
  const session = await db.session.findUnique({ where: { id: sessionId }, include: { user: { select: { email: true } } } });
  if (!session || session.revokedAt) return;
  await db.session.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
  await recordAudit(db, { ...meta, userId: session.userId, email: session.user.email }, { action: "auth.signOut", resourceType: "session", resourceId: sessionId });
}

/** The actor's active devices, the current one first. */
export async function listSessions(db: DbTx, actor: Actor) {
  const sessions = await db.session.findMany({
    where: { userId: actor.userId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, browser: true, os: true, ip: true, location: true, createdAt: true, lastSeenAt: true },
  });
  return sessions
    .map((s) => ({ ...s, current: s.id === actor.sessionId }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/** Signs out one of the actor's own devices. */
export async function revokeSession(db: DbTx, actor: Actor, sessionId: string) {
  const revoked = await db.session.updateMany({
    where: { id: sessionId, userId: actor.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (revoked.count === 0) throw notFound("sessionNotFound");
  await recordAudit(db, actor, { action: "auth.sessionRevoked", resourceType: "session", resourceId: sessionId });
}

/** Signs out every device of the actor, this one included. */
export async function revokeAllSessions(db: DbTx, actor: Actor) {
  const now = new Date();
  const revoked = await db.session.updateMany({ where: { userId: actor.userId, revokedAt: null, expiresAt: { gt: now } }, data: { revokedAt: now } });
  await recordAudit(db, actor, { action: "auth.signOutEverywhere", resourceType: "user", resourceId: actor.userId, metadata: { sessions: revoked.count } });
  return { count: revoked.count };
}

/** The actor's profile and security state for the account pages. */
export async function getAccount(db: DbTx, actor: Actor) {
  const user = await db.user.findUnique({
    where: { id: actor.userId },
    select: { id: true, email: true, name: true, locale: true, emailVerifiedAt: true, totpEnabledAt: true, createdAt: true, passwordHash: true,
      _count: { select: { recoveryCodes: { where: { usedAt: null } } } } },
  });
  if (!user) throw unauthorized();
  const { passwordHash, _count, ...rest } = user;
  return { ...rest, hasPassword: Boolean(passwordHash), recoveryCodesLeft: _count.recoveryCodes };
}

export async function updateProfile(db: DbTx, actor: Actor, input: UpdateProfileInput) {
  await db.user.update({ where: { id: actor.userId }, data: { name: input.name, locale: input.locale } });
  await recordAudit(db, actor, { action: "user.updateProfile", resourceType: "user", resourceId: actor.userId });
}

/** Changes the password after checking the current one; other devices are signed out. */
export async function changePassword(db: DbTx, actor: Actor, input: ChangePasswordInput) {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  if (!user.passwordHash || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw badRequest("auth.currentPasswordWrong");
  }
  await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(input.newPassword) } });
  await db.session.updateMany({ where: { userId: user.id, revokedAt: null, id: { not: actor.sessionId } }, data: { revokedAt: new Date() } });
  await recordAudit(db, actor, { action: "user.passwordChanged", resourceType: "user", resourceId: user.id });
  await sendMail(db, { to: user.email, locale: user.locale, template: "passwordChanged", vars: { name: user.name } });
  await publish(db, { type: "identity.passwordChanged", aggregateType: "user", aggregateId: user.id, payload: { userId: user.id, via: "change" } });
}

/** Starts TOTP set-up: a new secret (stored encrypted, not yet active) and its QR code. */
export async function beginTotpSetup(db: DbTx, actor: Actor) {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  if (user.totpEnabledAt) throw conflict("auth.totpAlreadyEnabled");
  const secret = generateTotpSecret();
  await db.user.update({ where: { id: user.id }, data: { totpSecret: encrypt(secret, authSecret), totpLastStep: null } });
  const uri = totpUri(secret, user.email);
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { secret, uri, qrSvg };
}

function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const raw = crypto.randomBytes(6).toString("hex").slice(0, 10);
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
}

async function replaceRecoveryCodes(db: DbTx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await db.recoveryCode.deleteMany({ where: { userId } });
  await db.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: sha256(code) })) });
  return codes;
}

/** Activates TOTP once the user proves their app shows the right code; returns recovery codes (shown once). */
export async function confirmTotpSetup(db: DbTx, actor: Actor, code: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  if (user.totpEnabledAt) throw conflict("auth.totpAlreadyEnabled");
  if (!user.totpSecret) throw badRequest("auth.totpNotStarted");
  const step = matchTotp(decrypt(user.totpSecret, authSecret), code);
  if (step === null) throw badRequest("auth.totpInvalid");
  await db.user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date(), totpLastStep: step } });
  const recoveryCodes = await replaceRecoveryCodes(db, user.id);
  await recordAudit(db, actor, { action: "user.twoFactorEnabled", resourceType: "user", resourceId: user.id });
  await sendMail(db, { to: user.email, locale: user.locale, template: "twoFactorChanged", vars: { name: user.name, enabled: true } });
  await publish(db, { type: "identity.twoFactorChanged", aggregateType: "user", aggregateId: user.id, payload: { userId: user.id, enabled: true } });
  return { recoveryCodes };
}

/** Turns TOTP off; needs the password and a current code or a recovery code. */
export async function disableTotp(db: DbTx, actor: Actor, input: { password: string; code: string }) {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  if (!user.totpEnabledAt) throw badRequest("auth.totpNotEnabled");
  if (!user.passwordHash || !(await verifyPassword(input.password, user.passwordHash))) throw badRequest("auth.currentPasswordWrong");
  if (!(await checkSecondFactor(db, user, input.code))) throw badRequest("auth.totpInvalid");
  await db.user.update({ where: { id: user.id }, data: { totpEnabledAt: null, totpSecret: null, totpLastStep: null } });
  await db.recoveryCode.deleteMany({ where: { userId: user.id } });
  await recordAudit(db, actor, { action: "user.twoFactorDisabled", resourceType: "user", resourceId: user.id });
  await sendMail(db, { to: user.email, locale: user.locale, template: "twoFactorChanged", vars: { name: user.name, enabled: false } });
  await publish(db, { type: "identity.twoFactorChanged", aggregateType: "user", aggregateId: user.id, payload: { userId: user.id, enabled: false } });
}

/** Replaces all recovery codes (the old ones stop working). */
export async function regenerateRecoveryCodes(db: DbTx, actor: Actor, code: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  if (!user.totpEnabledAt) throw badRequest("auth.totpNotEnabled");
  if (!(await checkSecondFactor(db, user, code))) throw badRequest("auth.totpInvalid");
  const recoveryCodes = await replaceRecoveryCodes(db, user.id);
  await recordAudit(db, actor, { action: "user.recoveryCodesRegenerated", resourceType: "user", resourceId: user.id });
  return { recoveryCodes };
}
