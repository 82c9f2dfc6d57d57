import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "./same-origin";

const APP = "http://localhost:3000"; // APP_URL in tests (test/setup-file.ts)

function request(method: string, headers: Record<string, string> = {}, url = `${APP}/api/trpc/identity.register`) {
  return new Request(url, { method, headers });
}

describe("isSameOriginRequest", () => {
  it("refuses a POST without Origin or Referer", () => {
    expect(isSameOriginRequest(request("POST"))).toBe(false);
  });

  it("refuses a POST from a foreign origin", () => {
    expect(isSameOriginRequest(request("POST", { origin: "https://evil.example" }))).toBe(false);
    expect(isSameOriginRequest(request("POST", { origin: "http://localhost:3001" }))).toBe(false);
    expect(isSameOriginRequest(request("DELETE", { origin: "https://localhost:3000" }))).toBe(false);
    expect(isSameOriginRequest(request("POST", { referer: "https://evil.example/localhost:3000" }))).toBe(false);
  });

  it("refuses a malformed or opaque Origin", () => {
    expect(isSameOriginRequest(request("POST", { origin: "null" }))).toBe(false);
    expect(isSameOriginRequest(request("POST", { origin: "::not a url::" }))).toBe(false);
  });

  it("accepts a POST from the app's own origin (Origin, or Referer when Origin is absent)", () => {
    expect(isSameOriginRequest(request("POST", { origin: APP }))).toBe(true);
    expect(isSameOriginRequest(request("PUT", { referer: `${APP}/en/login?next=/en/account` }))).toBe(true);
  });

  it("accepts the origin the request was addressed to (Host / X-Forwarded-*)", () => {
    const forwarded = request("POST", { origin: "https://shop.example.com", "x-forwarded-host": "shop.example.com", "x-forwarded-proto": "https" });
    expect(isSameOriginRequest(forwarded)).toBe(true);
    const spoofedProto = request("POST", { origin: "https://shop.example.com", "x-forwarded-host": "shop.example.com", "x-forwarded-proto": "http" });
    expect(isSameOriginRequest(spoofedProto)).toBe(false);
  });

  it("always accepts safe methods", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(isSameOriginRequest(request(method))).toBe(true);
      expect(isSameOriginRequest(request(method, { origin: "https://evil.example" }))).toBe(true);
    }
  });
});
