// A product thumbnail in the cart and wishlist (a neutral square when the product has no picture).
import { MediaImage } from "@/components/media/media-image";
import { cn } from "@/components/ui";
import { mediaSrc } from "@/lib/media/sizes";
import type { ImageRef } from "@/server/modules/cart";

export function CartThumb({ image, className }: { image: ImageRef | null; className?: string }) {
  return (
    <div className={cn("relative shrink-0 overflow-hidden rounded-lg border border-neutral-200 bg-neutral-100", className)}>
      {image ? (
        <MediaImage
          src={mediaSrc(image.storageKey)}
          alt=""
          width={image.width}
          height={image.height}
          placeholder={image.placeholder}
          sizes="160px"
          className="size-full object-cover"
        />
      ) : (
        <svg viewBox="0 0 24 24" className="absolute inset-0 m-auto size-8 text-neutral-400" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
          <path d="M4 5h16v14H4zM4 15l4-4 4 4 3-3 5 5M15 9h.01" />
        </svg>
      )}
    </div>
  );
}
