import { describe, expect, it } from "vitest";
import { statementCsv, statementPdf, type StatementData, type StatementLabels } from "./ledger.statement";

const labels: StatementLabels = {
  title: "Payout statement", shop: "Shop", period: "Period", status: "Status", payoutAmount: "Payout", date: "Date", type: "Type", account: "Account",
  reference: "Reference", amount: "Amount", currency: "Currency", total: "Total", kind: (k) => k, accountName: (a) => a, statusName: (s) => s,
};

const data: StatementData = {
  payout: { id: "payout_1", vendorName: "=HYPERLINK(\"http://evil\")", periodStart: new Date("2026-11-30T00:00:00Z"), periodEnd: new Date("2026-12-07T00:00:00Z"), amount: 4543, currency: "USD", status: "PAID" },
  lines: [
    { date: new Date("2026-12-01T10:00:00Z"), kind: "CHARGE", account: "VENDOR_PENDING", reference: "BZ-260001-1", amount: 4543, currency: "USD" },
    { date: new Date("2026-12-02T10:00:00Z"), kind: "REFUND", account: "VENDOR_PENDING", reference: "=cmd|' /C calc'!A0", amount: -1200, currency: "USD" },
    { date: new Date("2026-12-06T10:00:00Z"), kind: "PAYOUT", account: "VENDOR_AVAILABLE", reference: "payout_1", amount: -3343, currency: "USD" },
  ],
};

describe("payout statements", () => {
  it("CSV: decimal amounts, and cells a spreadsheet would run as formulas are neutralised", () => {
    const csv = statementCsv(data, labels);
    const rows = csv.trimEnd().split("\r\n");
    expect(rows[0]).toBe("Date,Type,Account,Reference,Amount,Currency");
    expect(rows[1]).toBe("2026-12-01T10:00:00.000Z,CHARGE,VENDOR_PENDING,BZ-260001-1,45.43,USD");
    expect(rows[2]).toContain(`'=cmd|' /C calc'!A0`);
    expect(rows[2]).toMatch(/,-12\.00,USD$/); // a plain negative number stays a number
    expect(statementCsv({ ...data, lines: [{ ...data.lines[0]!, reference: "-2+3" }] }, labels)).toContain("'-2+3");
    expect(rows).toHaveLength(4);
  });

  it("PDF: produced offline with the embedded standard fonts", async () => {
    const pdf = await statementPdf(data, labels);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.subarray(-6).toString()).toContain("%%EOF");
    expect(pdf.length).toBeGreaterThan(1000);
  });
});
