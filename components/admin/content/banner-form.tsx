"use client";
// Creates or edits a banner: image (a platform upload), placement, category for CATEGORY_TOP,
// texts, link, target languages, schedule (UTC) and order, with a live preview of how it shows.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { ImageUploader, type UploadedAsset } from "@/components/media/image-uploader";
import { MediaImage } from "@/components/media/media-image";
import { HeroSlide, PosterCard, CategoryStrip, type BannerView } from "@/components/storefront/banner-slide";
import { Alert, Button, buttonClasses, Card, Checkbox, Field, Input, Select, Textarea, useToast } from "@/components/ui";
import { Link, useRouter } from "@/lib/i18n/navigation";
import { localeNames, locales, rtlLocales, type Locale } from "@/lib/i18n/routing";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";
import {
  BANNER_LINK_MAX, BANNER_PLACEMENTS, BANNER_SUBTITLE_MAX, BANNER_TITLE_MAX, type BannerPlacementValue,
} from "@/server/modules/content/content.schema";

export interface BannerFormValues {
  id: string;
  placement: BannerPlacementValue;
  categoryId: string | null;
  title: string;
  subtitle: string;
  linkUrl: string;
  locales: string[];
  /** ISO strings. */
  startsAt: string | null;
  endsAt: string | null;
  position: number;
  active: boolean;
  image: { id: string; src: string; width: number; height: number; placeholder: string };
}

const isRtl = (l: string) => rtlLocales.has(l as Locale);

/** "2026-11-22T09:30" (datetime-local, read as UTC) ⇄ Date. */
const toInput = (iso: string | null) => (iso ? new Date(iso).toISOString().slice(0, 16) : "");
const fromInput = (value: string) => (value ? new Date(`${value}:00.000Z`) : null);

