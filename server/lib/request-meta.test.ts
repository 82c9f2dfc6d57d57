import { describe, expect, it } from "vitest";
import { clientIp, requestMetaFrom } from "./request-meta";

describe("request meta", () => {
  it("takes the X-Forwarded-For entry written by the nearest trusted hop, else X-Real-IP, else nothing", () => {
    const chain = new Headers({ "x-forwarded-for": " 203.0.113.9 , 10.0.0.1" });
    // One trusted hop (the default): the forged-able first entry is ignored.
    expect(clientIp(chain)).toBe("10.0.0.1");
    expect(clientIp(chain, 2)).toBe("203.0.113.9");
    expect(clientIp(chain, 5)).toBe("203.0.113.9");
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientIp(new Headers({ "x-forwarded-for": "", "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientIp(new Headers())).toBeNull();
  });

  it("picks the locale from the caller, then x-locale, then the NEXT_LOCALE cookie, else English", () => {
    const headers = new Headers({ "x-locale": "ar", cookie: "theme=dark; NEXT_LOCALE=fr" });
    expect(requestMetaFrom(headers, "es").locale).toBe("es");
    expect(requestMetaFrom(headers).locale).toBe("ar");
    expect(requestMetaFrom(new Headers({ cookie: "theme=dark; NEXT_LOCALE=fr" })).locale).toBe("fr");
    expect(requestMetaFrom(new Headers({ "x-locale": "de" })).locale).toBe("en");
    expect(requestMetaFrom(new Headers(), "klingon").locale).toBe("en");
  });

  it("keeps the request id and user agent, generating an id when absent", () => {
    const meta = requestMetaFrom(new Headers({ "x-request-id": "req-42", "user-agent": "UA/1.0", "x-forwarded-for": "203.0.113.9" }));
    expect(meta).toEqual({ requestId: "req-42", ip: "203.0.113.9", userAgent: "UA/1.0", locale: "en" });
    const generated = requestMetaFrom(new Headers());
    expect(generated.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(generated.userAgent).toBeNull();
  });
});
