// Media: validates uploaded images, normalises them, stores resized WebP copies (and AVIF
// copies made lazily on first request) and records a MediaAsset row.
//
// Stored objects, under the asset's random `storageKey`:
//   <key>/<w>.webp  for every ladder width below the image's width, plus the image's own
//                   width (≤ 2048). The own-width copy (quality 88) is the master the AVIF
//                   copies are made from.
//   <key>/<w>.avif  made on the first request that accepts AVIF for that width, then kept.
// AVIF encoding takes seconds for large sizes on a small machine, so uploads (and the seed)
// only pay for WebP, which keeps storeImage well under a second for a 2000×2000 photo.
import crypto from "node:crypto";
import path from "node:path";
import sharp from "sharp";
import { MAX_IMAGE_WIDTH, REQUESTABLE_WIDTHS, WIDTH_LADDER, mediaSrc } from "@/lib/media/sizes";
import type { DbTx } from "@/server/db";
import { env } from "@/server/env";
import type { Actor } from "@/server/lib/actor";
import { badRequest, forbidden, unauthorized } from "@/server/lib/errors";
import { getStaffPermissions } from "@/server/modules/access";
import { recordAudit } from "@/server/modules/audit";
import { getVendorMembership } from "@/server/modules/vendors";
import type { UploadPurpose } from "./media.schema";
import { getMediaStorage } from "./providers";

export { mediaSrc } from "@/lib/media/sizes";

/** Largest accepted image, in pixels (width × height before scaling). */
export const MAX_PIXELS = 50_000_000;
/** Smallest accepted image side, in pixels. */
export const MIN_SIDE = 64;
const WEBP_QUALITY = 80;
const MASTER_QUALITY = 88;
const AVIF_QUALITY = 50;
const PLACEHOLDER_WIDTH = 16;

export type ImageFormat = "jpeg" | "png" | "webp" | "avif" | "gif";

/** The image format from the file's first bytes, whatever its name says; null if not one we take. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png";
  if (b.length >= 6 && /^GIF8[79]a$/.test(b.toString("latin1", 0, 6))) return "gif";
  if (b.length >= 12 && b.toString("latin1", 0, 4) === "RIFF" && b.toString("latin1", 8, 12) === "WEBP") return "webp";
  if (b.length >= 16 && b.toString("latin1", 4, 8) === "ftyp") {
    // ISO-BMFF: major brand then compatible brands up to the end of the ftyp box.
    const boxEnd = Math.min(b.readUInt32BE(0), b.length, 64);
    const brands = [b.toString("latin1", 8, 12)];
    for (let i = 16; i + 4 <= boxEnd; i += 4) brands.push(b.toString("latin1", i, i + 4));
    if (brands.includes("avif") || brands.includes("avis")) return "avif";
  }
  return null;
}

/** Which widths are stored for an image `width` px wide: the ladder below it, plus its own width. */
export function variantWidths(width: number): number[] {
  const own = Math.min(width, MAX_IMAGE_WIDTH);
  return [...WIDTH_LADDER.filter((w) => w < own), own];
}

/** The stored width to serve for a request: the smallest ≥ requested, else the largest. */
export function pickWidth(widths: readonly number[], requested: number): number {
  const sorted = [...widths].sort((a, b) => a - b);
  return sorted.find((w) => w >= requested) ?? sorted[sorted.length - 1]!;
}

const objectKey = (storageKey: string, width: number, format: "webp" | "avif") => `${storageKey}/${width}.${format}`;

function cleanFileName(name: string): string {
  const base = path.basename(name.replaceAll("\\", "/")).replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (base || "image").slice(0, 200);
}

const MB = 1024 * 1024;

/** The error for an upload over the size limit (also used by the upload endpoint). */
export const tooLargeError = () => badRequest("media.tooLarge", { max: Math.floor((env.MEDIA_MAX_BYTES / MB) * 10) / 10 });

export interface StoreImageInput {
  bytes: Uint8Array;
  fileName: string;
  vendorId?: string | null;
  /** Recorded in the audit entry. */
  purpose?: UploadPurpose;
  /** A fixed storage key instead of a random one (demo data, see storeImageOnce). */
  storageKey?: string;
}

export interface StoredImage {
  id: string;
  storageKey: string;
  width: number;
  height: number;
  placeholder: string;
  src: string;
}

/**
 * Validates, normalises and stores an image; writes its MediaAsset row (and an audit entry
 * when a person uploads it). The caller has already authorised the upload (authorizeUpload).
 */
