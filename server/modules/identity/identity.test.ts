import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { AppError, type AppErrorCode } from "@/server/lib/errors";
import { decrypt } from "@/server/lib/crypto";
import { authSecret } from "@/server/env";
import { renderMail } from "@/server/modules/mail";
import fr from "@/messages/fr.json";
import {
  actorFor, CHROME_UA, createSessionRow, createUser, DEFAULT_PASSWORD, latestMail, latestMailToken, meta, uniqueEmail,
} from "@/test/factories";
import {
  beginTotpSetup, changePassword, confirmTotpSetup, disableTotp, endSession, getAccount, listSessions, locateIp,
  regenerateRecoveryCodes, registerUser, requestPasswordReset, resetPassword, resolveSession, revokeAllSessions,
  revokeSession, signIn, signInWithOAuth, SESSION_TTL_DAYS, updateProfile, verifyEmail,
} from "./identity.service";
import {
  ChangePasswordInput, EmailOnlyInput, RegisterInput, ResetPasswordInput, SignInInput, TokenInput,
} from "./identity.schema";
import { currentStep, totpAt } from "./totp";

/** Awaits a rejection and checks it is an AppError with this code and message key. */
async function expectAppError(promise: Promise<unknown>, code: AppErrorCode, messageKey: string): Promise<AppError> {
  let error: unknown;
  try {
    await promise;
  } catch (caught) {
    error = caught;
  }
  expect(error, `expected AppError ${code} ${messageKey}`).toBeInstanceOf(AppError);
  expect({ code: (error as AppError).code, messageKey: (error as AppError).messageKey }).toEqual({ code, messageKey });
  return error as AppError;
}

const NEW_PASSWORD = "brand-new-pass-77";

const register = (email: string, options: { locale?: string; name?: string } = {}) =>
  db.$transaction((tx) =>
    registerUser(tx, RegisterInput.parse({ email, name: options.name ?? "Zoé Martin", password: DEFAULT_PASSWORD, locale: options.locale ?? "en" }), meta()),
  );

const login = (email: string, password = DEFAULT_PASSWORD, otp?: string, requestMeta = meta()) =>
  signIn(db, SignInInput.parse({ email, password, ...(otp ? { otp } : {}) }), requestMeta);

async function counts() {
  const [users, mails, audits, tokens, sessions] = await Promise.all([
    db.user.count(), db.mailMessage.count(), db.auditLog.count(), db.authToken.count(), db.session.count(),
  ]);
  return { users, mails, audits, tokens, sessions };
}

/** A 6-digit code that matches none of the steps around now. */
function wrongCode(secret: string): string {
  const near = new Set([-1, 0, 1, 2].map((d) => totpAt(secret, currentStep() + d)));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, "0");
    if (!near.has(code)) return code;
  }
}

