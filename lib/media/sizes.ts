// Image sizes shared by the server (which copies it makes), next.config.ts (deviceSizes and
// imageSizes) and the next/image loader. Client-safe: no server imports.

/** The fixed ladder of WebP widths stored for each upload (only those below the image's width). */
export const WIDTH_LADDER = [160, 320, 640, 960, 1280, 1920] as const;

/** Uploads are scaled down to at most this width; the full-size copy is served for 2048 requests. */
export const MAX_IMAGE_WIDTH = 2048;

/** Widths next/image asks for: `imageSizes` for small fixed images, `deviceSizes` for layout widths. */
export const IMAGE_SIZES = [160, 320];
export const DEVICE_SIZES = [640, 960, 1280, 1920, MAX_IMAGE_WIDTH];

/** Every width a /media URL may name (others are 404 so caches hold few copies). */
export const REQUESTABLE_WIDTHS: readonly number[] = [...IMAGE_SIZES, ...DEVICE_SIZES];

/** The public path of an uploaded image (append "/<width>" for one size). */
export function mediaSrc(storageKey: string): string {
  return `/media/${storageKey}`;
}

/** Is this a /media path built by mediaSrc()? */
export function isMediaSrc(src: string): boolean {
  return /^\/media\/[a-z0-9]+$/.test(src);
}
