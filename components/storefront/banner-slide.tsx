// How one banner looks: the hero slide, the poster and the category banner. Plain markup (no
// hooks) so the storefront's server components and the admin form's live preview share it.
import type { ReactNode } from "react";
import { MediaImage } from "@/components/media/media-image";
import { cn } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { mediaSrc } from "@/lib/media/sizes";

export interface BannerImage {
  /** mediaSrc(storageKey) */
  src: string;
  width: number;
  height: number;
  placeholder?: string | null;
}

export interface BannerView {
  title: string;
  subtitle: string;
  linkUrl: string;
  image: BannerImage | null;
}

/** A banner as the content module's live reader returns it, ready to draw. */
export function toBannerView(b: { title: string; subtitle: string; linkUrl: string; image: { storageKey: string; placeholder: string; width: number; height: number } }): BannerView {
  return { title: b.title, subtitle: b.subtitle, linkUrl: b.linkUrl, image: { src: mediaSrc(b.image.storageKey), width: b.image.width, height: b.image.height, placeholder: b.image.placeholder } };
}

/** The banner as a link (a path on this site gets the locale prefix), or a plain box for previews. */
function BannerLink({ href, className, children, preview, tabIndex }: { href: string; className: string; children: ReactNode; preview?: boolean; tabIndex?: number }) {
  if (preview) return <div className={className}>{children}</div>;
  if (href.startsWith("/")) {
    return (
      <Link href={href} className={className} tabIndex={tabIndex}>
        {children}
      </Link>
    );
  }
  return (
    <a href={href} className={className} rel="noopener" tabIndex={tabIndex}>
      {children}
    </a>
  );
}

function Picture({ image, sizes, priority, className }: { image: BannerImage | null; sizes: string; priority?: boolean; className?: string }) {
  if (!image) return <div aria-hidden="true" className={cn("absolute inset-0 bg-linear-to-br from-brand-700 to-neutral-900", className)} />;
  return (
    <MediaImage
      src={image.src}
      alt=""
      width={image.width}
      height={image.height}
      placeholder={image.placeholder}
      sizes={sizes}
      priority={priority}
      className={cn("absolute inset-0 size-full object-cover", className)}
    />
  );
}

const focusRing = "focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

/**
 * A hero slide: the picture across the width, the text over a dark gradient on the reading
 * side (white on ≥ 70 % black keeps well above 4.5:1 whatever the picture is).
 */
export function HeroSlide({ banner, cta, priority, preview, tabIndex }: { banner: BannerView; cta: string; priority?: boolean; preview?: boolean; tabIndex?: number }) {
  // Sized by its container (not the viewport), so the admin preview lays out like the store.
  return (
    <BannerLink href={banner.linkUrl} preview={preview} tabIndex={tabIndex} className={cn("group @container block rounded-2xl", focusRing)}>
      <div className="relative aspect-[4/3] w-full overflow-hidden rounded-2xl bg-neutral-900 @xl:aspect-[16/7] @4xl:aspect-[16/6]">
        <Picture image={banner.image} sizes="(min-width: 1280px) 1216px, 100vw" priority={priority} className="transition-transform duration-700 group-hover:scale-[1.02] motion-reduce:transition-none motion-reduce:group-hover:scale-100" />
        <div aria-hidden="true" className="absolute inset-0 bg-linear-to-t from-black/80 via-black/45 to-black/10 @xl:bg-linear-to-r @xl:from-black/75 @xl:via-black/40 @xl:to-transparent @xl:rtl:bg-linear-to-l" />
        <div className="absolute inset-x-0 bottom-0 flex flex-col items-start gap-2 p-5 text-white @xl:inset-y-0 @xl:end-auto @xl:w-3/5 @xl:justify-center @xl:p-10 @4xl:p-14">
          <h2 className="text-2xl leading-tight font-bold text-balance drop-shadow-sm @xl:text-4xl @4xl:text-5xl" dir="auto">
            {banner.title}
          </h2>
          {banner.subtitle ? (
            <p className="max-w-prose text-sm text-white/95 @xl:text-lg" dir="auto">
              {banner.subtitle}
            </p>
          ) : null}
          <span className="mt-2 inline-flex min-h-10 items-center gap-1.5 rounded-full bg-white px-5 text-sm font-semibold text-neutral-900 shadow-sm group-hover:bg-brand-50">
            {cta}
            <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 rtl:-scale-x-100" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
              <path d="M4 10h12M11 5l5 5-5 5" />
            </svg>
          </span>
        </div>
      </div>
    </BannerLink>
  );
}

/** A poster of the home strip: a 4:3 picture with its title along the bottom. */
export function PosterCard({ banner, preview }: { banner: BannerView; preview?: boolean }) {
  return (
    <BannerLink href={banner.linkUrl} preview={preview} className={cn("group relative block aspect-[16/9] overflow-hidden rounded-xl bg-neutral-900 sm:aspect-[4/3]", focusRing)}>
      <Picture image={banner.image} sizes="(min-width: 1024px) 400px, (min-width: 640px) 33vw, 100vw" className="transition-transform duration-500 group-hover:scale-[1.03] motion-reduce:transition-none motion-reduce:group-hover:scale-100" />
      <div aria-hidden="true" className="absolute inset-0 bg-linear-to-t from-black/80 via-black/30 to-transparent" />
      <div className="absolute inset-x-0 bottom-0 p-4 text-white">
        <h3 className="text-lg leading-snug font-semibold" dir="auto">
          {banner.title}
        </h3>
        {banner.subtitle ? (
          <p className="mt-0.5 line-clamp-2 text-sm text-white/95" dir="auto">
            {banner.subtitle}
          </p>
        ) : null}
      </div>
    </BannerLink>
  );
}

/** The banner at the top of a category page: wide and short. */
export function CategoryStrip({ banner, cta, preview }: { banner: BannerView; cta: string; preview?: boolean }) {
  return (
    <BannerLink href={banner.linkUrl} preview={preview} className={cn("group @container block rounded-xl", focusRing)}>
      <div className="relative aspect-[2/1] w-full overflow-hidden rounded-xl bg-neutral-900 @lg:aspect-[3/1] @3xl:aspect-[4/1]">
        <Picture image={banner.image} sizes="(min-width: 1280px) 1216px, 100vw" />
        <div aria-hidden="true" className="absolute inset-0 bg-linear-to-r from-black/75 via-black/40 to-transparent rtl:bg-linear-to-l" />
        <div className="absolute inset-y-0 start-0 flex w-4/5 flex-col justify-center gap-1 p-4 text-white @3xl:w-3/5 @3xl:p-8">
          <p className="text-lg leading-tight font-bold @3xl:text-2xl" dir="auto">
            {banner.title}
          </p>
          {banner.subtitle ? (
            <p className="line-clamp-2 text-sm text-white/95" dir="auto">
              {banner.subtitle}
            </p>
          ) : null}
          <span className="mt-1 text-sm font-semibold underline underline-offset-4 group-hover:no-underline">{cta}</span>
        </div>
      </div>
    </BannerLink>
  );
}
