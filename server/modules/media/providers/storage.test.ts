// The storage adapters: local disk (path safety) and S3, checked against the protocol by a
// tiny in-process HTTP server that records what the SDK sends and answers like S3.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalDiskStorage } from "./local-disk";
import { createS3Storage } from "./s3";

describe("local disk storage", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "bazaar-disk-"));
  const storage = createLocalDiskStorage(root);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("puts, gets, checks and deletes objects under its root", async () => {
    await storage.put("abc/640.webp", Buffer.from("hello"), "image/webp");
    expect(fs.readFileSync(path.join(root, "abc", "640.webp"), "utf8")).toBe("hello");
    expect((await storage.get("abc/640.webp"))?.toString()).toBe("hello");
    expect(await storage.exists("abc/640.webp")).toBe(true);
    await storage.delete("abc/640.webp");
    expect(await storage.exists("abc/640.webp")).toBe(false);
    expect(await storage.get("abc/640.webp")).toBeNull();
    await storage.delete("abc/640.webp"); // missing: not an error
  });

  it("refuses keys that could leave the root", async () => {
    fs.writeFileSync(path.join(os.tmpdir(), "bazaar-outside.txt"), "secret");
    for (const key of ["../bazaar-outside.txt", "a/../../bazaar-outside.txt", "/etc/passwd", "a\\..\\b", "", "a//b", ".hidden", "a/\u0000b"]) {
      await expect(storage.get(key), key).rejects.toThrow(/unsafe storage key/);
      await expect(storage.put(key, Buffer.from("x"), "text/plain"), key).rejects.toThrow(/unsafe storage key/);
      await expect(storage.delete(key), key).rejects.toThrow(/unsafe storage key/);
    }
    expect(fs.readFileSync(path.join(os.tmpdir(), "bazaar-outside.txt"), "utf8")).toBe("secret");
  });
});

interface Recorded {
  method: string;
  path: string;
  contentType: string | undefined;
  authorization: string | undefined;
  body: Buffer;
}

describe("S3 storage (protocol)", () => {
  const requests: Recorded[] = [];
  const objects = new Map<string, { body: Buffer; contentType: string }>();
  let server: http.Server;
  let endpoint: string;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const url = new URL(req.url!, "http://localhost");
        const body = Buffer.concat(chunks);
        requests.push({
          method: req.method!, path: url.pathname, contentType: req.headers["content-type"],
          authorization: req.headers.authorization, body,
        });
        const found = objects.get(url.pathname);
        const notFound = () => {
          res.writeHead(404, { "content-type": "application/xml", "x-amz-request-id": "test" });
          res.end(req.method === "HEAD" ? undefined :
            '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>');
        };
        switch (req.method) {
          case "PUT":
            objects.set(url.pathname, { body, contentType: req.headers["content-type"] ?? "binary/octet-stream" });
            res.writeHead(200, { etag: '"abc"' });
            return res.end();
          case "GET":
            if (!found) return notFound();
            res.writeHead(200, { "content-type": found.contentType, "content-length": found.body.length, etag: '"abc"' });
            return res.end(found.body);
          case "HEAD":
            if (!found) return notFound();
            res.writeHead(200, { "content-type": found.contentType, "content-length": found.body.length });
            return res.end();
          case "DELETE":
            objects.delete(url.pathname);
            res.writeHead(204);
            return res.end();
          default:
            res.writeHead(405);
            return res.end();
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("round-trips put, get, exists and delete as signed path-style S3 requests", async () => {
    const storage = createS3Storage({
      bucket: "bazaar-media", region: "eu-west-1", endpoint, accessKeyId: "AKIDTEST", secretAccessKey: "secret-test", forcePathStyle: true,
    });
    const bytes = Buffer.from([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50]);
    await storage.put("0123abcd/640.webp", bytes, "image/webp");
    expect(requests.at(-1)).toMatchObject({ method: "PUT", path: "/bazaar-media/0123abcd/640.webp", contentType: "image/webp" });
    expect(requests.at(-1)!.body.equals(bytes)).toBe(true);
    expect(requests.at(-1)!.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/eu-west-1\/s3\/aws4_request/);

    expect((await storage.get("0123abcd/640.webp"))?.equals(bytes)).toBe(true);
    expect(requests.at(-1)).toMatchObject({ method: "GET", path: "/bazaar-media/0123abcd/640.webp" });
    expect(await storage.exists("0123abcd/640.webp")).toBe(true);
    expect(requests.at(-1)).toMatchObject({ method: "HEAD", path: "/bazaar-media/0123abcd/640.webp" });

    await storage.delete("0123abcd/640.webp");
    expect(requests.at(-1)).toMatchObject({ method: "DELETE", path: "/bazaar-media/0123abcd/640.webp" });
    expect(await storage.get("0123abcd/640.webp")).toBeNull();
    expect(await storage.exists("0123abcd/640.webp")).toBe(false);
    expect(requests.map((r) => r.method)).toEqual(["PUT", "GET", "HEAD", "DELETE", "GET", "HEAD"]);
  });

  it("refuses unsafe keys without sending anything", async () => {
    const storage = createS3Storage({ bucket: "b", region: "us-east-1", endpoint, accessKeyId: "a", secretAccessKey: "b", forcePathStyle: true });
    const before = requests.length;
    await expect(storage.put("../x", Buffer.from("x"), "text/plain")).rejects.toThrow(/unsafe storage key/);
    expect(requests.length).toBe(before);
  });
});
