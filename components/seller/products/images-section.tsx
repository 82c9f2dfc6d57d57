"use client";
// The product's images: upload, reorder (buttons, or drag with a mouse), set as main, remove, alt text.

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { MediaImage } from "@/components/media/media-image";
import { Badge, Button, cn, Input } from "@/components/ui";
import { MAX_IMAGES } from "@/server/modules/products/products.schema";
import type { ImageDraft } from "./product-draft";

function move<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

export function ImagesSection({
  images,
  onChange,
  uploader,
  error,
}: {
  images: ImageDraft[];
  onChange: (images: ImageDraft[]) => void;
  /** The upload control (rendered while there is room for more images). */
  uploader: ReactNode;
  error?: string;
}) {
  const t = useTranslations("sellerProducts.editor");
  const [dragging, setDragging] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState("");

  function reorder(from: number, to: number) {
    if (to < 0 || to >= images.length || from === to) return;
    onChange(move(images, from, to));
    setAnnouncement(t("imageMoved", { from: from + 1, to: to + 1 }));
  }

  return (
    <div className="flex flex-col gap-4">
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      {images.length === 0 ? <p className="text-sm text-neutral-600">{t("noImages")}</p> : null}
      <ol className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3" data-testid="product-images">
        {images.map((img, index) => (
          <li
            key={img.mediaId}
            draggable
            onDragStart={(e) => {
              setDragging(index);
              e.dataTransfer.effectAllowed = "move";
            }}
            onDragOver={(e) => {
              if (dragging !== null) e.preventDefault();
            }}
            onDrop={(e) => {
              e.preventDefault();
              if (dragging !== null) reorder(dragging, index);
              setDragging(null);
            }}
            onDragEnd={() => setDragging(null)}
            className={cn("flex gap-3 rounded-lg border border-neutral-200 bg-white p-3", dragging === index && "opacity-50")}
          >
            <div className="relative size-24 shrink-0 cursor-grab overflow-hidden rounded-md bg-neutral-100">
              <MediaImage src={img.src} alt={img.alt} width={img.width} height={img.height} placeholder={img.placeholder} sizes="96px" className="size-full object-cover" />
            </div>
            <div className="flex min-w-0 flex-1 flex-col gap-2">
              <div className="flex items-center justify-between gap-2">
                <span className="text-sm font-medium">{t("imageN", { n: index + 1 })}</span>
                {index === 0 ? <Badge tone="brand">{t("mainImage")}</Badge> : null}
              </div>
              <div>
                <label htmlFor={`image-${img.mediaId}-alt`} className="mb-1 block text-xs font-medium">
                  {t("altText")}
                </label>
                <Input
                  id={`image-${img.mediaId}-alt`}
                  className="min-h-8 py-1"
                  maxLength={200}
                  value={img.alt}
                  onChange={(e) => onChange(images.map((x, i) => (i === index ? { ...x, alt: e.target.value } : x)))}
                />
              </div>
              <div className="flex flex-wrap gap-1">
                <Button size="sm" variant="ghost" disabled={index === 0} onClick={() => reorder(index, index - 1)} aria-label={t("moveEarlierN", { n: index + 1 })}>
                  <span aria-hidden="true" className="inline-block rtl:rotate-180">←</span>
                </Button>
                <Button size="sm" variant="ghost" disabled={index === images.length - 1} onClick={() => reorder(index, index + 1)} aria-label={t("moveLaterN", { n: index + 1 })}>
                  <span aria-hidden="true" className="inline-block rtl:rotate-180">→</span>
                </Button>
                {index > 0 ? (
                  <Button size="sm" variant="ghost" onClick={() => reorder(index, 0)}>
                    {t("setMain")}
                  </Button>
                ) : null}
                <Button size="sm" variant="ghost" className="text-danger-700!" onClick={() => onChange(images.filter((_, i) => i !== index))}>
                  {t("removeImage")}
                  <span className="sr-only"> {index + 1}</span>
                </Button>
              </div>
            </div>
          </li>
        ))}
      </ol>
      {error ? <p className="text-sm font-medium text-danger-700">{error}</p> : null}
      {images.length < MAX_IMAGES ? uploader : <p className="text-sm text-neutral-600">{t("maxImages", { max: MAX_IMAGES })}</p>}
    </div>
  );
}
