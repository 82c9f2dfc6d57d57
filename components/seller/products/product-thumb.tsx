import { MediaImage } from "@/components/media/media-image";
import { cn } from "@/components/ui";
import { mediaSrc } from "@/lib/media/sizes";

export interface ThumbImage {
  storageKey: string;
  placeholder: string | null;
  width: number | null;
  height: number | null;
}

/** A small square preview of a product's main image, or a neutral box without one. */
export function ProductThumb({ image, alt = "", className }: { image: ThumbImage | null; alt?: string; className?: string }) {
  const box = cn("size-12 shrink-0 overflow-hidden rounded-md border border-neutral-200 bg-neutral-100", className);
  if (!image) {
    return (
      <span className={cn(box, "flex items-center justify-center text-neutral-400")} aria-hidden="true">
        <svg className="size-5" viewBox="0 0 20 20" fill="currentColor" focusable="false">
          <path fillRule="evenodd" d="M1 5.25A2.25 2.25 0 0 1 3.25 3h13.5A2.25 2.25 0 0 1 19 5.25v9.5A2.25 2.25 0 0 1 16.75 17H3.25A2.25 2.25 0 0 1 1 14.75v-9.5Zm1.5 5.81v3.69c0 .41.34.75.75.75h13.5a.75.75 0 0 0 .75-.75v-2.69l-2.22-2.22a.75.75 0 0 0-1.06 0l-1.91 1.9.47.47a.75.75 0 1 1-1.06 1.06L6.53 8.09a.75.75 0 0 0-1.06 0l-2.97 2.97ZM12 7a1 1 0 1 1-2 0 1 1 0 0 1 2 0Z" clipRule="evenodd" />
        </svg>
      </span>
    );
  }
  return (
    <span className={box}>
      <MediaImage
        src={mediaSrc(image.storageKey)}
        alt={alt}
        width={image.width ?? 160}
        height={image.height ?? 160}
        placeholder={image.placeholder}
        sizes="48px"
        className="size-full object-cover"
      />
    </span>
  );
}
