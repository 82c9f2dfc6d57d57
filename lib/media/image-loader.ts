// next/image loader (next.config.ts: images.loader "custom"): uploaded images are served at
// /media/<key>/<width> by app/media/[...path]/route.ts, which negotiates AVIF/WebP itself.
// Other sources (static files, data: URLs) are returned unchanged.
import { isMediaSrc } from "./sizes";

export default function mediaImageLoader({ src, width }: { src: string; width: number; quality?: number }): string {
  return isMediaSrc(src) ? `${src}/${width}` : src;
}