export function BannerForm({ banner, categories }: { banner?: BannerFormValues; categories: { id: string; name: string; depth: number }[] }) {
  const t = useTranslations("adminContent");
  const tc = useTranslations("common");
  const tb = useTranslations("storefrontBanners");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const id = useId();

  const [placement, setPlacement] = useState<BannerPlacementValue>(banner?.placement ?? "HOME_HERO");
  const [categoryId, setCategoryId] = useState(banner?.categoryId ?? "");
  const [title, setTitle] = useState(banner?.title ?? "");
  const [subtitle, setSubtitle] = useState(banner?.subtitle ?? "");
  const [linkUrl, setLinkUrl] = useState(banner?.linkUrl ?? "");
  const [targets, setTargets] = useState<Set<string>>(new Set(banner?.locales ?? []));
  const [startsAt, setStartsAt] = useState(toInput(banner?.startsAt ?? null));
  const [endsAt, setEndsAt] = useState(toInput(banner?.endsAt ?? null));
  const [position, setPosition] = useState(String(banner?.position ?? 0));
  const [active, setActive] = useState(banner?.active ?? true);
  const [image, setImage] = useState<BannerFormValues["image"] | null>(banner?.image ?? null);

  const done = () => {
    toast({ title: banner ? t("saved") : t("created"), tone: "success" });
    router.push("/admin/content/banners");
    router.refresh();
  };
  const create = useMutation(trpc.content.createBanner.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.content.updateBanner.mutationOptions({ onSuccess: done }));
  const mutation = banner ? update : create;
  const error = mutation.error;
  const [imageMissing, setImageMissing] = useState(false);
  const fieldError = (name: string) => errors.field(error, name);
  const FIELDS = ["placement", "categoryId", "title", "subtitle", "linkUrl", "imageId", "startsAt", "endsAt", "position", "active"];
  const hasFieldError = FIELDS.some((f) => fieldError(f)) || Object.keys((error as { data?: { fieldErrors?: object } } | null)?.data?.fieldErrors ?? {}).some((k) => k.startsWith("locales"));
  const generalError = error && !hasFieldError ? errors.message(error) : error ? t("fixErrors") : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!image) {
      setImageMissing(true);
      return;
    }
    const input = {
      placement,
      categoryId: placement === "CATEGORY_TOP" ? categoryId || null : null,
      title,
      subtitle,
      linkUrl,
      imageId: image.id,
      locales: locales.filter((l) => targets.has(l)),
      startsAt: fromInput(startsAt),
      endsAt: fromInput(endsAt),
      position: Number.parseInt(position, 10) || 0,
      active,
    };
    if (banner) update.mutate({ bannerId: banner.id, ...input });
    else create.mutate(input);
  }

  const view: BannerView = {
    title: title || t("previewTitle"),
    subtitle,
    linkUrl: "/",
    image: image ? { src: image.src, width: image.width, height: image.height, placeholder: image.placeholder } : null,
  };

  // A banner only for right-to-left languages is previewed right to left, as shoppers see it.
  const previewDir = targets.size > 0 && [...targets].every((l) => isRtl(l)) ? "rtl" : undefined;
  const preview = (phone: boolean) =>
    placement === "HOME_HERO" ? (
      <HeroSlide banner={view} cta={tb("shopNow")} preview />
    ) : placement === "HOME_STRIP" ? (
      <div className={phone ? "" : "max-w-96"}>
        <PosterCard banner={view} preview />
      </div>
    ) : (
      <CategoryStrip banner={view} cta={tb("discover")} preview />
    );

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby={`${id}-preview`}>
        <h2 id={`${id}-preview`} className="mb-1 text-lg font-semibold">
          {t("preview")}
        </h2>
        <p className="mb-3 text-sm text-neutral-600">{t("previewHint")}</p>
        {/* A picture of the result; the fields above say the same to assistive technology. */}
        <div aria-hidden="true" dir={previewDir} className="grid items-start gap-4 rounded-xl border border-dashed border-neutral-300 bg-neutral-50 p-3 lg:grid-cols-[minmax(0,1fr)_18rem]">
          <figure className="min-w-0">
            <figcaption className="mb-1.5 text-xs font-medium text-neutral-600">{t("previewWide")}</figcaption>
            {preview(false)}
          </figure>
          <figure className="w-full max-w-72">
            <figcaption className="mb-1.5 text-xs font-medium text-neutral-600">{t("previewPhone")}</figcaption>
            {preview(true)}
          </figure>
        </div>
      </section>
      <form id={id} onSubmit={submit} noValidate className="flex max-w-3xl flex-col gap-5">
        {generalError ? <Alert tone="danger">{generalError}</Alert> : null}
        <Card className="flex flex-col gap-4 p-5">
          <fieldset className="flex flex-col gap-3">
            <legend className="mb-2 text-sm font-medium text-neutral-900">
              {t("image")}
              <span aria-hidden="true" className="ms-0.5 text-danger-700">*</span>
            </legend>
            {image ? (
              <MediaImage
                src={image.src}
                alt={t("currentImage")}
                width={image.width}
                height={image.height}
                placeholder={image.placeholder}
                sizes="448px"
                className="aspect-[8/3] w-full max-w-md rounded-lg object-cover ring-1 ring-neutral-200"
              />
            ) : null}
            <p className="text-sm text-neutral-600">{t(`imageHint.${placement}`)}</p>
            <ImageUploader
              purpose="platform"
              onUploaded={(asset: UploadedAsset) => {
                setImage({ id: asset.id, src: asset.src, width: asset.width, height: asset.height, placeholder: asset.placeholder });
                setImageMissing(false);
              }}
            />
            {imageMissing || fieldError("imageId") ? (
              <p role="alert" className="text-sm font-medium text-danger-700">
                {imageMissing ? t("imageRequired") : fieldError("imageId")}
              </p>
            ) : null}
          </fieldset>
        </Card>

        <Card className="flex flex-col gap-4 p-5">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id={`${id}-placement`} label={t("placementLabel")} error={fieldError("placement")} required>
              {(c) => (
                <Select {...c} name="placement" value={placement} onChange={(e) => setPlacement(e.target.value as BannerPlacementValue)}>
                  {BANNER_PLACEMENTS.map((p) => (
                    <option key={p} value={p}>
                      {t(`placement.${p}`)}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            {placement === "CATEGORY_TOP" ? (
              <Field id={`${id}-category`} label={t("category")} hint={t("categoryHint")} error={fieldError("categoryId")} required>
                {(c) => (
                  <Select {...c} name="categoryId" value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
                    <option value="">{t("chooseCategory")}</option>
                    {categories.map((cat) => (
                      <option key={cat.id} value={cat.id}>
                        {"\u00a0\u00a0".repeat(cat.depth)}
                        {cat.name}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
            ) : null}
          </div>
          <Field id={`${id}-title`} label={t("titleLabel")} error={fieldError("title")} required>
            {(c) => <Input {...c} name="title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={BANNER_TITLE_MAX} dir="auto" autoComplete="off" />}
          </Field>
          <Field id={`${id}-subtitle`} label={t("subtitleLabel")} error={fieldError("subtitle")}>
            {(c) => <Textarea {...c} name="subtitle" rows={2} value={subtitle} onChange={(e) => setSubtitle(e.target.value)} maxLength={BANNER_SUBTITLE_MAX} dir="auto" />}
          </Field>
          <Field id={`${id}-link`} label={t("linkLabel")} hint={t("linkHint")} error={fieldError("linkUrl")} required>
            {(c) => <Input {...c} name="linkUrl" value={linkUrl} onChange={(e) => setLinkUrl(e.target.value)} maxLength={BANNER_LINK_MAX} dir="ltr" inputMode="url" autoComplete="off" placeholder="/c/electronics" />}
          </Field>
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-neutral-900">{t("locales")}</legend>
            <p className="mb-2 text-sm text-neutral-600">{t("localesHint")}</p>
            <div className="flex flex-wrap gap-x-5 gap-y-2">
              {locales.map((l) => (
                <Checkbox
                  key={l}
                  id={`${id}-locale-${l}`}
                  name="locales"
                  value={l}
                  checked={targets.has(l)}
                  onChange={(e) => {
                    const next = new Set(targets);
                    if (e.target.checked) next.add(l);
                    else next.delete(l);
                    setTargets(next);
                  }}
                  label={<span lang={l}>{localeNames[l as Locale]}</span>}
                />
              ))}
            </div>
          </fieldset>
        </Card>

        <Card className="flex flex-col gap-4 p-5">
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-neutral-900">{t("schedule")}</legend>
            <p className="mb-3 text-sm text-neutral-600">{t("scheduleHint")}</p>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field id={`${id}-starts`} label={t("startsAt")} hint={t("utcHint")} error={fieldError("startsAt")}>
                {(c) => <Input {...c} type="datetime-local" name="startsAt" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />}
              </Field>
              <Field id={`${id}-ends`} label={t("endsAt")} hint={t("utcHint")} error={fieldError("endsAt")}>
                {(c) => <Input {...c} type="datetime-local" name="endsAt" value={endsAt} min={startsAt || undefined} onChange={(e) => setEndsAt(e.target.value)} />}
              </Field>
            </div>
          </fieldset>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id={`${id}-position`} label={t("position")} hint={t("positionHint")} error={fieldError("position")}>
              {(c) => <Input {...c} type="number" name="position" min={0} max={9999} step={1} value={position} onChange={(e) => setPosition(e.target.value)} />}
            </Field>
            <div className="flex items-center pt-2 sm:pt-7">
              <Checkbox id={`${id}-active`} name="active" checked={active} onChange={(e) => setActive(e.target.checked)} label={t("activeField")} description={t("activeHint")} />
            </div>
          </div>
        </Card>

        <div className="flex flex-wrap gap-2">
          <Button type="submit" loading={mutation.isPending}>
            {banner ? tc("save") : tc("create")}
          </Button>
          <Link href="/admin/content/banners" className={buttonClasses({ variant: "secondary" })}>
            {tc("cancel")}
          </Link>
        </div>
      </form>

    </div>
  );
}