export async function storeImage(db: DbTx, actor: Actor | null, input: StoreImageInput): Promise<StoredImage> {
  const { bytes } = input;
  if (bytes.byteLength > env.MEDIA_MAX_BYTES) throw tooLargeError();
  const format = sniffImageFormat(bytes);
  if (!format) throw badRequest("media.unsupportedType");

  const meta = await sharp(bytes, { limitInputPixels: false }).metadata().catch(() => null);
  if (!meta) throw badRequest("media.corrupt");
  const sharpFormat = meta.format === "heif" && meta.compression === "av1" ? "avif" : meta.format;
  if (sharpFormat !== format) throw badRequest("media.corrupt");
  const orientedWidth = meta.autoOrient?.width ?? meta.width;
  const orientedHeight = meta.autoOrient?.height ?? meta.height;
  if (!orientedWidth || !orientedHeight) throw badRequest("media.corrupt");
  if (orientedWidth * orientedHeight > MAX_PIXELS) throw badRequest("media.tooManyPixels", { max: MAX_PIXELS / 1_000_000 });
  if (Math.min(orientedWidth, orientedHeight) < MIN_SIDE) throw badRequest("media.tooSmall", { min: MIN_SIDE });

  // Decode once (first frame; EXIF orientation applied; capped at 2048 px wide; 8-bit sRGB);
  // every copy is made from these pixels. Output carries no EXIF/XMP metadata.
  const pixels = await sharp(bytes, { failOn: "truncated", limitInputPixels: MAX_PIXELS })
    .rotate()
    .resize({ width: MAX_IMAGE_WIDTH, withoutEnlargement: true })
    .toColourspace("srgb")
    .raw()
    .toBuffer({ resolveWithObject: true })
    .catch(() => null);
  if (!pixels) throw badRequest("media.corrupt");
  const { data, info } = pixels;
  const fromPixels = () => sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });

  const widths = variantWidths(info.width);
  const storageKey = input.storageKey ?? crypto.randomBytes(12).toString("hex");
  const [copies, tiny] = await Promise.all([
    Promise.all(
      widths.map((w) =>
        (w === info.width ? fromPixels() : fromPixels().resize({ width: w }))
          .webp({ quality: w === info.width ? MASTER_QUALITY : WEBP_QUALITY, effort: 2 })
          .toBuffer(),
      ),
    ),
    fromPixels().resize({ width: PLACEHOLDER_WIDTH }).blur(0.6).webp({ quality: 40 }).toBuffer(),
  ]);
  const placeholder = `data:image/webp;base64,${tiny.toString("base64")}`;

  const storage = getMediaStorage();
  const keys = widths.map((w) => objectKey(storageKey, w, "webp"));
  try {
    await Promise.all(keys.map((key, i) => storage.put(key, copies[i]!, "image/webp")));
    const asset = await db.mediaAsset.create({
      data: {
        vendorId: input.vendorId ?? null,
        uploadedById: actor?.userId ?? null,
        storageKey,
        originalName: cleanFileName(input.fileName),
        width: info.width,
        height: info.height,
        byteSize: bytes.byteLength,
        widths,
        formats: ["webp", "avif"],
        placeholder,
      },
    });
    if (actor) {
      await recordAudit(db, actor, {
        action: "media.upload",
        resourceType: "MediaAsset",
        resourceId: asset.id,
        metadata: { purpose: input.purpose ?? null, vendorId: asset.vendorId, width: asset.width, height: asset.height, byteSize: asset.byteSize },
      });
    }
    return { id: asset.id, storageKey, width: asset.width, height: asset.height, placeholder, src: mediaSrc(storageKey) };
  } catch (error) {
    await Promise.allSettled(keys.map((key) => storage.delete(key)));
    throw error;
  }
}

/**
 * Who may upload what: product images need `products.write` on the vendor, shop images
 * (logo, banner) `shop.manage`, platform images (banners, categories, brands) the staff
 * permission `content.manage` or `catalog.manage`. Returns the vendor the asset belongs to.
 */
export async function authorizeUpload(
  db: DbTx,
  actor: Actor | null,
  input: { purpose: UploadPurpose; vendorId?: string | null },
): Promise<{ vendorId: string | null }> {
  if (!actor) throw unauthorized();
  if (input.purpose === "platform") {
    const permissions = await getStaffPermissions(db, actor.userId);
    if (!permissions.has("content.manage") && !permissions.has("catalog.manage")) throw forbidden();
    return { vendorId: null };
  }
  if (!input.vendorId) throw badRequest("media.vendorRequired");
  const membership = await getVendorMembership(db, actor.userId, input.vendorId);
  const needed = input.purpose === "product" ? "products.write" : "shop.manage";
  if (!membership?.effectivePermissions.has(needed)) throw forbidden();
  return { vendorId: membership.vendorId };
}

