// A payout period's statement as a download: CSV (cells neutralised against formula injection,
// like the products export) or PDF (pdfkit with its embedded standard fonts, so it works offline).
import PDFDocument from "pdfkit";
import { minorToDecimal, neutraliseCell } from "@/server/modules/products/products.csv";
import type { StatementLine } from "./ledger.service";

export interface StatementLabels {
  title: string;
  shop: string;
  period: string;
  status: string;
  payoutAmount: string;
  date: string;
  type: string;
  account: string;
  reference: string;
  amount: string;
  currency: string;
  total: string;
  kind: (kind: string) => string;
  accountName: (type: string) => string;
  statusName: (status: string) => string;
}

export interface StatementData {
  payout: { id: string; vendorName: string; periodStart: Date; periodEnd: Date; amount: number; currency: string; status: string };
  lines: StatementLine[];
}

function digitsOf(currency: string) {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** One CSV line: text cells neutralised against formula injection; a plain signed number stays a number. */
function csvLine(cells: string[]): string {
  return cells.map((cell) => {
    const text = /^-?\d+(\.\d+)?$/.test(cell) ? cell : neutraliseCell(cell);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }).join(",") + "\r\n";
}

/** The statement as CSV text (one header row, one row per entry). */
export function statementCsv(data: StatementData, labels: StatementLabels): string {
  const digits = digitsOf(data.payout.currency);
  let out = csvLine([labels.date, labels.type, labels.account, labels.reference, labels.amount, labels.currency]);
  for (const line of data.lines) {
    out += csvLine([line.date.toISOString(), labels.kind(line.kind), labels.accountName(line.account), line.reference, `${line.amount < 0 ? "-" : ""}${minorToDecimal(Math.abs(line.amount), digits)}`, line.currency]);
  }
  return out;
}

/** The statement as a PDF document. */
export function statementPdf(data: StatementData, labels: StatementLabels): Promise<Buffer> {
  const { payout } = data;
  const digits = digitsOf(payout.currency);
  const money = (minor: number) => `${minor < 0 ? "-" : ""}${minorToDecimal(Math.abs(minor), digits)} ${payout.currency}`;
  const doc = new PDFDocument({ size: "A4", margin: 48, info: { Title: `${labels.title} ${payout.id}`, Author: "Bazaar" } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.font("Helvetica-Bold").fontSize(18).text(labels.title);
  doc.moveDown(0.5).font("Helvetica").fontSize(10);
  doc.text(`${labels.shop}: ${payout.vendorName}`);
  doc.text(`${labels.period}: ${day(payout.periodStart)} – ${day(payout.periodEnd)}`);
  doc.text(`${labels.status}: ${labels.statusName(payout.status)}`);
  doc.text(`${labels.payoutAmount}: ${money(payout.amount)}`);
  doc.moveDown();

  const columns = [
    { label: labels.date, x: 48, width: 70 },
    { label: labels.type, x: 120, width: 110 },
    { label: labels.account, x: 232, width: 110 },
    { label: labels.reference, x: 344, width: 110 },
    { label: labels.amount, x: 456, width: 90, align: "right" as const },
  ];
  const row = (cells: string[], bold = false) => {
    if (doc.y > 760) doc.addPage();
    const y = doc.y;
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(9);
    cells.forEach((cell, i) => doc.text(cell, columns[i]!.x, y, { width: columns[i]!.width, align: columns[i]!.align ?? "left", lineBreak: false, ellipsis: true }));
    doc.moveDown(0.6);
  };
  row(columns.map((c) => c.label), true);
  for (const line of data.lines) row([day(line.date), labels.kind(line.kind), labels.accountName(line.account), line.reference, money(line.amount)]);
  const total = data.lines.reduce((s, l) => s + l.amount, 0);
  row([labels.total, "", "", "", money(total)], true);
  doc.end();
  return done;
}
