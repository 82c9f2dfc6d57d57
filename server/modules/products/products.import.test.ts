import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { AppError } from "@/server/lib/errors";
import { callerFor, createBrand, createCategoryPath, createShop } from "@/test/catalog-factories";
import { csvLine, exportProductsCsv, getImport, neutraliseCell, runImport, startImport, StartImportInput } from "./index";

const HEADER = ["handle", "title", "description", "category", "brand", "status", "currency", "option1_name", "option1_value", "sku", "price", "compare_at_price", "attr:material"];

async function setup() {
  const shop = await createShop(db);
  const [root, leaf] = await createCategoryPath(db, ["Home", "Bedding"]);
  await db.attributeDefinition.create({ data: { categoryId: root!.id, code: "material", names: { en: "Material" }, type: "TEXT" } });
  const brand = await createBrand(db, "Dreamy");
  return { ...shop, leaf: leaf!, brand };
}

async function importCsv(actor: Parameters<typeof startImport>[1], vendorId: string, csv: string) {
  const { importId } = await db.$transaction((tx) => startImport(tx, actor, StartImportInput.parse({ vendorId, fileName: "products.csv", csv })));
  await runImport(db, actor, importId);
  return getImport(db, actor, { vendorId, importId });
}

describe("CSV import", () => {
  it("imports 990 of 1,000 rows and reports the 10 bad ones with their reasons", { timeout: 120_000 }, async () => {
    const { vendor, actor, leaf, brand } = await setup();
    const bad = new Map<number, [string, string]>([
      [10, ["price", "abc"]], [100, ["price", "-5"]], [200, ["price", "12.345"]], [300, ["category", "no-such-category"]],
      [400, ["brand", "no-such-brand"]], [500, ["status", "sold"]], [600, ["title", ""]], [700, ["sku", "bad sku!"]],
      [800, ["compare_at_price", "1.00"]], [900, ["currency", "XYZ"]],
    ]);
    let csv = csvLine(HEADER);
    for (let i = 0; i < 1000; i += 1) {
      const row: Record<string, string> = {
        handle: `pillow-${i}`, title: `Pillow ${i}`, description: "<p>Soft</p>", category: leaf.slug, brand: brand.slug, status: "active", currency: "USD",
        option1_name: "", option1_value: "", sku: `PIL-${i}`, price: "19.99", compare_at_price: "", "attr:material": "cotton",
      };
      const change = bad.get(i);
      if (change) row[change[0]] = change[1];
      csv += csvLine(HEADER.map((h) => row[h]!));
    }
    const result = await importCsv(actor, vendor.id, csv);
    expect(result).toMatchObject({ status: "SUCCEEDED", totalRows: 1000, processedRows: 1000, importedRows: 990, failedRows: 10 });
    expect(result.errors.map((e) => [e.row, e.messageKey])).toEqual([
      [12, "catalogImport.priceInvalid"], [102, "catalogImport.priceInvalid"], [202, "catalogImport.priceInvalid"], [302, "catalogImport.categoryUnknown"],
      [402, "catalogImport.brandUnknown"], [502, "catalogImport.statusInvalid"], [602, "validation.tooShort"], [702, "products.skuInvalid"],
      [802, "products.compareAtTooLow"], [902, "products.currencyInvalid"],
    ]);
    expect(await db.product.count({ where: { vendorId: vendor.id } })).toBe(990);
    expect(await db.product.count({ where: { vendorId: vendor.id, status: "ACTIVE", attributes: { equals: { material: "cotton" } } } })).toBe(990);
  });

  it("refuses a whole product when one of its variant rows is bad, and imports the others", async () => {
    const { vendor, actor, leaf } = await setup();
    const rows = [
      ["duvet", "Duvet", "", leaf.slug, "", "draft", "USD", "Size", "Single", "DUV-S", "49.00", "", ""],
      ["duvet", "", "", "", "", "", "", "", "Double", "DUV-D", "oops", "", ""],
      ["sheet", "Sheet", "", leaf.slug, "", "draft", "USD", "Size", "Single", "SHE-S", "19.00", "", ""],
      ["sheet", "", "", "", "", "", "", "", "Double", "SHE-D", "25.00", "", ""],
    ];
    const result = await importCsv(actor, vendor.id, csvLine(HEADER) + rows.map(csvLine).join(""));
    expect(result).toMatchObject({ importedRows: 2, failedRows: 2 });
    expect(result.errors).toEqual([
      { row: 2, messageKey: "catalogImport.productRefused", params: { row: 2 } },
      { row: 3, column: "price", messageKey: "catalogImport.priceInvalid", params: { value: "oops" } },
    ]);
    const products = await db.product.findMany({ where: { vendorId: vendor.id }, include: { variants: true } });
    expect(products.map((p) => [p.title, p.variants.length, p.minPrice, p.maxPrice])).toEqual([["Sheet", 2, 1900, 2500]]);
  });

  it("updates the product whose slug is the handle, keeping its variants' ids, and round-trips through export", async () => {
    const { vendor, actor, leaf } = await setup();
    await importCsv(actor, vendor.id, csvLine(HEADER) + csvLine(["quilt", "Quilt", "", leaf.slug, "", "active", "USD", "", "", "QUI-1", "80.00", "", "wool"]));
    const before = await db.product.findFirstOrThrow({ where: { vendorId: vendor.id }, include: { variants: true } });
    expect(before.slug).toBe("quilt");
    await importCsv(actor, vendor.id, csvLine(HEADER) + csvLine(["quilt", "Quilt", "", leaf.slug, "", "active", "USD", "", "", "QUI-1", "75.50", "90.00", "wool"]));
    const after = await db.product.findFirstOrThrow({ where: { vendorId: vendor.id }, include: { variants: true } });
    expect([after.id, after.variants[0]!.id, after.variants[0]!.price, after.variants[0]!.compareAtPrice]).toEqual([before.id, before.variants[0]!.id, 7550, 9000]);

    let exported = "";
    for await (const line of exportProductsCsv(db, vendor.id)) exported += line;
    expect(exported.startsWith("\uFEFFhandle,title,description,category,brand,status,currency,")).toBe(true);
    expect(exported).toContain(`quilt,Quilt,,${leaf.slug},,active,USD,,,,,,,QUI-1,75.50,90.00,,,,,,true,wool`);
    // Importing the export changes nothing.
    const again = await importCsv(actor, vendor.id, exported);
    expect(again).toMatchObject({ importedRows: 1, failedRows: 0 });
    expect(await db.product.count({ where: { vendorId: vendor.id } })).toBe(1);
  });

  it("neutralises spreadsheet formulas in exported cells", async () => {
    expect(["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "plain"].map(neutraliseCell))
      .toEqual(["'=HYPERLINK(\"http://x\")", "'+1", "'-2+3", "'@SUM(A1)", "'\tx", "plain"]);
    const { vendor, actor, leaf } = await setup();
    await importCsv(actor, vendor.id, csvLine(HEADER) + csvLine(["evil", "=cmd|' /C calc'!A0", "", leaf.slug, "", "draft", "USD", "", "", "EVIL-1", "1.00", "", ""]));
    let exported = "";
    for await (const line of exportProductsCsv(db, vendor.id)) exported += line;
    expect(exported).toContain(`,'=cmd|' /C calc'!A0,`);
  });

  it("refuses files that are not product CSVs, and other shops' imports", async () => {
    const { vendor, actor } = await setup();
    const start = (csv: string) => db.$transaction((tx) => startImport(tx, actor, StartImportInput.parse({ vendorId: vendor.id, fileName: "x.csv", csv })));
    const keyOf = (p: Promise<unknown>) => p.then(() => null, (e: AppError) => e.messageKey);
    expect(await keyOf(start("title,price\nA,1\n"))).toBe("catalogImport.missingColumn");
    expect(await keyOf(start('handle,title,category,sku,price\n"unterminated,1,2,3,4\n'))).toBe("catalogImport.unreadable");
    expect(await db.catalogImport.count({ where: { vendorId: vendor.id } })).toBe(0);

    const mine = await start(csvLine(["handle", "title", "category", "sku", "price"]) + csvLine(["a", "A", "x", "A-1", "1.00"]));
    const other = await createShop(db);
    const error = await callerFor(db, other.owner).products.getImport({ vendorId: vendor.id, importId: mine.importId }).then(() => null, (e: { code?: string }) => e);
    expect(error?.code).toBe("FORBIDDEN");
    const crossed = await callerFor(db, other.owner).products.getImport({ vendorId: other.vendor.id, importId: mine.importId }).then(() => null, (e: { code?: string }) => e);
    expect(crossed?.code).toBe("NOT_FOUND");
  });

  it("runs an import once even when started twice", async () => {
    const { vendor, actor, leaf } = await setup();
    const { importId } = await db.$transaction((tx) => startImport(tx, actor, StartImportInput.parse({
      vendorId: vendor.id, fileName: "x.csv", csv: csvLine(HEADER) + csvLine(["mat", "Mat", "", leaf.slug, "", "draft", "USD", "", "", "MAT-1", "5.00", "", ""]),
    })));
    await Promise.all([runImport(db, actor, importId), runImport(db, actor, importId)]);
    expect(await db.product.count({ where: { vendorId: vendor.id } })).toBe(1);
  });
});