describe("registration and email verification", () => {
  it("creates the account and mails a verification link in the user's locale", async () => {
    const email = uniqueEmail("zoe");
    const { userId } = await register(email.toUpperCase(), { locale: "fr" });

    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user).toMatchObject({ email, name: "Zoé Martin", locale: "fr", emailVerifiedAt: null, totpEnabledAt: null });
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    expect(user.passwordHash).not.toContain(DEFAULT_PASSWORD);

    const mail = await latestMail(db, email);
    expect(mail).toMatchObject({ to: email, template: "verifyEmail", locale: "fr" });
    const expected = await renderMail("verifyEmail", "fr", { name: "Zoé Martin", url: "http://x/", hours: 48 });
    expect(mail.subject).toBe(expected.subject);
    const frSubject = (fr as { mail?: { verifyEmail?: { subject?: string } } }).mail?.verifyEmail?.subject;
    if (frSubject) expect(mail.subject).toBe(frSubject); // once messages/fr.json translates mails
    expect(mail.html).toContain('lang="fr"');
    expect(mail.text).toMatch(/http:\/\/localhost:3000\/fr\/verify-email\?token=[A-Za-z0-9_-]{43}/);

    const token = await latestMailToken(db, email);
    const stored = await db.authToken.findFirstOrThrow({ where: { userId } });
    expect(stored.purpose).toBe("EMAIL_VERIFICATION");
    expect(stored.tokenHash).not.toBe(token); // only the hash is stored
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(47 * 3_600_000);
    expect(await db.auditLog.count({ where: { action: "user.register", resourceId: userId } })).toBe(1);
  });

  it("refuses an email that is taken (any case) and writes nothing", async () => {
    const email = uniqueEmail("dup");
    await register(email);
    const before = await counts();
    await expectAppError(register(email), "CONFLICT", "auth.emailTaken");
    await expectAppError(register(email.toUpperCase()), "CONFLICT", "auth.emailTaken");
    expect(await counts()).toEqual(before);
  });

  it("refuses sign-in before verification, then verifies once; a replayed link is refused", async () => {
    const email = uniqueEmail("verify");
    const { userId } = await register(email);
    await expectAppError(login(email), "FORBIDDEN", "auth.emailNotVerified");
    expect(await db.session.count({ where: { userId } })).toBe(0);

    const token = await latestMailToken(db, email);
    expect(TokenInput.safeParse({ token }).success).toBe(true);
    expect(await db.$transaction((tx) => verifyEmail(tx, token, meta()))).toEqual({ email });
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).emailVerifiedAt).toBeInstanceOf(Date);
    expect(await db.auditLog.count({ where: { action: "user.verifyEmail", actorId: userId } })).toBe(1);

    await expectAppError(db.$transaction((tx) => verifyEmail(tx, token, meta())), "BAD_REQUEST", "auth.tokenUsed");
    await expect(login(email)).resolves.toMatchObject({ email });
  });

  it("refuses an expired link and an unknown one", async () => {
    const email = uniqueEmail("expired");
    const { userId } = await register(email);
    const token = await latestMailToken(db, email);
    await db.authToken.updateMany({ where: { userId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expectAppError(db.$transaction((tx) => verifyEmail(tx, token, meta())), "BAD_REQUEST", "auth.tokenExpired");
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).emailVerifiedAt).toBeNull();
    await expectAppError(db.$transaction((tx) => verifyEmail(tx, "x".repeat(43), meta())), "BAD_REQUEST", "auth.tokenInvalid");
  });

  it("does not accept a password-reset token as a verification token", async () => {
    const user = await createUser(db, { verified: false });
    await requestPasswordReset(db, EmailOnlyInput.parse({ email: user.email, locale: "en" }), meta());
    const token = await latestMailToken(db, user.email);
    await expectAppError(db.$transaction((tx) => verifyEmail(tx, token, meta())), "BAD_REQUEST", "auth.tokenInvalid");
  });
});

describe("sign-in", () => {
  it("opens a Session with the device parsed from the user agent and a local location", async () => {
    const user = await createUser(db);
    const signedIn = await login(user.email, DEFAULT_PASSWORD, undefined, meta({ ip: "127.0.0.1", userAgent: CHROME_UA }));
    expect(signedIn).toMatchObject({ id: user.id, email: user.email, name: user.name });

    const session = await db.session.findUniqueOrThrow({ where: { id: signedIn.sessionId } });
    expect(session).toMatchObject({ userId: user.id, ip: "127.0.0.1", userAgent: CHROME_UA, browser: "Chrome 126", os: "Windows 10", location: "local", revokedAt: null });
    const ttl = session.expiresAt.getTime() - Date.now();
    expect(ttl).toBeGreaterThan((SESSION_TTL_DAYS - 1) * 86_400_000);
    expect(ttl).toBeLessThanOrEqual(SESSION_TTL_DAYS * 86_400_000);
    expect(await db.auditLog.findFirst({ where: { action: "auth.signIn", resourceId: session.id } })).toMatchObject({ actorId: user.id, ip: "127.0.0.1" });
  });

  it("accepts the email in any case and surrounding spaces", async () => {
    const user = await createUser(db);
    await expect(login(`  ${user.email.toUpperCase()} `)).resolves.toMatchObject({ id: user.id });
  });

  it("refuses a wrong password and an unknown email with the same error", async () => {
    const user = await createUser(db);
    await expectAppError(login(user.email, "wrong-password-1"), "UNAUTHORIZED", "auth.invalidCredentials");
    await expectAppError(login(uniqueEmail("ghost"), DEFAULT_PASSWORD), "UNAUTHORIZED", "auth.invalidCredentials");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.auditLog.findFirst({ where: { action: "auth.signInFailed", actorId: user.id } })).toMatchObject({ metadata: { reason: "auth.invalidCredentials" } });
  });

  it("refuses a disabled account", async () => {
    const user = await createUser(db);
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    await expectAppError(login(user.email), "FORBIDDEN", "auth.accountDisabled");
  });

  it("locks the account after 5 failures: even the right password is then refused", async () => {
    const user = await createUser(db);
    for (let i = 0; i < 5; i++) {
      await expectAppError(login(user.email, `wrong-password-${i}`), "UNAUTHORIZED", "auth.invalidCredentials");
    }
    const locked = await expectAppError(login(user.email), "TOO_MANY_REQUESTS", "rateLimited");
    expect(locked.params.minutes).toBe(15);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "auth.signInFailed", actorId: user.id } })).toBe(5);
  });

  it("forgets earlier failures after a successful sign-in", async () => {
    const user = await createUser(db);
    for (let i = 0; i < 4; i++) await expectAppError(login(user.email, "nope-nope-1"), "UNAUTHORIZED", "auth.invalidCredentials");
    await login(user.email);
    for (let i = 0; i < 4; i++) await expectAppError(login(user.email, "nope-nope-1"), "UNAUTHORIZED", "auth.invalidCredentials");
    await expect(login(user.email)).resolves.toMatchObject({ id: user.id });
  });

  it("locates IPs: loopback and private are local, public ones get a country", () => {
    expect(locateIp(null)).toBeNull();
    for (const ip of ["127.0.0.1", "::1", "::ffff:127.0.0.1", "10.1.2.3", "192.168.0.9", "172.16.0.1", "172.31.255.1", "fd12::1"]) {
      expect(locateIp(ip), ip).toBe("local");
    }
    expect(locateIp("172.32.0.1")).not.toBe("local");
    expect(locateIp("8.8.8.8")).toBe("US");
  });
});

