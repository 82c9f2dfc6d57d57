// The receipt of a captured payment as a PDF, drawn with pdfkit's embedded standard fonts, so it
// is produced offline with nothing to download. Those fonts cover Latin scripts only: Arabic and
// Chinese receipts are printed in English (the HTML receipt is in every language).
import PDFDocument from "pdfkit";
import { createTranslator } from "use-intl/core";
import { loadMessages } from "@/lib/i18n/messages";
import { isLocale, type Locale } from "@/lib/i18n/routing";
import { formatMoney } from "@/lib/money";
import type { DbTx } from "@/server/db";
import { getReceipt, type Receipt } from "./payments.reads";

const PDF_LOCALES = new Set<Locale>(["en", "es", "fr"]);
const CARD_BRANDS: Record<string, string> = { visa: "Visa", mastercard: "Mastercard", amex: "American Express", discover: "Discover" };

/** The locale a PDF is printed in: the one asked for when the fonts can draw it, else English. */
export function pdfLocale(requested: string | null | undefined): Locale {
  return requested && isLocale(requested) && PDF_LOCALES.has(requested) ? requested : "en";
}

// WinAnsi (the standard fonts' encoding) has no narrow/thin spaces or bidi marks.
const winAnsi = (text: string) => text.replace(/[\u202f\u2009\u2007]/g, " ").replace(/[\u2066-\u2069\u200e\u200f]/g, "");

/** Draws a receipt (already read for its owner) in `locale`. */
export async function receiptPdf(receipt: Receipt, requestedLocale: string): Promise<Buffer> {
  const locale = pdfLocale(requestedLocale);
  const t = createTranslator({ locale, messages: await loadMessages(locale) });
  const money = (minor: number) => winAnsi(formatMoney(minor, receipt.currency, locale));
  const date = (d: Date) => winAnsi(new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(d)) + " UTC";
  const order = receipt.order;
  const doc = new PDFDocument({ size: "A4", margin: 48, info: { Title: `${t("accountPayments.receipt.title")} ${order.number}`, Author: "Bazaar" } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const text = (value: string) => winAnsi(value);
  const left = 48;
  const width = doc.page.width - 96;

  doc.font("Helvetica-Bold").fontSize(20).fillColor("#c2410c").text("Bazaar", left);
  doc.fillColor("#18181b").fontSize(16).text(text(t("accountPayments.receipt.title")));
  doc.moveDown(0.5).font("Helvetica").fontSize(10);
  const field = (label: string, value: string) => doc.font("Helvetica-Bold").text(`${text(label)}: `, { continued: true }).font("Helvetica").text(text(value));
  field(t("accountPayments.receipt.number"), receipt.id);
  field(t("accountPayments.receipt.order"), order.number);
  field(t("accountPayments.receipt.paidOn"), date(receipt.paidAt));
  const card = receipt.card
    ? receipt.card.brand && CARD_BRANDS[receipt.card.brand]
      ? t("paymentRecords.cardWithBrand", { brand: CARD_BRANDS[receipt.card.brand]!, last4: receipt.card.last4 })
      : t("paymentRecords.cardEnding", { last4: receipt.card.last4 })
    : t("orders.paymentMethod.card");
  field(t("accountPayments.receipt.paymentMethod"), card);
  field(t("accountPayments.receipt.billedTo"), `${order.user.name} <${order.user.email}>`);
  doc.moveDown();

  const columns = [
    { x: left, width: width - 250 },
    { x: left + width - 245, width: 45, align: "right" as const },
    { x: left + width - 195, width: 95, align: "right" as const },
    { x: left + width - 95, width: 95, align: "right" as const },
  ];
  const row = (cells: string[], bold = false) => {
    if (doc.y > doc.page.height - 96) doc.addPage();
    const y = doc.y;
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(9);
    let bottom = y;
    cells.forEach((cell, i) => {
      doc.text(text(cell), columns[i]!.x, y, { width: columns[i]!.width, align: columns[i]!.align ?? "left" });
      bottom = Math.max(bottom, doc.y);
    });
    doc.x = left;
    doc.y = bottom + 3;
  };
  const rule = () => doc.moveTo(left, doc.y).lineTo(left + width, doc.y).strokeColor("#e4e4e7").stroke().moveDown(0.3);

  for (const sub of order.subOrders) {
    doc.font("Helvetica-Bold").fontSize(11).text(text(t("accountPayments.receipt.soldBy", { shop: sub.vendor.name })), left);
    doc.font("Helvetica").fontSize(8).fillColor("#52525b").text(sub.number).fillColor("#18181b").moveDown(0.3);
    row([t("accountPayments.receipt.item"), t("accountPayments.receipt.qty"), t("accountPayments.receipt.unitPrice"), t("accountPayments.receipt.amount")], true);
    rule();
    for (const line of sub.lines) row([line.variantTitle ? `${line.title} (${line.variantTitle})` : line.title, String(line.quantity), money(line.unitPrice), money(line.lineTotal)]);
    row(["", "", t("orders.shipping"), sub.shippingTotal === 0 ? t("orders.free") : money(sub.shippingTotal)]);
    if (sub.discountTotal > 0) row(["", "", t("orders.discount"), `-${money(sub.discountTotal)}`]);
    if (sub.taxTotal > 0) row(["", "", t("orders.tax"), money(sub.taxTotal)]);
    doc.moveDown(0.6);
  }

  rule();
  row(["", "", t("orders.subtotal"), money(order.subtotal)]);
  row(["", "", t("orders.shipping"), order.shippingTotal === 0 ? t("orders.free") : money(order.shippingTotal)]);
  if (order.discountTotal > 0) row(["", "", t("orders.discount"), `-${money(order.discountTotal)}`]);
  if (order.taxTotal > 0) row(["", "", t("orders.tax"), money(order.taxTotal)]);
  row(["", "", t("accountPayments.receipt.amountPaid"), money(receipt.amount)], true);
  for (const refund of receipt.refunds) row(["", "", t("accountPayments.receipt.refundOn", { date: winAnsi(new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(refund.createdAt)) }), `-${money(refund.amount)}`]);
  if (receipt.refunds.length > 0) row(["", "", t("accountPayments.receipt.net"), money(receipt.amount - receipt.amountRefunded)], true);

  doc.moveDown(2).font("Helvetica").fontSize(9).fillColor("#52525b").text(text(t("accountPayments.receipt.footer")), left, doc.y, { width });
  doc.end();
  return done;
}

/** The shopper's receipt as a PDF; "not found" for someone else's payment or one not captured. */
export async function receiptPdfFor(db: DbTx, userId: string, paymentId: string, locale: string): Promise<{ pdf: Buffer; orderNumber: string }> {
  const receipt = await getReceipt(db, userId, paymentId);
  return { pdf: await receiptPdf(receipt, locale), orderNumber: receipt.order.number };
}
