// Inputs of the content module (banners and posters), shared by its router and the admin form.
// Error messages are keys under "errors" in messages/*.json. Client-safe: no server imports.
import { z } from "zod";
import { locales } from "@/lib/i18n/routing";

export const BANNER_PLACEMENTS = ["HOME_HERO", "HOME_STRIP", "CATEGORY_TOP"] as const;
export type BannerPlacementValue = (typeof BANNER_PLACEMENTS)[number];

export const BANNER_TITLE_MAX = 80;
export const BANNER_SUBTITLE_MAX = 160;
export const BANNER_LINK_MAX = 500;

const Id = z.string().min(1).max(50);

/**
 * A banner's link: a path on this site ("/c/electronics", not "//host" which browsers read as
 * another host) or an absolute https URL. Anything else (javascript:, data:, http:) is refused.
 */
export function isSafeBannerLink(value: string): boolean {
  if (value.length === 0 || value.length > BANNER_LINK_MAX) return false;
  // Control characters and whitespace can smuggle schemes past naive parsers ("java\tscript:").
  if (/[\s\u0000-\u001f\u007f\\]/.test(value)) return false;
  if (value.startsWith("/")) return !value.startsWith("//");
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname.length > 0 && !url.username && !url.password;
  } catch {
    return false;
  }
}

const BannerFields = z.object({
  placement: z.enum(BANNER_PLACEMENTS),
  categoryId: Id.nullable().default(null),
  title: z.string().trim().min(1, { error: "validation.required" }).max(BANNER_TITLE_MAX, { error: "validation.tooLong" }),
  subtitle: z.string().trim().max(BANNER_SUBTITLE_MAX, { error: "validation.tooLong" }).default(""),
  linkUrl: z.string().trim().min(1, { error: "validation.required" }).max(BANNER_LINK_MAX, { error: "validation.tooLong" })
    .refine(isSafeBannerLink, { error: "content.linkInvalid" }),
  imageId: Id,
  /** Locales the banner targets; empty = every locale. */
  locales: z.array(z.enum(locales, { error: "content.localeInvalid" })).max(locales.length).default([])
    .transform((list) => locales.filter((l) => list.includes(l))),
  startsAt: z.date().nullable().default(null),
  endsAt: z.date().nullable().default(null),
  position: z.number().int().min(0).max(9999).default(0),
  active: z.boolean().default(true),
});

type Fields = z.infer<typeof BannerFields>;

function checkBanner(banner: Fields, ctx: z.RefinementCtx) {
  if (banner.startsAt && banner.endsAt && banner.endsAt.getTime() <= banner.startsAt.getTime()) {
    ctx.addIssue({ code: "custom", path: ["endsAt"], message: "content.endBeforeStart" });
  }
  if (banner.placement === "CATEGORY_TOP" && !banner.categoryId) {
    ctx.addIssue({ code: "custom", path: ["categoryId"], message: "content.categoryRequired" });
  }
  if (banner.placement !== "CATEGORY_TOP" && banner.categoryId) {
    ctx.addIssue({ code: "custom", path: ["categoryId"], message: "content.categoryNotAllowed" });
  }
}

export const CreateBannerInput = BannerFields.superRefine(checkBanner);
export type CreateBannerInput = z.infer<typeof CreateBannerInput>;

export const UpdateBannerInput = BannerFields.extend({ bannerId: Id }).superRefine(checkBanner);
export type UpdateBannerInput = z.infer<typeof UpdateBannerInput>;

export const BannerIdInput = z.object({ bannerId: Id });
export type BannerIdInput = z.infer<typeof BannerIdInput>;

export const SetBannerActiveInput = z.object({ bannerId: Id, active: z.boolean() });
export type SetBannerActiveInput = z.infer<typeof SetBannerActiveInput>;

/** The complete new order of one placement's banners (all of them, first shown first). */
export const ReorderBannersInput = z.object({ placement: z.enum(BANNER_PLACEMENTS), bannerIds: z.array(Id).min(1).max(500) });
export type ReorderBannersInput = z.infer<typeof ReorderBannersInput>;

export const LiveBannersInput = z.object({
  placement: z.enum(BANNER_PLACEMENTS),
  locale: z.enum(locales),
  categoryId: Id.optional(),
  limit: z.number().int().min(1).max(20).default(10),
});
export type LiveBannersInput = z.input<typeof LiveBannersInput>;

export const CategoryOptionsInput = z.object({ locale: z.enum(locales) });

export type BannerState = "live" | "scheduled" | "expired" | "inactive";

/** Where a banner stands at `now`: switched off, waiting for its start, past its end, or live. */
export function bannerState(banner: { active: boolean; startsAt: Date | null; endsAt: Date | null }, now: Date): BannerState {
  if (!banner.active) return "inactive";
  if (banner.endsAt && banner.endsAt.getTime() <= now.getTime()) return "expired";
  if (banner.startsAt && banner.startsAt.getTime() > now.getTime()) return "scheduled";
  return "live";
}
