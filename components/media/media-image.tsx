// An uploaded image (MediaAsset) through next/image: the custom loader (lib/media/image-loader.ts)
// turns its src into a srcset of /media/<key>/<width> URLs, and the blurred placeholder shows
// while it loads. Usable from server and client components.
import Image from "next/image";

export interface MediaImageProps {
  /** The asset's public path, e.g. "/media/3f9c…" (mediaSrc(storageKey)). */
  src: string;
  alt: string;
  /** Intrinsic size (the asset's width/height) — sets the aspect ratio. */
  width: number;
  height: number;
  /** The asset's blurred data: URL, if any. */
  placeholder?: string | null;
  /** How wide it is drawn, e.g. "(min-width: 768px) 33vw, 100vw"; without it a 1x/2x srcset is used. */
  sizes?: string;
  /** Above the fold (LCP): preload and load eagerly. */
  priority?: boolean;
  className?: string;
}

export function MediaImage({ src, alt, width, height, placeholder, sizes, priority, className }: MediaImageProps) {
  return (
    <Image
      src={src}
      alt={alt}
      width={width}
      height={height}
      sizes={sizes}
      preload={priority}
      loading={priority ? "eager" : "lazy"}
      placeholder={placeholder ? "blur" : "empty"}
      blurDataURL={placeholder || undefined}
      className={className}
    />
  );
}
