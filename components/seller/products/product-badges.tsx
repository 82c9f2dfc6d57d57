import { useTranslations } from "next-intl";
import { Badge, type Tone } from "@/components/ui";

export type ProductStatus = "DRAFT" | "ACTIVE" | "ARCHIVED";
export type ModerationState = "PENDING" | "APPROVED" | "REJECTED" | "BANNED";

const statusTone: Record<ProductStatus, Tone> = { DRAFT: "neutral", ACTIVE: "success", ARCHIVED: "warning" };
const moderationTone: Record<ModerationState, Tone> = { PENDING: "info", APPROVED: "success", REJECTED: "danger", BANNED: "danger" };

/** The product's own status (draft, active, archived). */
export function ProductStatusBadge({ status }: { status: ProductStatus }) {
  const t = useTranslations("sellerProducts");
  return <Badge tone={statusTone[status]}>{t(`status.${status}`)}</Badge>;
}

/** The marketplace's review state; a rejection shows its reason, a ban says what it means. */
export function ModerationBadge({ moderation, reason, detailed = true }: { moderation: ModerationState; reason?: string | null; detailed?: boolean }) {
  const t = useTranslations("sellerProducts");
  // The reason is staff text in any language: isolate it so it reads right in either direction.
  const isolated = reason ? `\u2068${reason}\u2069` : "";
  return (
    <div className="flex flex-col items-start gap-1">
      <Badge tone={moderationTone[moderation]}>{t(`moderation.${moderation}`)}</Badge>
      {detailed && moderation === "REJECTED" && reason ? (
        <p className="max-w-xs text-xs text-danger-800">{t("moderationReason", { reason: isolated })}</p>
      ) : null}
      {detailed && moderation === "BANNED" ? (
        <p className="max-w-xs text-xs text-danger-800">
          {t("bannedExplained")}
          {reason ? ` ${t("moderationReason", { reason: isolated })}` : ""}
        </p>
      ) : null}
    </div>
  );
}
