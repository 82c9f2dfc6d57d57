import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The storage root must be set before server/env.ts is imported.
const mediaDir = vi.hoisted(() => {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { mkdtempSync } = require("node:fs") as typeof import("node:fs");
  const { tmpdir } = require("node:os") as typeof import("node:os");
  const { join } = require("node:path") as typeof import("node:path");
  /* eslint-enable @typescript-eslint/no-require-imports */
  const dir = mkdtempSync(join(tmpdir(), "bazaar-media-"));
  process.env.MEDIA_DIR = dir;
  delete process.env.S3_BUCKET;
  delete process.env.MEDIA_MAX_BYTES;
  return dir;
});

import { createUploadHandler } from "@/app/api/uploads/handler";
import { GET as serveMedia } from "@/app/media/[...path]/route";
import { db } from "@/server/db";
import { AppError } from "@/server/lib/errors";
import { actorFor, createSessionRow, createStaffUser, createUser, type TestUser } from "@/test/factories";
import { acceptsAvif, pickWidth, readMediaVariant, storeImage, variantWidths } from "./media.service";

/** A noisy gradient, so encoders have something photo-like to compress. */
async function photo(width: number, height: number, format: "png" | "jpeg", options: { orientation?: number } = {}) {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = ((i % (width * 3)) / 12 + ((i * 2654435761) % 97)) & 255;
  const image = sharp(raw, { raw: { width, height, channels: 3 } });
  const encoded = format === "png" ? image.png() : image.jpeg({ quality: 85 });
  return options.orientation ? encoded.withMetadata({ orientation: options.orientation }).toBuffer() : encoded.toBuffer();
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

afterAll(() => fs.rmSync(mediaDir, { recursive: true, force: true }));

const stored = (key: string, file: string) => path.join(mediaDir, key, file);

async function createVendorWith(owner: TestUser) {
  return db.vendor.create({
    data: {
      name: "Shop", slug: `shop-${Math.random().toString(36).slice(2, 10)}`, status: "ACTIVE",
      memberships: { create: { userId: owner.id, role: "OWNER" } },
    },
  });
}

describe("storeImage", () => {
  it("stores a PNG as WebP copies at the ladder widths below it plus its own width, with a placeholder and a row", async () => {
    const png = await photo(800, 600, "png");
    const result = await storeImage(db, null, { bytes: png, fileName: "../../etc/Sofa photo.png", vendorId: null });

    expect(result).toMatchObject({ width: 800, height: 600, src: `/media/${result.storageKey}` });
    expect(result.storageKey).toMatch(/^[a-f0-9]{24}$/);
    expect(result.placeholder).toMatch(/^data:image\/webp;base64,[A-Za-z0-9+/=]+$/);
    const tiny = await sharp(Buffer.from(result.placeholder.split(",")[1]!, "base64")).metadata();
    expect(tiny.width).toBe(16);

    const row = await db.mediaAsset.findUniqueOrThrow({ where: { id: result.id } });
    expect(row).toMatchObject({
      storageKey: result.storageKey, originalName: "Sofa photo.png", width: 800, height: 600, byteSize: png.byteLength,
      widths: [160, 320, 640, 800], formats: ["webp", "avif"], vendorId: null, uploadedById: null,
    });
    for (const w of row.widths) {
      const meta = await sharp(fs.readFileSync(stored(result.storageKey, `${w}.webp`))).metadata();
      expect(meta).toMatchObject({ format: "webp", width: w });
    }
    expect(fs.existsSync(stored(result.storageKey, "960.webp"))).toBe(false);
    expect(fs.readdirSync(path.join(mediaDir, result.storageKey)).some((f) => f.endsWith(".avif"))).toBe(false);
  });

  it("auto-rotates a JPEG by its EXIF orientation, strips metadata and caps the width at 2048", async () => {
    const rotated = await storeImage(db, null, { bytes: await photo(300, 200, "jpeg", { orientation: 6 }), fileName: "p.jpg" });
    expect(rotated).toMatchObject({ width: 200, height: 300 });
    const meta = await sharp(fs.readFileSync(stored(rotated.storageKey, "200.webp"))).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();

    const started = Date.now();
    const big = await storeImage(db, null, { bytes: await photo(3000, 1500, "jpeg"), fileName: "wide.jpg" });
    const elapsed = Date.now() - started;
    expect(big).toMatchObject({ width: 2048, height: 1024 });
    const row = await db.mediaAsset.findUniqueOrThrow({ where: { id: big.id } });
    expect(row.widths).toEqual([160, 320, 640, 960, 1280, 1920, 2048]);
    expect(elapsed).toBeLessThan(5000); // ~0.6 s on an idle 2-core machine; generous for shared CI
  });

  it("accepts WebP and the first frame of an animated GIF", async () => {
    const frame = (background: string) => sharp({ create: { width: 96, height: 80, channels: 3, background } }).png().toBuffer();
    const animated = await sharp([await frame("#c0392b"), await frame("#2980b9")], { join: { animated: true } }).gif().toBuffer();
    expect((await sharp(animated).metadata()).pages).toBe(2);
    const gif = await storeImage(db, null, { bytes: animated, fileName: "a.gif" });
    expect(gif).toMatchObject({ width: 96, height: 80 });
    const { data } = await sharp(fs.readFileSync(stored(gif.storageKey, "96.webp"))).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(150); // red: the first frame
    expect(data[2]).toBeLessThan(100);
    const webp = await storeImage(db, null, { bytes: await sharp(await photo(300, 300, "png")).webp().toBuffer(), fileName: "w.webp" });
    expect(webp).toMatchObject({ width: 300, height: 300 });
  });

  it("records the uploader and writes an audit entry when a person uploads", async () => {
    const user = await createUser(db);
    const session = await createSessionRow(db, user.id);
    const result = await storeImage(db, actorFor(user, session.id), { bytes: await photo(100, 100, "png"), fileName: "a.png", purpose: "product" });
    expect((await db.mediaAsset.findUniqueOrThrow({ where: { id: result.id } })).uploadedById).toBe(user.id);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "media.upload", resourceId: result.id } });
    expect(audit).toMatchObject({ actorId: user.id, resourceType: "MediaAsset" });
    expect(audit.metadata).toMatchObject({ purpose: "product", width: 100, height: 100 });
  });

  it("refuses what is not a supported image whatever its name, writing nothing", async () => {
    const before = await db.mediaAsset.count();
    const text = Buffer.from("just some words, not a picture at all\n".repeat(20));
    expect((await refusal(storeImage(db, null, { bytes: text, fileName: "photo.png" }))).messageKey).toBe("media.unsupportedType");
    const pdf = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    expect((await refusal(storeImage(db, null, { bytes: pdf, fileName: "photo.jpg" }))).messageKey).toBe("media.unsupportedType");
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect width="100" height="100"/></svg>');
    expect((await refusal(storeImage(db, null, { bytes: svg, fileName: "logo.png" }))).messageKey).toBe("media.unsupportedType");
    expect(await db.mediaAsset.count()).toBe(before);
  });

  it("refuses an oversized file, a truncated JPEG and a too-small image", async () => {
    const png = await photo(100, 100, "png");
    const huge = Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024)]);
    const tooLarge = await refusal(storeImage(db, null, { bytes: huge, fileName: "big.png" }));
    expect(tooLarge).toMatchObject({ messageKey: "media.tooLarge", params: { max: 10 } });

    const jpeg = await photo(400, 300, "jpeg");
    const truncated = jpeg.subarray(0, Math.floor(jpeg.length / 2));
    expect((await refusal(storeImage(db, null, { bytes: truncated, fileName: "cut.jpg" }))).messageKey).toBe("media.corrupt");

    const small = await refusal(storeImage(db, null, { bytes: await photo(200, 32, "png"), fileName: "strip.png" }));
    expect(small).toMatchObject({ messageKey: "media.tooSmall", params: { min: 64 } });
  });
});

