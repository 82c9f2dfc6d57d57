// The one place product and shop images are drawn, from the ImageRef the storefront readers
// return, through the media module's next/image wrapper (sized copies, blurred placeholder).
// Without an image it draws a neutral box of the same shape.
import { MediaImage } from "@/components/media/media-image";
import { cn } from "@/components/ui";
import { mediaSrc } from "@/lib/media/sizes";

export interface ImageRef {
  storageKey: string;
  placeholder: string;
  width: number;
  height: number;
}

export interface ProductImageProps {
  image: ImageRef | null;
  alt: string;
  /** How wide it is drawn, e.g. "(min-width: 1024px) 20vw, 50vw". */
  sizes: string;
  /** Above the fold (LCP): preload and load eagerly. */
  priority?: boolean;
  /** Box aspect ratio when there is no image (width / height). Default 1. */
  fallbackRatio?: number;
  /** Crop to the box the className sizes (e.g. aspect-square) instead of keeping the image's ratio. */
  cover?: boolean;
  /** Shown instead of the generic picture icon when there is no image (a shop's initial). */
  fallbackText?: string;
  className?: string;
}

export function ProductImage({ image, alt, sizes, priority, fallbackRatio = 1, cover, fallbackText, className }: ProductImageProps) {
  if (!image || image.width <= 0 || image.height <= 0) {
    return (
      <div
        className={cn("flex items-center justify-center overflow-hidden bg-neutral-100 text-neutral-400", className)}
        style={{ aspectRatio: cover ? undefined : String(fallbackRatio) }}
      >
        {fallbackText ? (
          <span aria-hidden="true" className="text-[length:inherit] font-semibold text-neutral-600">{fallbackText}</span>
        ) : (
          <svg aria-hidden="true" viewBox="0 0 24 24" className="size-1/4 max-h-12 max-w-12" fill="none" stroke="currentColor" strokeWidth="1.5">
            <rect x="3" y="4" width="18" height="16" rx="2" />
            <path d="m3 16 5-5 4 4 3-3 6 6M15.5 9.5h.01" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        )}
      </div>
    );
  }
  return (
    <div className={cn("overflow-hidden bg-neutral-100", className)} style={{ aspectRatio: cover ? undefined : `${image.width} / ${image.height}` }}>
      <MediaImage
        src={mediaSrc(image.storageKey)}
        alt={alt}
        width={image.width}
        height={image.height}
        placeholder={image.placeholder}
        sizes={sizes}
        priority={priority}
        className="size-full object-cover"
      />
    </div>
  );
}

/** Absolute URL of one width of an image (Open Graph, JSON-LD). */
export function imageUrl(base: string, image: Pick<ImageRef, "storageKey">, width: number): string {
  return `${base.replace(/\/+$/, "")}${mediaSrc(image.storageKey)}/${width}`;
}
