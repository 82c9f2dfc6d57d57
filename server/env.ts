// Every environment variable the server reads, parsed and validated once. Importing this
// module with a wrong value throws a message that names the variable and what is wrong.
import "server-only";
import { z } from "zod";

const isBuild = process.env.NEXT_PHASE === "phase-production-build";

const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** PostgreSQL; scripts/dev.ts and scripts/start.ts start an embedded one when unset. */
    DATABASE_URL: isBuild ? z.string().optional() : z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL"),
    /** Public base URL of the app, used in mails and OAuth callbacks. */
    APP_URL: z.url().default("http://localhost:3000"),
    /** Signs session tokens and encrypts TOTP secrets; at least 32 characters. */
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
    GOOGLE_CLIENT_ID: z.string().optional(),
    GOOGLE_CLIENT_SECRET: z.string().optional(),
    GITHUB_CLIENT_ID: z.string().optional(),
    GITHUB_CLIENT_SECRET: z.string().optional(),
    /** smtp(s)://user:pass@host:port; without it mails go to the dev mailbox. */
    SMTP_URL: z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL").optional(),
    MAIL_FROM: z.string().default("Bazaar <no-reply@bazaar.local>"),
    /** Rate-limit counters in Redis; without it they live in PostgreSQL. */
    REDIS_URL: z.string().regex(/^rediss?:\/\//, "must be a redis:// URL").optional(),
    RATE_LIMIT_STORE: z.enum(["postgres", "memory"]).default("postgres"),
    /** Multiplies every rate-limit budget (e2e suites and load tests sign in many times from one address). */
    RATE_LIMIT_SCALE: z.coerce.number().int().min(1).max(1000).default(1),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    /** Shows the dev mailbox even in a production build (e2e runs only). */
    DEV_MAILBOX: z.enum(["on", "off"]).optional(),
    /** How many proxies in front of the app append to X-Forwarded-For (see clientIp). */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
    /** Comma-separated extra origins allowed to send state-changing requests. */
    TRUSTED_ORIGINS: z.string().default(""),
    /** Uploaded images on local disk (default <repo>/.data/media) unless S3_BUCKET is set. */
    MEDIA_DIR: z.string().optional(),
    /** Largest accepted upload in bytes (default 10 MB). */
    MEDIA_MAX_BYTES: z.coerce.number().int().min(1024).default(10 * 1024 * 1024),
    // How long checkout holds stock for an unpaid order before it goes back on sale.
    CHECKOUT_RESERVATION_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
    /** Stripe (sk_live_… / sk_test_…); without it payments go through the embedded sandbox provider. */
    STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_/, "must be a Stripe secret key (sk_…)").optional(),
    /** Signing secret of the /api/webhooks/stripe endpoint (whsec_…); required with STRIPE_SECRET_KEY. */
    STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_/, "must be a Stripe webhook secret (whsec_…)").optional(),
    /** Publishable key for the Payment Element (pk_…); required with STRIPE_SECRET_KEY. */
    STRIPE_PUBLISHABLE_KEY: z.string().regex(/^pk_/, "must be a Stripe publishable key (pk_…)").optional(),
    /** How long the sandbox provider waits before delivering a webhook event, like Stripe's small delay. */
    PAYMENTS_SANDBOX_WEBHOOK_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(300),
    /** Days after delivery before a sale's earnings move from pending to available. */
    PAYOUT_HOLD_DAYS: z.coerce.number().int().min(0).max(365).default(7),
    /** Smallest payout in minor units (below it a payout is not sent or requested). */
    PAYOUT_MINIMUM: z.coerce.number().int().min(1).default(1000),
    /** S3-compatible storage for images (AWS S3, MinIO, R2…); local disk when unset. */
    S3_BUCKET: z.string().optional(),
    S3_REGION: z.string().default("us-east-1"),
    /** Custom endpoint for MinIO/R2, e.g. http://localhost:9000. */
    S3_ENDPOINT: z.url().optional(),
    /** Without these the SDK's default credential chain is used (instance roles, ~/.aws). */
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    /** "true" for path-style URLs (MinIO and most self-hosted servers). */
    S3_FORCE_PATH_STYLE: z.enum(["true", "false"]).default("false").transform((value) => value === "true"),
    /** Typesense server (http://localhost:8108); without it search runs on PostgreSQL full-text. */
    TYPESENSE_URL: z.string().regex(/^https?:\/\/[^\s/]+/, "must be an http(s):// URL").optional(),
    /** Admin API key of that server; required with TYPESENSE_URL. */
    TYPESENSE_API_KEY: z.string().min(1).optional(),
    /** Collection holding the product documents. */
    TYPESENSE_COLLECTION: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "letters, digits, _ and - only").default("products"),
    /** Pusher Channels (or any Pusher-protocol server); without PUSHER_APP_ID/KEY/SECRET the local server is used. */
    PUSHER_APP_ID: z.string().optional(),
    PUSHER_KEY: z.string().optional(),
    PUSHER_SECRET: z.string().optional(),
    /** Pusher's cluster (e.g. eu, mt1); or PUSHER_HOST (+ PUSHER_PORT) for a self-hosted server. */
    PUSHER_CLUSTER: z.string().regex(/^[a-z0-9-]+$/, "must be a cluster name such as eu or mt1").optional(),
    PUSHER_HOST: z.string().regex(/^[A-Za-z0-9.-]+$/, "must be a host name without scheme or port").optional(),
    PUSHER_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    PUSHER_USE_TLS: z.enum(["true", "false"]).optional().transform((value) => (value === undefined ? undefined : value === "true")),
    /** Port of the local realtime server `npm run dev` / `npm start` run when PUSHER_* is unset. */
    REALTIME_PORT: z.coerce.number().int().min(1).max(65535).default(6001),
    /** Web Push VAPID keys (URL-safe base64, as `web-push generate-vapid-keys` prints); without them a pair is derived from AUTH_SECRET. */
    VAPID_PUBLIC_KEY: z.string().regex(/^[A-Za-z0-9_-]{80,100}$/, "must be a URL-safe base64 P-256 public key").optional(),
    VAPID_PRIVATE_KEY: z.string().regex(/^[A-Za-z0-9_-]{40,50}$/, "must be a URL-safe base64 P-256 private key").optional(),
    /** Contact the push services may reach (mailto: or https:); defaults to mailto:<MAIL_FROM address>. */
    VAPID_SUBJECT: z.string().regex(/^(mailto:|https:\/\/)\S+$/, "must be a mailto: or https:// URL").optional(),
    /** Twilio SMS; without TWILIO_ACCOUNT_SID/AUTH_TOKEN/FROM texts go to the dev SMS log. */
    TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, "must be an account SID (AC + 32 hex digits)").optional(),
    TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
    /** Sender: a phone number in E.164 (+15551234567) or a messaging service SID (MG…). */
    TWILIO_FROM: z.string().regex(/^(\+[1-9]\d{6,14}|MG[0-9a-fA-F]{32})$/, "must be an E.164 number or a messaging service SID").optional(),
    /** Twilio's API base URL (a proxy or a test server); default https://api.twilio.com. */
    TWILIO_API_URL: z.url().optional(),
  })
  .superRefine((value, ctx) => {
    // Read from the parsed source (not process.env) so parseEnv judges the env it is given.
    if (value.NODE_ENV === "production" && !isBuild && !value.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production" });
    }
    if (Boolean(value.GOOGLE_CLIENT_ID) !== Boolean(value.GOOGLE_CLIENT_SECRET)) {
      ctx.addIssue({ code: "custom", path: ["GOOGLE_CLIENT_SECRET"], message: "GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET go together" });
    }
    if (Boolean(value.S3_ACCESS_KEY_ID) !== Boolean(value.S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({ code: "custom", path: ["S3_SECRET_ACCESS_KEY"], message: "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together" });
    }
    if (value.STRIPE_SECRET_KEY && (!value.STRIPE_WEBHOOK_SECRET || !value.STRIPE_PUBLISHABLE_KEY)) {
      ctx.addIssue({ code: "custom", path: ["STRIPE_WEBHOOK_SECRET"], message: "STRIPE_SECRET_KEY needs STRIPE_WEBHOOK_SECRET and STRIPE_PUBLISHABLE_KEY" });
    }
    if (Boolean(value.TYPESENSE_URL) !== Boolean(value.TYPESENSE_API_KEY)) {
      ctx.addIssue({ code: "custom", path: ["TYPESENSE_API_KEY"], message: "TYPESENSE_URL and TYPESENSE_API_KEY go together" });
    }
    const pusherCore = [value.PUSHER_APP_ID, value.PUSHER_KEY, value.PUSHER_SECRET].filter(Boolean).length;
    const pusherExtras = value.PUSHER_CLUSTER || value.PUSHER_HOST || value.PUSHER_PORT !== undefined || value.PUSHER_USE_TLS !== undefined;
    if ((pusherCore > 0 && pusherCore < 3) || (pusherCore === 0 && pusherExtras)) {
      ctx.addIssue({ code: "custom", path: ["PUSHER_APP_ID"], message: "PUSHER_APP_ID, PUSHER_KEY and PUSHER_SECRET go together (and the other PUSHER_* need them)" });
    } else if (pusherCore === 3 && !value.PUSHER_CLUSTER && !value.PUSHER_HOST) {
      ctx.addIssue({ code: "custom", path: ["PUSHER_CLUSTER"], message: "PUSHER_* needs PUSHER_CLUSTER (Pusher Channels) or PUSHER_HOST (a self-hosted server)" });
    }
    if (value.PUSHER_PORT !== undefined && !value.PUSHER_HOST) {
      ctx.addIssue({ code: "custom", path: ["PUSHER_PORT"], message: "PUSHER_PORT needs PUSHER_HOST" });
    }
    if (Boolean(value.VAPID_PUBLIC_KEY) !== Boolean(value.VAPID_PRIVATE_KEY)) {
      ctx.addIssue({ code: "custom", path: ["VAPID_PRIVATE_KEY"], message: "VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together" });
    }
    const twilio = [value.TWILIO_ACCOUNT_SID, value.TWILIO_AUTH_TOKEN, value.TWILIO_FROM].filter(Boolean).length;
    if ((twilio > 0 && twilio < 3) || (twilio === 0 && value.TWILIO_API_URL)) {
      ctx.addIssue({ code: "custom", path: ["TWILIO_ACCOUNT_SID"], message: "TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM go together (and TWILIO_API_URL needs them)" });
    }
    if (Boolean(value.GITHUB_CLIENT_ID) !== Boolean(value.GITHUB_CLIENT_SECRET)) {
      ctx.addIssue({ code: "custom", path: ["GITHUB_CLIENT_SECRET"], message: "GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET go together" });
    }
  });

export type Env = z.infer<typeof schema>;

/** Parses an environment; throws one readable error listing every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).map(([key, value]) => [key, emptyToUndefined(value)]));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".") || "(env)"}: ${issue.message}`);
    throw new Error(`Bazaar cannot start: invalid environment variables\n${lines.join("\n")}`);
  }
  return result.data;
}

export const env = parseEnv(process.env);

// Development falls back to a fixed secret so `npm run dev` needs no set-up; production refuses.
export const authSecret = env.AUTH_SECRET ?? "bazaar-development-secret-do-not-use-in-production";

export const devMailboxEnabled = env.DEV_MAILBOX ? env.DEV_MAILBOX === "on" : env.NODE_ENV !== "production";