describe("password reset", () => {
  it("answers silently for an unknown email and sends nothing", async () => {
    const email = uniqueEmail("nobody");
    const before = await counts();
    await expect(requestPasswordReset(db, EmailOnlyInput.parse({ email, locale: "en" }), meta())).resolves.toBeUndefined();
    expect(await counts()).toEqual(before);
    expect(await db.mailMessage.count({ where: { to: email } })).toBe(0);
  });

  it("sets the new password, signs out every session, and the link works once", async () => {
    const user = await createUser(db);
    const a = await login(user.email);
    const b = await login(user.email);
    await requestPasswordReset(db, EmailOnlyInput.parse({ email: user.email, locale: "en" }), meta());
    const mail = await latestMail(db, user.email);
    expect(mail.template).toBe("passwordReset");
    const token = await latestMailToken(db, user.email);

    const input = ResetPasswordInput.parse({ token, password: NEW_PASSWORD });
    await expect(db.$transaction((tx) => resetPassword(tx, input, meta()))).resolves.toEqual({ email: user.email });

    const sessions = await db.session.findMany({ where: { userId: user.id } });
    expect(sessions.map((s) => s.id).sort()).toEqual([a.sessionId, b.sessionId].sort());
    for (const s of sessions) expect(s.revokedAt).toBeInstanceOf(Date);
    expect(await resolveSession(db, a.sessionId)).toBeNull();
    expect((await latestMail(db, user.email)).template).toBe("passwordChanged");

    await expectAppError(db.$transaction((tx) => resetPassword(tx, ResetPasswordInput.parse({ token, password: "another-pass-88" }), meta())), "BAD_REQUEST", "auth.tokenUsed");
    await expectAppError(login(user.email, DEFAULT_PASSWORD), "UNAUTHORIZED", "auth.invalidCredentials");
    await expect(login(user.email, NEW_PASSWORD)).resolves.toMatchObject({ id: user.id });
  });

  it("of two concurrent uses of the same link exactly one succeeds", async () => {
    const user = await createUser(db);
    await requestPasswordReset(db, EmailOnlyInput.parse({ email: user.email, locale: "en" }), meta());
    const token = await latestMailToken(db, user.email);
    const results = await Promise.allSettled(
      ["concurrent-one-1", "concurrent-two-2"].map((password) =>
        db.$transaction((tx) => resetPassword(tx, ResetPasswordInput.parse({ token, password }), meta())),
      ),
    );
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toMatchObject({ code: "BAD_REQUEST", messageKey: "auth.tokenUsed" });
    expect(await db.auditLog.count({ where: { action: "user.passwordReset", actorId: user.id } })).toBe(1);
  });

  it("an earlier unused reset link dies when another one is used", async () => {
    const user = await createUser(db);
    const request = () => requestPasswordReset(db, EmailOnlyInput.parse({ email: user.email, locale: "en" }), meta());
    await request();
    const first = await latestMailToken(db, user.email);
    await new Promise((resolve) => setTimeout(resolve, 5)); // distinct createdAt for "latest"
    await request();
    const second = await latestMailToken(db, user.email);
    expect(second).not.toBe(first);
    await db.$transaction((tx) => resetPassword(tx, ResetPasswordInput.parse({ token: second, password: NEW_PASSWORD }), meta()));
    await expectAppError(db.$transaction((tx) => resetPassword(tx, ResetPasswordInput.parse({ token: first, password: "yet-another-9" }), meta())), "BAD_REQUEST", "auth.tokenUsed");
  });

  it("verifies the address of an unverified account (the link proved the mailbox)", async () => {
    const user = await createUser(db, { verified: false });
    await requestPasswordReset(db, EmailOnlyInput.parse({ email: user.email, locale: "en" }), meta());
    const token = await latestMailToken(db, user.email);
    await db.$transaction((tx) => resetPassword(tx, ResetPasswordInput.parse({ token, password: NEW_PASSWORD }), meta()));
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).toBeInstanceOf(Date);
  });

  it("limits reset requests per account", async () => {
    const user = await createUser(db);
    const request = () => requestPasswordReset(db, EmailOnlyInput.parse({ email: user.email, locale: "en" }), meta());
    for (let i = 0; i < 3; i++) await request();
    await expectAppError(request(), "TOO_MANY_REQUESTS", "rateLimited");
    expect(await db.mailMessage.count({ where: { to: user.email, template: "passwordReset" } })).toBe(3);
  });
});