describe("serving", () => {
  let key: string;
  beforeAll(async () => {
    key = (await storeImage(db, null, { bytes: await photo(800, 600, "png"), fileName: "s.png" })).storageKey;
  });

  it("picks the nearest stored width at or above the request, else the largest", () => {
    expect(variantWidths(100)).toEqual([100]);
    expect(variantWidths(160)).toEqual([160]);
    expect(pickWidth([160, 320, 640, 800], 500)).toBe(640);
    expect(pickWidth([160, 320, 640, 800], 160)).toBe(160);
    expect(pickWidth([160, 320, 640, 800], 2048)).toBe(800);
  });

  it("reads Accept headers", () => {
    expect(acceptsAvif("image/avif,image/webp,image/apng,*/*;q=0.8")).toBe(true);
    expect(acceptsAvif("image/webp,*/*")).toBe(false);
    expect(acceptsAvif("image/avif;q=0, image/webp")).toBe(false);
    expect(acceptsAvif(null)).toBe(false);
  });

  it("serves WebP by default and nothing for unknown keys or widths", async () => {
    const webp = await readMediaVariant(db, { storageKey: key, width: 640, acceptsAvif: false });
    expect(webp).toMatchObject({ contentType: "image/webp", width: 640 });
    expect(await readMediaVariant(db, { storageKey: key, width: 1920, acceptsAvif: false })).toMatchObject({ width: 800 });
    expect(await readMediaVariant(db, { storageKey: key, width: 800, acceptsAvif: false })).toMatchObject({ width: 800 });
    expect(await readMediaVariant(db, { storageKey: key, width: 123, acceptsAvif: false })).toBeNull();
    expect(await readMediaVariant(db, { storageKey: "0".repeat(24), width: 640, acceptsAvif: false })).toBeNull();
    expect(await readMediaVariant(db, { storageKey: "../../etc", width: 640, acceptsAvif: false })).toBeNull();
  });

  it("makes the AVIF copy on the first request that accepts it, stores it and reuses it", async () => {
    expect(fs.existsSync(stored(key, "320.avif"))).toBe(false);
    const first = await readMediaVariant(db, { storageKey: key, width: 320, acceptsAvif: true });
    expect(first).toMatchObject({ contentType: "image/avif", width: 320 });
    expect(fs.existsSync(stored(key, "320.avif"))).toBe(true);
    const meta = await sharp(first!.bytes).metadata();
    expect(meta).toMatchObject({ format: "heif", compression: "av1", width: 320 });

    // With the master gone, only the stored copy can answer.
    const master = fs.readFileSync(stored(key, "800.webp"));
    fs.rmSync(stored(key, "800.webp"));
    try {
      const second = await readMediaVariant(db, { storageKey: key, width: 320, acceptsAvif: true });
      expect(second!.bytes.equals(first!.bytes)).toBe(true);
    } finally {
      fs.writeFileSync(stored(key, "800.webp"), master);
    }
  });

  it("answers /media/<key>/<width> with negotiated, immutable, Vary: Accept responses", async () => {
    const call = (p: string[], accept: string) =>
      serveMedia(new Request(`http://localhost:3000/media/${p.join("/")}`, { headers: { accept } }), { params: Promise.resolve({ path: p }) });
    const avif = await call([key, "640"], "image/avif,image/webp,*/*");
    expect(avif.status).toBe(200);
    expect(avif.headers.get("content-type")).toBe("image/avif");
    expect(avif.headers.get("vary")).toBe("Accept");
    expect(avif.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const webp = await call([key, "640"], "image/webp,*/*");
    expect(webp.headers.get("content-type")).toBe("image/webp");
    expect((await sharp(Buffer.from(await webp.arrayBuffer())).metadata()).width).toBe(640);
    expect((await call([key, "abc"], "*/*")).status).toBe(404);
    expect((await call([key, "640", "x"], "*/*")).status).toBe(404);
    expect((await call(["f".repeat(24), "640"], "*/*")).status).toBe(404);
  });
});

describe("POST /api/uploads", () => {
  async function signedIn(user?: TestUser) {
    const u = user ?? (await createUser(db));
    const s = await createSessionRow(db, u.id);
    return { user: u, session: { sessionId: s.id, user: { id: u.id, email: u.email, name: u.name, locale: "en", twoFactor: false } } };
  }
  async function upload(
    session: Awaited<ReturnType<typeof signedIn>>["session"] | null,
    fields: Record<string, string>,
    file?: Blob,
    init: { origin?: string; headers?: Record<string, string> } = {},
  ) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    if (file) form.set("file", file, "upload.png");
    const handler = createUploadHandler({ db, getSession: async () => session });
    const response = await handler(
      new Request("http://localhost:3000/api/uploads", {
        method: "POST",
        body: form,
        headers: { origin: init.origin ?? "http://localhost:3000", ...init.headers },
      }),
    );
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }
  let image: Blob;
  beforeAll(async () => {
    image = new Blob([new Uint8Array(await photo(120, 90, "png"))], { type: "image/png" });
  });

  it("stores a product image for an owner of the vendor, audited", async () => {
    const { user, session } = await signedIn();
    const vendor = await createVendorWith(user);
    const { status, body } = await upload(session, { purpose: "product", vendorId: vendor.id }, image);
    expect(status).toBe(201);
    expect(body).toMatchObject({ width: 120, height: 90, src: expect.stringMatching(/^\/media\/[a-f0-9]{24}$/) });
    const row = await db.mediaAsset.findUniqueOrThrow({ where: { id: body.id as string } });
    expect(row).toMatchObject({ vendorId: vendor.id, uploadedById: user.id });
    expect(await db.auditLog.count({ where: { action: "media.upload", resourceId: row.id, actorId: user.id } })).toBe(1);
  });

  it("refuses a non-member, and a STAFF member without products.write, with 403", async () => {
    const owner = await createUser(db);
    const vendor = await createVendorWith(owner);
    const stranger = await signedIn();
    const refused = await upload(stranger.session, { purpose: "product", vendorId: vendor.id }, image);
    expect(refused).toEqual({ status: 403, body: { messageKey: "forbidden", params: {} } });

    const clerk = await signedIn();
    await db.vendorMembership.create({ data: { userId: clerk.user.id, vendorId: vendor.id, role: "STAFF", permissions: ["shop.manage"] } });
    expect((await upload(clerk.session, { purpose: "product", vendorId: vendor.id }, image)).status).toBe(403);
    expect((await upload(clerk.session, { purpose: "shop", vendorId: vendor.id }, image)).status).toBe(201);
    expect(await db.mediaAsset.count({ where: { vendorId: vendor.id } })).toBe(1);
  });

  it("lets content or catalog staff upload platform images, nobody else", async () => {
    const { user: staff } = await createStaffUser(db, ["content.manage"]);
    const ok = await upload((await signedIn(staff)).session, { purpose: "platform" }, image);
    expect(ok.status).toBe(201);
    expect((await db.mediaAsset.findUniqueOrThrow({ where: { id: ok.body.id as string } })).vendorId).toBeNull();
    const { user: auditor } = await createStaffUser(db, ["audit.read"]);
    expect((await upload((await signedIn(auditor)).session, { purpose: "platform" }, image)).status).toBe(403);
  });

  it("answers 401 without a session, 403 cross-site, 400 for bad input and 413 when too large", async () => {
    expect((await upload(null, { purpose: "platform" }, image)).status).toBe(401);
    const { user, session } = await signedIn();
    const vendor = await createVendorWith(user);
    expect((await upload(session, { purpose: "product", vendorId: vendor.id }, image, { origin: "https://evil.example" })).body)
      .toMatchObject({ messageKey: "crossOrigin" });
    expect((await upload(session, { purpose: "product" }, image)).body).toMatchObject({ messageKey: "media.vendorRequired" });
    expect((await upload(session, { purpose: "avatar", vendorId: vendor.id }, image)).body).toMatchObject({ messageKey: "media.invalidPurpose" });
    expect((await upload(session, { purpose: "product", vendorId: vendor.id })).body).toMatchObject({ messageKey: "media.noFile" });
    const pdf = new Blob(["%PDF-1.4\n%%EOF\n"], { type: "image/png" });
    expect(await upload(session, { purpose: "product", vendorId: vendor.id }, pdf)).toEqual({
      status: 400, body: { messageKey: "media.unsupportedType", params: {} },
    });
    const declared = await upload(session, { purpose: "product", vendorId: vendor.id }, image, { headers: { "content-length": String(50 * 1024 * 1024) } });
    expect(declared).toEqual({ status: 413, body: { messageKey: "media.tooLarge", params: { max: 10 } } });
    const huge = new Blob([new Uint8Array(10 * 1024 * 1024 + 100 * 1024)], { type: "image/png" });
    expect((await upload(session, { purpose: "product", vendorId: vendor.id }, huge)).status).toBe(413);
  });
});
