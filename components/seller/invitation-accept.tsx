"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert, Button, buttonClasses } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";
import { VENDOR_COOKIE } from "@/lib/vendor-cookie";

/** The seller center opens on the shop just joined (the server still checks membership). */
function rememberShop(vendorId: string) {
  const secure = window.location.protocol === "https:" ? "; secure" : "";
  document.cookie = `${VENDOR_COOKIE}=${encodeURIComponent(vendorId)}; path=/; max-age=31536000; samesite=lax${secure}`;
}

/** The accept button of an invitation; on success opens the new shop in the seller center. */
export function InvitationAccept({ token, vendorId, shop }: { token: string; vendorId: string; shop: string }) {
  const t = useTranslations("invitation");
  const trpc = useTRPC();
  const errors = useErrorMessages();
  const accept = useMutation(
    trpc.vendors.acceptInvitation.mutationOptions({
      onSuccess: () => rememberShop(vendorId),
    }),
  );

  if (accept.isSuccess) {
    return (
      <div className="flex flex-col gap-4" data-testid="invitation-accepted">
        <Alert tone="success" title={t("accepted", { shop })}>
          {t("acceptedBody")}
        </Alert>
        <Link href="/seller" className={buttonClasses({ className: "w-full" })}>
          {t("openSeller")}
        </Link>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      {accept.error ? <Alert tone="danger">{errors.message(accept.error)}</Alert> : null}
      <Button className="w-full" loading={accept.isPending} onClick={() => accept.mutate({ token })} data-testid="accept-invitation">
        {t("accept")}
      </Button>
    </div>
  );
}