describe("two-factor authentication (TOTP)", () => {
  it("sets up, demands the second factor, refuses wrong and replayed codes, and accepts recovery codes once", async () => {
    const user = await createUser(db);
    const first = await login(user.email);
    const actor = actorFor(user, first.sessionId);

    const setup = await beginTotpSetup(db, actor);
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.uri).toContain(`secret=${setup.secret}`);
    expect(setup.qrSvg).toContain("<svg");
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpSecret).not.toBe(setup.secret);
    expect(decrypt(stored.totpSecret!, authSecret)).toBe(setup.secret);
    expect(stored.totpEnabledAt).toBeNull(); // not active until confirmed
    await expect(login(user.email)).resolves.toBeTruthy();

    await expectAppError(db.$transaction((tx) => confirmTotpSetup(tx, actor, wrongCode(setup.secret))), "BAD_REQUEST", "auth.totpInvalid");
    const step = currentStep();
    const { recoveryCodes } = await db.$transaction((tx) => confirmTotpSetup(tx, actor, totpAt(setup.secret, step)));
    expect(recoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[0-9a-f]{5}-[0-9a-f]{5}$/);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect((await latestMail(db, user.email)).template).toBe("twoFactorChanged");
    await expectAppError(beginTotpSetup(db, actor), "CONFLICT", "auth.totpAlreadyEnabled");
    expect(await getAccount(db, actor)).toMatchObject({ recoveryCodesLeft: 10, hasPassword: true });

    await expectAppError(login(user.email), "UNAUTHORIZED", "auth.totpRequired");
    await expectAppError(login(user.email, DEFAULT_PASSWORD, wrongCode(setup.secret)), "UNAUTHORIZED", "auth.totpInvalid");
    // The confirmation used `step`; the next step's code is within the drift window.
    const next = totpAt(setup.secret, step + 1);
    await expect(login(user.email, DEFAULT_PASSWORD, next)).resolves.toMatchObject({ id: user.id });
    await expectAppError(login(user.email, DEFAULT_PASSWORD, next), "UNAUTHORIZED", "auth.totpInvalid");
    // An older code than the last one used is refused too.
    await expectAppError(login(user.email, DEFAULT_PASSWORD, totpAt(setup.secret, step)), "UNAUTHORIZED", "auth.totpInvalid");

    await expect(login(user.email, DEFAULT_PASSWORD, recoveryCodes[0])).resolves.toMatchObject({ id: user.id });
    await expectAppError(login(user.email, DEFAULT_PASSWORD, recoveryCodes[0]), "UNAUTHORIZED", "auth.totpInvalid");
    // Recovery codes are forgiving about case and spaces.
    await expect(login(user.email, DEFAULT_PASSWORD, ` ${recoveryCodes[1]!.toUpperCase()} `)).resolves.toBeTruthy();
    expect(await getAccount(db, actor)).toMatchObject({ recoveryCodesLeft: 8 });
    // The right code with a wrong password is still a wrong password.
    await expectAppError(login(user.email, "not-the-password-1", recoveryCodes[2]), "UNAUTHORIZED", "auth.invalidCredentials");
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(8);

    await expectAppError(
      db.$transaction((tx) => disableTotp(tx, actor, { password: "not-the-password-1", code: recoveryCodes[2]! })),
      "BAD_REQUEST", "auth.currentPasswordWrong",
    );
    await expectAppError(
      db.$transaction((tx) => disableTotp(tx, actor, { password: DEFAULT_PASSWORD, code: recoveryCodes[0]! })),
      "BAD_REQUEST", "auth.totpInvalid",
    );
    await db.$transaction((tx) => disableTotp(tx, actor, { password: DEFAULT_PASSWORD, code: recoveryCodes[2]! }));
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ totpEnabledAt: null, totpSecret: null, totpLastStep: null });
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    await expect(login(user.email)).resolves.toMatchObject({ id: user.id });
    await expectAppError(db.$transaction((tx) => disableTotp(tx, actor, { password: DEFAULT_PASSWORD, code: "123456" })), "BAD_REQUEST", "auth.totpNotEnabled");
    const actions = (await db.auditLog.findMany({ where: { actorId: user.id, action: { startsWith: "user.twoFactor" } }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["user.twoFactorEnabled", "user.twoFactorDisabled"]);
  });

  it("refuses to confirm before set-up began", async () => {
    const user = await createUser(db);
    const actor = actorFor(user, (await login(user.email)).sessionId);
    await expectAppError(db.$transaction((tx) => confirmTotpSetup(tx, actor, "123456")), "BAD_REQUEST", "auth.totpNotStarted");
  });

  it("accepts a code only once even when two sign-ins race with it", async () => {
    const user = await createUser(db, { totp: true });
    const code = totpAt(user.totpSecret!, currentStep());
    const results = await Promise.allSettled([login(user.email, DEFAULT_PASSWORD, code), login(user.email, DEFAULT_PASSWORD, code)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { messageKey: "auth.totpInvalid" } });
  });

  it("regenerating recovery codes invalidates the old ones", async () => {
    const user = await createUser(db, { totp: true });
    const actor = actorFor(user, (await login(user.email, DEFAULT_PASSWORD, user.recoveryCodes![0])).sessionId);
    const { recoveryCodes } = await db.$transaction((tx) => regenerateRecoveryCodes(tx, actor, totpAt(user.totpSecret!, currentStep())));
    expect(recoveryCodes).toHaveLength(10);
    await expectAppError(login(user.email, DEFAULT_PASSWORD, user.recoveryCodes![1]), "UNAUTHORIZED", "auth.totpInvalid");
    await expect(login(user.email, DEFAULT_PASSWORD, recoveryCodes[0])).resolves.toBeTruthy();
  });
});

