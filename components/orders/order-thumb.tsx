// A bought line's picture (the snapshot's media key), or a neutral square.
import { MediaImage } from "@/components/media/media-image";
import { cn } from "@/components/ui";
import { mediaSrc } from "@/lib/media/sizes";

export function OrderThumb({ imageKey, alt = "", className }: { imageKey: string | null; alt?: string; className?: string }) {
  return (
    <div className={cn("relative size-16 shrink-0 overflow-hidden rounded-lg border border-neutral-200 bg-neutral-100", className)}>
      {imageKey ? (
        <MediaImage src={mediaSrc(imageKey)} alt={alt} width={160} height={160} sizes="160px" className="size-full object-cover" />
      ) : (
        <svg viewBox="0 0 24 24" className="absolute inset-0 m-auto size-6 text-neutral-400" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
          <path d="M4 5h16v14H4zM4 15l4-4 4 4 3-3 5 5M15 9h.01" />
        </svg>
      )}
    </div>
  );
}
