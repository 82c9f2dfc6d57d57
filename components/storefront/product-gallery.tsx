"use client";
// Main image and thumbnails. Thumbnails are a row of buttons (arrow keys, Home and End move
// along it); choosing a variant with its own picture shows that picture.
import { useTranslations } from "next-intl";
import { useRef, useState, type KeyboardEvent } from "react";
import { cn } from "@/components/ui";
import { ProductImage, type ImageRef } from "./product-image";
import { useSelectedVariant } from "./product-selection";

export type GalleryImage = ImageRef & { alt: string };

export function ProductGallery({ images, title }: { images: GalleryImage[]; title: string }) {
  const t = useTranslations("storefront.gallery");
  const variant = useSelectedVariant();
  const variantImage = variant?.imageIndex ?? null;
  const [index, setIndex] = useState(variantImage ?? 0);
  // Follow the variant's picture when the variant changes (state adjusted during render).
  const [shownFor, setShownFor] = useState(variant?.id);
  if (variant?.id !== shownFor) {
    setShownFor(variant?.id);
    if (variantImage !== null) setIndex(variantImage);
  }
  const thumbs = useRef<(HTMLButtonElement | null)[]>([]);
  const current = images[index] ?? images[0] ?? null;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const rtl = getComputedStyle(event.currentTarget).direction === "rtl";
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1, ArrowDown: 1, ArrowUp: -1 }[event.key];
    let next: number | null = step === undefined ? null : (index + step + images.length) % images.length;
    if (event.key === "Home") next = 0;
    if (event.key === "End") next = images.length - 1;
    if (next === null) return;
    event.preventDefault();
    setIndex(next);
    thumbs.current[next]?.focus();
  };

  return (
    <div className="flex flex-col gap-3" data-testid="product-gallery">
      <div className="overflow-hidden rounded-xl border border-neutral-200 bg-white">
        <ProductImage
          image={current}
          alt={current?.alt ?? title}
          sizes="(min-width: 1024px) 40vw, (min-width: 768px) 50vw, 100vw"
          priority
          cover
          className="aspect-square w-full"
        />
      </div>
      {images.length > 1 && (
        <div role="group" aria-label={t("thumbnails")} onKeyDown={onKeyDown} className="flex gap-2 overflow-x-auto p-0.5">
          {images.map((image, i) => (
            <button
              key={`${image.storageKey}-${i}`}
              ref={(el) => { thumbs.current[i] = el; }}
              type="button"
              tabIndex={i === index ? 0 : -1}
              aria-pressed={i === index}
              aria-label={t("show", { number: i + 1, count: images.length })}
              onClick={() => setIndex(i)}
              className={cn(
                "size-16 shrink-0 overflow-hidden rounded-lg border-2 bg-white sm:size-20",
                i === index ? "border-brand-600" : "border-transparent opacity-80 hover:opacity-100",
              )}
            >
              <ProductImage image={image} alt="" sizes="80px" cover className="size-full" />
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