describe("sessions (devices)", () => {
  it("lists live sessions with the current one first, revokes one, and not another user's", async () => {
    const user = await createUser(db);
    const other = await createUser(db);
    const a = await login(user.email);
    const b = await login(user.email, DEFAULT_PASSWORD, undefined, meta({ userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15" }));
    const expired = await createSessionRow(db, user.id, { expiresAt: new Date(Date.now() - 1000) });
    const revoked = await createSessionRow(db, user.id, { revokedAt: new Date() });
    const theirs = await login(other.email);
    const actor = actorFor(user, a.sessionId);

    const list = await listSessions(db, actor);
    expect(list.map((s) => s.id)).toEqual([a.sessionId, b.sessionId]);
    expect(list.map((s) => s.current)).toEqual([true, false]);
    expect(list[1]).toMatchObject({ browser: "Safari 17", os: "macOS 10.15.7" });
    expect(list[0]).not.toHaveProperty("userAgent");

    await expectAppError(revokeSession(db, actor, theirs.sessionId), "NOT_FOUND", "sessionNotFound");
    expect((await db.session.findUniqueOrThrow({ where: { id: theirs.sessionId } })).revokedAt).toBeNull();
    expect(await resolveSession(db, theirs.sessionId)).not.toBeNull();
    await expectAppError(revokeSession(db, actor, revoked.id), "NOT_FOUND", "sessionNotFound");

    await revokeSession(db, actor, b.sessionId);
    expect(await resolveSession(db, b.sessionId)).toBeNull();
    expect((await listSessions(db, actor)).map((s) => s.id)).toEqual([a.sessionId]);
    expect(await resolveSession(db, expired.id)).toBeNull();
    expect(await resolveSession(db, revoked.id)).toBeNull();
    expect(await resolveSession(db, "no-such-session")).toBeNull();

    const c = await login(user.email);
    // Counts the live devices signed out (not the already expired one).
    expect(await revokeAllSessions(db, actor)).toEqual({ count: 2 });
    for (const id of [a.sessionId, c.sessionId]) expect(await resolveSession(db, id)).toBeNull();
    expect(await listSessions(db, actor)).toEqual([]);
    expect(await resolveSession(db, theirs.sessionId)).not.toBeNull();
    expect(await db.auditLog.findFirst({ where: { action: "auth.signOutEverywhere", actorId: user.id } })).toMatchObject({ metadata: { sessions: 2 } });
  });

  it("resolveSession returns the user, refreshes lastSeenAt lazily, and refuses disabled users", async () => {
    const user = await createUser(db);
    const { sessionId } = await login(user.email);
    const resolved = await resolveSession(db, sessionId);
    expect(resolved).toMatchObject({ id: sessionId, user: { id: user.id, email: user.email } });

    const old = new Date(Date.now() - 5 * 60_000);
    await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: old } });
    await resolveSession(db, sessionId);
    const seen = (await db.session.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt;
    expect(seen.getTime()).toBeGreaterThan(old.getTime() + 60_000);

    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await resolveSession(db, sessionId)).toBeNull();
  });

  it("endSession signs one device out and is idempotent", async () => {
    const user = await createUser(db);
    const { sessionId } = await login(user.email);
    await endSession(db, sessionId, meta());
    await endSession(db, sessionId, meta());
    await endSession(db, "unknown-session");
    expect(await resolveSession(db, sessionId)).toBeNull();
    expect(await db.auditLog.count({ where: { action: "auth.signOut", resourceId: sessionId } })).toBe(1);
  });
});

