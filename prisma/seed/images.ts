// Generated product pictures for the demo catalog, stored through the media module like uploads.
// Keys (24 hex digits, like uploads) are derived from the picture and the shop, so a later seeding over the same storage
// (a fresh database, the e2e run) reuses the stored copies instead of encoding them again.
import crypto from "node:crypto";
import sharp from "sharp";
import type { PrismaClient } from "@/prisma/generated/client/client";
import { storeImageOnce } from "@/server/modules/media";

/** Renders `svg` and stores it as an image of the shop; returns the MediaAsset id. */
export async function seedImage(db: PrismaClient, vendor: { id: string; slug: string }, fileName: string, svg: string): Promise<string> {
  const storageKey = crypto.createHash("sha256").update(`seed\n${vendor.slug}\n${svg}`).digest("hex").slice(0, 24);
  const render = async () => sharp(Buffer.from(svg)).png({ compressionLevel: 1 }).toBuffer();
  const asset = await storeImageOnce(db, { bytes: await cachedOrRender(storageKey, render), fileName, vendorId: vendor.id, storageKey });
  return asset.id;
}

// The PNG is only needed when the copies are not stored yet; storeImageOnce ignores it otherwise,
// so skip rendering when meta.json exists.
async function cachedOrRender(storageKey: string, render: () => Promise<Buffer>): Promise<Buffer> {
  const { getMediaStorage } = await import("@/server/modules/media/providers");
  return (await getMediaStorage().exists(`${storageKey}/meta.json`)) ? Buffer.alloc(0) : render();
}
