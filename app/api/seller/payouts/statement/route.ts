// GET /api/seller/payouts/statement?vendorId=…&payoutId=…&format=csv|pdf&locale=…: one payout
// period's statement as a download (the vendor's payouts.read permission, checked by the service).
import { getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/i18n/routing";
import { actorOf, getAuthSession } from "@/server/auth";
import { db } from "@/server/db";
import { AppError } from "@/server/lib/errors";
import { requestMetaFrom } from "@/server/lib/request-meta";
import { payoutStatement } from "@/server/modules/ledger";
import { statementCsv, statementPdf, type StatementLabels } from "@/server/modules/ledger/ledger.statement";

// The PDF uses pdfkit's embedded standard fonts (Latin only): Arabic and Chinese statements are printed in English.
const PDF_LOCALES = new Set(["en", "es", "fr"]);

export async function GET(request: Request) {
  const url = new URL(request.url);
  const vendorId = url.searchParams.get("vendorId") ?? "";
  const payoutId = url.searchParams.get("payoutId") ?? "";
  const format = url.searchParams.get("format") === "pdf" ? "pdf" : "csv";
  const requested = url.searchParams.get("locale") ?? "en";
  const locale = isLocale(requested) ? (format === "pdf" && !PDF_LOCALES.has(requested) ? "en" : requested) : "en";
  const session = await getAuthSession();
  if (!session) return Response.json({ messageKey: "auth.signInRequired" }, { status: 401 });
  let statement;
  try {
    statement = await payoutStatement(db, actorOf(session, requestMetaFrom(request.headers)), { vendorId, payoutId });
  } catch (error) {
    if (error instanceof AppError) return Response.json({ messageKey: error.messageKey }, { status: error.code === "NOT_FOUND" ? 404 : 403 });
    throw error;
  }
  const t = await getTranslations({ locale, namespace: "sellerFinance" });
  const labels: StatementLabels = {
    title: t("statement.title"), shop: t("statement.shop"), period: t("statement.period"), status: t("statement.status"), payoutAmount: t("statement.payoutAmount"),
    date: t("statement.date"), type: t("statement.type"), account: t("statement.account"), reference: t("statement.reference"), amount: t("statement.amount"),
    currency: t("statement.currency"), total: t("statement.total"),
    kind: (kind) => t(`kind.${kind}` as "kind.CHARGE"), accountName: (type) => t(`account.${type}` as "account.VENDOR_PENDING"), statusName: (status) => t(`payoutStatus.${status}` as "payoutStatus.PAID"),
  };
  const name = `statement-${statement.payout.periodEnd.toISOString().slice(0, 10)}-${statement.payout.id.slice(-6)}`;
  const headers = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
  if (format === "pdf") {
    const pdf = await statementPdf(statement, labels);
    return new Response(new Uint8Array(pdf), { headers: { ...headers, "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${name}.pdf"` } });
  }
  return new Response(statementCsv(statement, labels), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}.csv"` } });
}