describe("account", () => {
  it("changePassword checks the current password and signs out the other devices only", async () => {
    const user = await createUser(db);
    const current = await login(user.email);
    const other = await login(user.email);
    const actor = actorFor(user, current.sessionId);

    await expectAppError(
      db.$transaction((tx) => changePassword(tx, actor, ChangePasswordInput.parse({ currentPassword: "wrong-current-1", newPassword: NEW_PASSWORD }))),
      "BAD_REQUEST", "auth.currentPasswordWrong",
    );
    expect(await resolveSession(db, other.sessionId)).not.toBeNull();

    await db.$transaction((tx) => changePassword(tx, actor, ChangePasswordInput.parse({ currentPassword: DEFAULT_PASSWORD, newPassword: NEW_PASSWORD })));
    expect(await resolveSession(db, current.sessionId)).not.toBeNull();
    expect(await resolveSession(db, other.sessionId)).toBeNull();
    expect((await latestMail(db, user.email)).template).toBe("passwordChanged");
    await expectAppError(login(user.email), "UNAUTHORIZED", "auth.invalidCredentials");
    await expect(login(user.email, NEW_PASSWORD)).resolves.toMatchObject({ id: user.id });
  });

  it("updateProfile changes the name and locale, and getAccount hides the hash", async () => {
    const user = await createUser(db);
    const actor = actorFor(user, (await login(user.email)).sessionId);
    await updateProfile(db, actor, { name: "New Name", locale: "ar" });
    const account = await getAccount(db, actor);
    expect(account).toMatchObject({ id: user.id, name: "New Name", locale: "ar", hasPassword: true, totpEnabledAt: null });
    expect(account).not.toHaveProperty("passwordHash");
    expect(JSON.stringify(account)).not.toContain("scrypt$");
  });
});

