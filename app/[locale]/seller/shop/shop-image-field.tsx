"use client";
// The shop's logo or banner: the current image, an uploader that saves the new one right away
// (updateShopProfile with logoId/bannerId), and a button to remove it.

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { ImageUploader } from "@/components/media/image-uploader";
import { MediaImage } from "@/components/media/media-image";
import { Button, cn, useToast } from "@/components/ui";
import { useRouter } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";

export interface ShopImage {
  src: string;
  width: number;
  height: number;
  placeholder: string;
}

export function ShopImageField({ vendorId, kind, label, shopName, image }: { vendorId: string; kind: "logo" | "banner"; label: string; shopName: string; image: ShopImage | null }) {
  const t = useTranslations("sellerProducts.shopImages");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const [refreshing, startTransition] = useTransition();
  const save = useMutation(trpc.vendors.updateShopProfile.mutationOptions());
  const field = kind === "logo" ? "logoId" : "bannerId";

  function set(id: string | null) {
    save.mutate(
      { vendorId, [field]: id },
      {
        onSuccess: () => {
          toast({ title: id ? t(`${kind}Saved`) : t(`${kind}Removed`), tone: "success" });
          startTransition(() => router.refresh());
        },
        onError: (error) => toast({ title: errors.message(error), tone: "danger" }),
      },
    );
  }

  const box = kind === "logo" ? "size-24 rounded-xl" : "aspect-[3/1] w-full rounded-xl";
  return (
    <div className="flex flex-col gap-2" data-testid={`shop-${kind}`} aria-busy={save.isPending || refreshing || undefined}>
      <p className="text-sm font-medium text-neutral-900">{label}</p>
      {image ? (
        <div className={cn(box, "overflow-hidden border border-neutral-200 bg-neutral-50")}>
          <MediaImage
            src={image.src}
            alt={t(`${kind}Alt`, { shop: shopName })}
            width={image.width}
            height={image.height}
            placeholder={image.placeholder}
            sizes={kind === "logo" ? "96px" : "(min-width: 1280px) 30vw, 90vw"}
            className="size-full object-cover"
          />
        </div>
      ) : (
        <div
          className={cn(box, "flex items-center justify-center border-2 border-dashed border-neutral-300 bg-neutral-50 px-4 text-center text-neutral-500", kind === "logo" ? "text-2xl font-bold" : "text-sm")}
          aria-hidden="true"
        >
          <bdi>{kind === "logo" ? shopName.slice(0, 1).toUpperCase() : shopName}</bdi>
        </div>
      )}
      <ImageUploader purpose="shop" vendorId={vendorId} onUploaded={(asset) => set(asset.id)} />
      {image ? (
        <div>
          <Button variant="ghost" size="sm" className="text-danger-700!" loading={save.isPending} onClick={() => set(null)}>
            {t(`${kind}Remove`)}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
