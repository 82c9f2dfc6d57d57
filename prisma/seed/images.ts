// Generated product pictures for the demo catalog, stored through the media module like uploads.
import sharp from "sharp";
import type { PrismaClient } from "@/prisma/generated/client/client";

/** Renders `svg` and stores it as an image of `vendorId`; returns the MediaAsset id. */
export async function seedImage(db: PrismaClient, vendorId: string, fileName: string, svg: string): Promise<string> {
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  // Replaced by the media module's storeImage once it lands.
  const asset = await db.mediaAsset.create({
    data: { vendorId, storageKey: `seed/${vendorId}/${fileName}`, originalName: fileName, width: 1200, height: 1200, byteSize: png.length, widths: [], formats: [] },
  });
  return asset.id;
}
