import { describe, expect, it } from "vitest";
import { env, parseEnv } from "./env";

const GOOD = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://bazaar:secret@db.internal:5432/bazaar",
  APP_URL: "https://shop.example.com",
  AUTH_SECRET: "x".repeat(40),
};

function errorOf(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("parseEnv accepted the environment");
}

describe("parseEnv", () => {
  it("accepts a good production environment and applies defaults", () => {
    const parsed = parseEnv(GOOD);
    expect(parsed).toMatchObject({
      NODE_ENV: "production",
      DATABASE_URL: GOOD.DATABASE_URL,
      APP_URL: GOOD.APP_URL,
      AUTH_SECRET: GOOD.AUTH_SECRET,
      RATE_LIMIT_STORE: "postgres",
      LOG_LEVEL: "info",
      TRUSTED_ORIGINS: "",
    });
    expect(parsed.MAIL_FROM).toContain("@");
  });

  it("rejects a DATABASE_URL that is not a postgres URL, naming the variable", () => {
    const message = errorOf({ ...GOOD, DATABASE_URL: "mysql://localhost/bazaar" });
    expect(message).toMatch(/invalid environment variables/);
    expect(message).toMatch(/DATABASE_URL: must be a postgresql:\/\/ URL/);
    expect(message).not.toMatch(/AUTH_SECRET/);
  });

  it("requires DATABASE_URL", () => {
    expect(errorOf({ ...GOOD, DATABASE_URL: undefined })).toMatch(/DATABASE_URL/);
  });

  it("rejects a short AUTH_SECRET, naming the variable", () => {
    expect(errorOf({ ...GOOD, AUTH_SECRET: "too-short" })).toMatch(/AUTH_SECRET: must be at least 32 characters/);
  });

  it("refuses production without AUTH_SECRET, but not development or test", () => {
    expect(errorOf({ ...GOOD, AUTH_SECRET: undefined })).toMatch(/AUTH_SECRET: is required in production/);
    expect(errorOf({ ...GOOD, AUTH_SECRET: "" })).toMatch(/AUTH_SECRET: is required in production/);
    expect(parseEnv({ ...GOOD, NODE_ENV: "development", AUTH_SECRET: undefined }).AUTH_SECRET).toBeUndefined();
    expect(parseEnv({ ...GOOD, NODE_ENV: "test", AUTH_SECRET: undefined }).NODE_ENV).toBe("test");
  });

  it("lists every bad variable in one error", () => {
    const message = errorOf({ ...GOOD, DATABASE_URL: "nope", AUTH_SECRET: "short", SMTP_URL: "http://mail", REDIS_URL: "tcp://r" });
    for (const name of ["DATABASE_URL", "AUTH_SECRET", "SMTP_URL", "REDIS_URL"]) expect(message).toContain(`- ${name}:`);
  });

  it("treats empty strings as unset and validates paired OAuth keys", () => {
    expect(parseEnv({ ...GOOD, SMTP_URL: "", LOG_LEVEL: "" }).LOG_LEVEL).toBe("info");
    expect(errorOf({ ...GOOD, GOOGLE_CLIENT_ID: "id-only" })).toMatch(/GOOGLE_CLIENT_SECRET: GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET go together/);
    expect(errorOf({ ...GOOD, GITHUB_CLIENT_SECRET: "secret-only" })).toMatch(/GITHUB_CLIENT_SECRET/);
    expect(errorOf({ ...GOOD, APP_URL: "not a url" })).toMatch(/APP_URL/);
    expect(errorOf({ ...GOOD, RATE_LIMIT_STORE: "sqlite" })).toMatch(/RATE_LIMIT_STORE/);
  });

  it("takes Typesense's URL and key together, the collection defaulting to products", () => {
    expect(errorOf({ ...GOOD, TYPESENSE_URL: "http://localhost:8108" })).toMatch(/TYPESENSE_URL and TYPESENSE_API_KEY go together/);
    expect(errorOf({ ...GOOD, TYPESENSE_URL: "localhost:8108", TYPESENSE_API_KEY: "k" })).toMatch(/TYPESENSE_URL/);
    const parsed = parseEnv({ ...GOOD, TYPESENSE_URL: "http://localhost:8108", TYPESENSE_API_KEY: "k" });
    expect(parsed.TYPESENSE_COLLECTION).toBe("products");
    expect(errorOf({ ...GOOD, TYPESENSE_COLLECTION: "bad name" })).toMatch(/TYPESENSE_COLLECTION/);
  });

  it("takes PUSHER_* all together, with a cluster or a host", () => {
    const pusher = { PUSHER_APP_ID: "1", PUSHER_KEY: "key", PUSHER_SECRET: "secret" };
    expect(parseEnv({ ...GOOD, ...pusher, PUSHER_CLUSTER: "eu" })).toMatchObject({ PUSHER_CLUSTER: "eu", REALTIME_PORT: 6001 });
    expect(parseEnv({ ...GOOD, ...pusher, PUSHER_HOST: "ws.example.com", PUSHER_PORT: "6002", PUSHER_USE_TLS: "false" })).toMatchObject({ PUSHER_PORT: 6002, PUSHER_USE_TLS: false });
    expect(errorOf({ ...GOOD, PUSHER_APP_ID: "1", PUSHER_KEY: "key" })).toMatch(/PUSHER_APP_ID: PUSHER_APP_ID, PUSHER_KEY and PUSHER_SECRET go together/);
    expect(errorOf({ ...GOOD, PUSHER_CLUSTER: "eu" })).toMatch(/PUSHER_APP_ID/);
    expect(errorOf({ ...GOOD, ...pusher })).toMatch(/PUSHER_CLUSTER/);
    expect(errorOf({ ...GOOD, ...pusher, PUSHER_HOST: "wss://ws.example.com" })).toMatch(/PUSHER_HOST/);
    expect(errorOf({ ...GOOD, ...pusher, PUSHER_CLUSTER: "eu", PUSHER_PORT: "6002" })).toMatch(/PUSHER_PORT needs PUSHER_HOST/);
    expect(errorOf({ ...GOOD, REALTIME_PORT: "0" })).toMatch(/REALTIME_PORT/);
  });

  it("takes the VAPID key pair together and TWILIO_* all together", () => {
    const vapid = { VAPID_PUBLIC_KEY: "B".padEnd(87, "x"), VAPID_PRIVATE_KEY: "p".repeat(43) };
    expect(parseEnv({ ...GOOD, ...vapid, VAPID_SUBJECT: "mailto:ops@shop.example.com" })).toMatchObject({ VAPID_SUBJECT: "mailto:ops@shop.example.com" });
    expect(errorOf({ ...GOOD, VAPID_PUBLIC_KEY: vapid.VAPID_PUBLIC_KEY })).toMatch(/VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together/);
    expect(errorOf({ ...GOOD, ...vapid, VAPID_SUBJECT: "ops@shop.example.com" })).toMatch(/VAPID_SUBJECT/);
    const twilio = { TWILIO_ACCOUNT_SID: `AC${"0".repeat(32)}`, TWILIO_AUTH_TOKEN: "token", TWILIO_FROM: "+15550001111" };
    expect(parseEnv({ ...GOOD, ...twilio })).toMatchObject({ TWILIO_FROM: "+15550001111" });
    expect(parseEnv({ ...GOOD, ...twilio, TWILIO_FROM: `MG${"a".repeat(32)}` })).toMatchObject({ TWILIO_AUTH_TOKEN: "token" });
    expect(errorOf({ ...GOOD, TWILIO_ACCOUNT_SID: twilio.TWILIO_ACCOUNT_SID })).toMatch(/TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM go together/);
    expect(errorOf({ ...GOOD, TWILIO_API_URL: "http://localhost:9999" })).toMatch(/TWILIO_ACCOUNT_SID/);
    expect(errorOf({ ...GOOD, ...twilio, TWILIO_FROM: "5550001111" })).toMatch(/TWILIO_FROM/);
  });

  it("parsed the test process's own environment at import", () => {
    expect(env.NODE_ENV).toBe("test");
    expect(env.DATABASE_URL).toBe(process.env.DATABASE_URL);
    expect(env.AUTH_SECRET).toHaveLength(40);
  });
});
