import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { percentile, runLoad } from "./http-load";

let server: http.Server;
let base = "";
beforeAll(async () => {
  server = http.createServer((request, response) => {
    response.statusCode = request.url === "/ok" ? 200 : 500;
    response.end("hello");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("runLoad", () => {
  it("counts answered requests, their bytes, and non-200 answers as errors", async () => {
    const ok = await runLoad([`${base}/ok`], { connections: 4, seconds: 0.3 });
    expect(ok.requests).toBeGreaterThan(10);
    expect(ok.errors).toBe(0);
    expect(ok.bytes).toBe(ok.requests * 5);
    expect(ok.p50).toBeLessThanOrEqual(ok.p95);
    expect(ok.p95).toBeLessThanOrEqual(ok.p99);
    const bad = await runLoad([`${base}/ok`, `${base}/bad`], { connections: 2, seconds: 0.3 });
    expect(bad.errors).toBeGreaterThan(0);
    expect(bad.errors).toBeLessThan(bad.requests);
  });

  it("takes nearest-rank percentiles", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), percentile(sorted, 100)]).toEqual([50, 95, 99, 100]);
    expect(percentile([], 95)).toBe(0);
  });
});