export interface MediaVariant {
  bytes: Buffer;
  contentType: "image/webp" | "image/avif";
  width: number;
}

const STORAGE_KEY = /^[a-f0-9]{24}$/;
const avifInFlight = new Map<string, Promise<Buffer | null>>();

/** Makes (once per process at a time) and stores the AVIF copy of one width; null if it cannot. */
async function ensureAvif(storageKey: string, width: number, masterWidth: number): Promise<Buffer | null> {
  const key = objectKey(storageKey, width, "avif");
  const running = avifInFlight.get(key);
  if (running) return running;
  const job = (async () => {
    const storage = getMediaStorage();
    const master = await storage.get(objectKey(storageKey, masterWidth, "webp"));
    if (!master) return null;
    const pipeline = width === masterWidth ? sharp(master) : sharp(master).resize({ width });
    const avif = await pipeline.avif({ quality: AVIF_QUALITY, effort: 2 }).toBuffer();
    await storage.put(key, avif, "image/avif");
    return avif;
  })().finally(() => avifInFlight.delete(key));
  avifInFlight.set(key, job);
  return job;
}

/**
 * The bytes to serve for /media/<storageKey>/<width>: AVIF when the client accepts it
 * (made and stored on first request), else WebP. Null for unknown keys and widths.
 */
export async function readMediaVariant(
  db: DbTx,
  input: { storageKey: string; width: number; acceptsAvif: boolean },
): Promise<MediaVariant | null> {
  if (!STORAGE_KEY.test(input.storageKey) || !Number.isInteger(input.width)) return null;
  const asset = await db.mediaAsset.findUnique({ where: { storageKey: input.storageKey }, select: { widths: true, formats: true } });
  if (!asset || asset.widths.length === 0) return null;
  if (!REQUESTABLE_WIDTHS.includes(input.width) && !asset.widths.includes(input.width)) return null;
  const width = pickWidth(asset.widths, input.width);
  const storage = getMediaStorage();
  if (input.acceptsAvif && asset.formats.includes("avif")) {
    const stored = await storage.get(objectKey(input.storageKey, width, "avif"));
    const avif = stored ?? (await ensureAvif(input.storageKey, width, Math.max(...asset.widths)).catch(() => null));
    if (avif) return { bytes: avif, contentType: "image/avif", width };
  }
  const webp = await storage.get(objectKey(input.storageKey, width, "webp"));
  return webp ? { bytes: webp, contentType: "image/webp", width } : null;
}

/** Does an Accept header allow AVIF (explicitly, with q > 0)? */
export function acceptsAvif(accept: string | null): boolean {
  if (!accept) return false;
  return accept.split(",").some((part) => {
    const [type, ...params] = part.trim().split(";").map((s) => s.trim());
    if (type?.toLowerCase() !== "image/avif") return false;
    const q = params.find((p) => p.startsWith("q="));
    return !q || Number(q.slice(2)) > 0;
  });
}

interface StoredMeta {
  width: number;
  height: number;
  widths: number[];
  byteSize: number;
  placeholder: string;
}

/**
 * Demo data: stores an image under a fixed key once; later runs (fresh databases over the same
 * storage) find the copies and a small meta.json there and only write the MediaAsset row.
 */
export async function storeImageOnce(db: DbTx, input: StoreImageInput & { storageKey: string }): Promise<StoredImage> {
  const storage = getMediaStorage();
  const metaKey = `${input.storageKey}/meta.json`;
  const cached = await storage.get(metaKey);
  if (cached) {
    const meta = JSON.parse(cached.toString("utf8")) as StoredMeta;
    const asset = await db.mediaAsset.create({
      data: {
        vendorId: input.vendorId ?? null, storageKey: input.storageKey, originalName: cleanFileName(input.fileName), width: meta.width,
        height: meta.height, byteSize: meta.byteSize, widths: meta.widths, formats: ["webp", "avif"], placeholder: meta.placeholder,
      },
    });
    return { id: asset.id, storageKey: input.storageKey, width: asset.width, height: asset.height, placeholder: asset.placeholder, src: mediaSrc(input.storageKey) };
  }
  const stored = await storeImage(db, null, input);
  const row = await db.mediaAsset.findUniqueOrThrow({ where: { id: stored.id } });
  const meta: StoredMeta = { width: row.width, height: row.height, widths: row.widths, byteSize: row.byteSize, placeholder: row.placeholder };
  await storage.put(metaKey, Buffer.from(JSON.stringify(meta)), "application/json");
  return stored;
}