describe("OAuth sign-in", () => {
  const profile = (email: string, overrides: Partial<Parameters<typeof signInWithOAuth>[1]> = {}) => ({
    provider: "github", providerAccountId: `gh-${email}`, email, name: "Octo Cat", emailVerified: true, locale: "en", ...overrides,
  });

  it("refuses an unverified provider email without creating anything", async () => {
    const email = uniqueEmail("oauth");
    await expectAppError(signInWithOAuth(db, profile(email, { emailVerified: false }), meta()), "FORBIDDEN", "auth.oauthEmailUnverified");
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("creates a verified account on first use and reuses the link afterwards", async () => {
    const email = uniqueEmail("oauth");
    const first = await signInWithOAuth(db, profile(email.toUpperCase(), { providerAccountId: "gh-first" }), meta());
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(first.id).toBe(user.id);
    expect(user.emailVerifiedAt).toBeInstanceOf(Date);
    expect(user.passwordHash).toBeNull();
    // Once linked, the provider account is trusted even if it no longer says "verified".
    const again = await signInWithOAuth(db, profile(email, { providerAccountId: "gh-first", emailVerified: false }), meta());
    expect(again.id).toBe(user.id);
    expect(again.sessionId).not.toBe(first.sessionId);
    expect(await db.oAuthAccount.count({ where: { userId: user.id } })).toBe(1);
  });

  it("links to an existing password account with the same verified email", async () => {
    const existing = await createUser(db);
    const signedIn = await signInWithOAuth(db, profile(existing.email, { provider: "google", providerAccountId: "g-1" }), meta());
    expect(signedIn.id).toBe(existing.id);
    await expect(login(existing.email)).resolves.toMatchObject({ id: existing.id });
  });
});

describe("input schemas", () => {
  const good = { email: "ana@example.test", name: "Ana", password: DEFAULT_PASSWORD, locale: "en" };
  const messagesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    result.success ? [] : result.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);

  it("accepts and normalises a good registration", () => {
    expect(RegisterInput.parse({ ...good, email: "  Ana@Example.TEST " }).email).toBe("ana@example.test");
  });

  it("rejects a bad email, a short password and a 10k-character name with the message keys", () => {
    expect(messagesOf(RegisterInput.safeParse({ ...good, email: "not-an-email" }))).toEqual(["email: validation.email"]);
    expect(messagesOf(RegisterInput.safeParse({ ...good, password: "short" }))).toContain("password: validation.passwordTooShort");
    expect(messagesOf(RegisterInput.safeParse({ ...good, name: "n".repeat(10_000) }))).toEqual(["name: validation.tooLong"]);
  });

  it("rejects weak, common, oversized passwords and other bad fields", () => {
    expect(messagesOf(RegisterInput.safeParse({ ...good, password: "onlyletterspassword" }))).toEqual(["password: validation.passwordWeak"]);
    expect(messagesOf(RegisterInput.safeParse({ ...good, password: "1234567890123" }))).toEqual(["password: validation.passwordWeak"]);
    expect(messagesOf(RegisterInput.safeParse({ ...good, password: "Password123" }))).toEqual(["password: validation.passwordCommon"]);
    expect(messagesOf(RegisterInput.safeParse({ ...good, password: `a1${"x".repeat(200)}` }))).toEqual(["password: validation.tooLong"]);
    expect(messagesOf(RegisterInput.safeParse({ ...good, name: "   " }))).toEqual(["name: validation.required"]);
    expect(messagesOf(RegisterInput.safeParse({ ...good, email: `${"a".repeat(250)}@example.test` }))).toContain("email: validation.tooLong");
    expect(RegisterInput.safeParse({ ...good, locale: "de" }).success).toBe(false);
    expect(RegisterInput.safeParse({ ...good, email: 42 }).success).toBe(false);
  });

  it("bounds sign-in, token and password-change inputs", () => {
    expect(messagesOf(SignInInput.safeParse({ email: good.email, password: "" }))).toEqual(["password: validation.required"]);
    expect(messagesOf(SignInInput.safeParse({ email: good.email, password: "x".repeat(129) }))).toEqual(["password: validation.tooLong"]);
    expect(messagesOf(SignInInput.safeParse({ email: good.email, password: "x", otp: "123" }))).toEqual(["otp: validation.totpFormat"]);
    expect(messagesOf(SignInInput.safeParse({ email: good.email, password: "x", otp: "1".repeat(21) }))).toEqual(["otp: validation.totpFormat"]);
    expect(messagesOf(TokenInput.safeParse({ token: "short" }))).toEqual(["token: auth.tokenInvalid"]);
    expect(messagesOf(TokenInput.safeParse({ token: "t".repeat(201) }))).toEqual(["token: auth.tokenInvalid"]);
    expect(messagesOf(ChangePasswordInput.safeParse({ currentPassword: "x", newPassword: "short" }))).toContain("newPassword: validation.passwordTooShort");
  });
});
