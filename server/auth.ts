// next-auth options and the session helpers every page, route and procedure uses.
// Credentials sign-in only allows JWT sessions, so each token carries a Session row id and
// is honoured only while that row is live: revoking the row signs the device out.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";
import { db } from "./db";
import { authSecret, env } from "./env";
import type { Actor, RequestMeta } from "./lib/actor";
import { AppError } from "./lib/errors";
import { logger } from "./lib/logger";
import { endSession, resolveSession, signIn, signInWithOAuth, SignInInput, SESSION_TTL_DAYS } from "./modules/identity";

const secureCookies = env.APP_URL.startsWith("https://");
export const SESSION_COOKIE = `${secureCookies ? "__Secure-" : ""}next-auth.session-token`;

interface SessionUser {
  id: string;
  email: string;
  name: string;
  sessionId: string;
}

/** Which OAuth providers are switched on (their keys are configured). */
export function oauthProviders(): ("google" | "github")[] {
  return [...(env.GOOGLE_CLIENT_ID ? (["google"] as const) : []), ...(env.GITHUB_CLIENT_ID ? (["github"] as const) : [])];
}

/** Options for one auth request; `meta` (IP, user agent, locale) is recorded on the session. */
export function buildAuthOptions(meta: RequestMeta): NextAuthOptions {
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email",
      credentials: { email: { type: "email" }, password: { type: "password" }, otp: { type: "text" } },
      async authorize(credentials) {
        const parsed = SignInInput.safeParse({
          email: credentials?.email,
          password: credentials?.password,
          otp: credentials?.otp || undefined,
        });
        if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "validation.invalid");
        try {
          return await signIn(db, parsed.data, meta);
        } catch (error) {
          // next-auth forwards the message to the client, which translates the key.
          if (error instanceof AppError) throw new Error(error.messageKey, { cause: error });
          logger.error("sign-in failed", { error, requestId: meta.requestId });
          throw new Error("internal", { cause: error });
        }
      },
    }),
  ];
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) {
    providers.push(GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET }));
  }
  if (env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET) {
    providers.push(GitHubProvider({ clientId: env.GITHUB_CLIENT_ID, clientSecret: env.GITHUB_CLIENT_SECRET }));
  }

  return {
    secret: authSecret,
    session: { strategy: "jwt", maxAge: SESSION_TTL_DAYS * 86_400 },
    useSecureCookies: secureCookies,
    pages: { signIn: `/${meta.locale}/login`, error: `/${meta.locale}/login` },
    providers,
    callbacks: {
      async signIn({ user, account, profile }) {
        if (!account || account.provider === "credentials") return true;
        try {
          const signedIn = await signInWithOAuth(
            db,
            {
              provider: account.provider,
              providerAccountId: account.providerAccountId,
              email: user.email ?? "",
              name: user.name ?? "",
              // Google says so explicitly; GitHub only returns the primary, verified address.
              emailVerified: account.provider === "github" ? Boolean(user.email) : Boolean((profile as { email_verified?: boolean })?.email_verified),
              locale: meta.locale,
            },
            meta,
          );
          Object.assign(user, signedIn);
          return true;
        } catch (error) {
          const key = error instanceof AppError ? error.messageKey : "internal";
          return `/${meta.locale}/login?error=${encodeURIComponent(key)}`;
        }
      },
      async jwt({ token, user }) {
        if (user) {
          const signedIn = user as unknown as SessionUser;
          token.sub = signedIn.id;
          token.sid = signedIn.sessionId;
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, userId: token.sub, sessionId: token.sid };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endSession(db, token.sid, meta);
      },
    },
    logger: {
      error: (code, metadata) => logger.error("next-auth", { code, metadata }),
      warn: (code) => logger.warn("next-auth", { code }),
      debug: () => {},
    },
  };
}

export interface AuthSession {
  sessionId: string;
  user: { id: string; email: string; name: string; locale: string; twoFactor: boolean };
}

/** The signed-in session of this request (checked against the Session table), or null. */
export const getAuthSession = cache(async (): Promise<AuthSession | null> => {
  const raw = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!raw) return null;
  let sid: unknown;
  try {
    sid = (await decode({ token: raw, secret: authSecret }))?.sid;
  } catch {
    return null;
  }
  if (typeof sid !== "string") return null;
  const session = await resolveSession(db, sid);
  if (!session) return null;
  const { user } = session;
  return {
    sessionId: session.id,
    user: { id: user.id, email: user.email, name: user.name, locale: user.locale, twoFactor: Boolean(user.totpEnabledAt) },
  };
});

/** The actor for services from a session and the request's meta. */
export function actorOf(session: AuthSession, meta: RequestMeta): Actor {
  return { ...meta, userId: session.user.id, email: session.user.email, sessionId: session.sessionId };
}
