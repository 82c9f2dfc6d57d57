import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import { AppError, badRequest, conflict, forbidden, notFound, tooManyRequests, unauthorized } from "./errors";

const ROOT = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

function has(tree: unknown, key: string): boolean {
  return typeof key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), tree) === "string";
}

describe("AppError helpers", () => {
  it("carry a code, a message key and parameters", () => {
    expect(badRequest("auth.tokenInvalid")).toMatchObject({ code: "BAD_REQUEST", messageKey: "auth.tokenInvalid", message: "auth.tokenInvalid", params: {} });
    expect(conflict("staff.roleNameTaken", { name: "x" })).toMatchObject({ code: "CONFLICT", params: { name: "x" } });
    expect(unauthorized()).toMatchObject({ code: "UNAUTHORIZED", messageKey: "auth.signInRequired" });
    expect(forbidden()).toMatchObject({ code: "FORBIDDEN", messageKey: "forbidden" });
    expect(notFound()).toMatchObject({ code: "NOT_FOUND", messageKey: "notFound" });
    expect(notFound()).toBeInstanceOf(AppError);
    expect(notFound()).toBeInstanceOf(Error);
  });

  it("round the rate-limit wait up to whole minutes, at least one", () => {
    expect(tooManyRequests(0.2).params).toEqual({ minutes: 1 });
    expect(tooManyRequests(61).params).toEqual({ minutes: 2 });
    expect(tooManyRequests(900).params).toEqual({ minutes: 15 });
  });
});

describe("message keys used by the server", () => {
  it("every error and validation key exists under \"errors\" in messages/en.json", () => {
    const patterns = [
      /\b(?:badRequest|conflict|notFound|forbidden|unauthorized)\(\s*"([^"]+)"/g,
      /new AppError\(\s*"[A-Z_]+",\s*"([^"]+)"/g,
      /\berror:\s*"([a-z]+\.[A-Za-z.]+)"/g,
      /\bfail\(\s*"([^"]+)"/g,
    ];
    const missing: string[] = [];
    let seen = 0;
    for (const file of sourceFiles(path.join(ROOT, "server"))) {
      const source = fs.readFileSync(file, "utf8");
      for (const pattern of patterns) {
        for (const match of source.matchAll(pattern)) {
          seen += 1;
          if (!has(en.errors, match[1]!)) missing.push(`${path.relative(ROOT, file)}: errors.${match[1]}`);
        }
      }
    }
    expect(seen).toBeGreaterThan(20);
    expect(missing).toEqual([]);
    expect(has(en.errors, "rateLimited")).toBe(true);
  });
});
