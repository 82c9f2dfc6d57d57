import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkCatalogs, flatten } from "./catalogs";

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function catalogs(files: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bazaar-catalogs-"));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
  }
  return dir;
}

const EN = {
  common: { save: "Save", hello: "Hello {name}" },
  cart: { items: "{count, plural, one {# item} other {# items}}", terms: "Accept the <link>terms</link>" },
};

describe("flatten", () => {
  it("joins nested keys with dots", () => {
    expect([...flatten(EN).keys()]).toEqual(["common.save", "common.hello", "cart.items", "cart.terms"]);
  });
});

describe("checkCatalogs", () => {
  it("passes catalogs that match English", () => {
    const dir = catalogs({
      "en.json": EN,
      "fr.json": {
        common: { save: "Enregistrer", hello: "Bonjour {name}" },
        cart: { items: "{count, plural, one {# article} other {# articles}}", terms: "Acceptez les <link>conditions</link>" },
      },
    });
    expect(checkCatalogs(dir)).toEqual([]);
  });

  it("reports a missing key and a key English does not have", () => {
    const dir = catalogs({
      "en.json": EN,
      "es.json": { common: { save: "Guardar", hello: "Hola {name}", extra: "Sobra" }, cart: { items: EN.cart.items } },
    });
    expect(checkCatalogs(dir)).toEqual(
      expect.arrayContaining([
        { locale: "es", key: "cart.terms", problem: "missing" },
        { locale: "es", key: "common.extra", problem: "not in the English catalog" },
      ]),
    );
    expect(checkCatalogs(dir)).toHaveLength(2);
  });

  it("reports invalid ICU, in a translation and in English itself", () => {
    const dir = catalogs({
      "en.json": { ...EN, broken: "{oops" },
      "ar.json": { ...EN, broken: "x", common: { save: "حفظ", hello: "مرحبا {name" } },
    });
    const problems = checkCatalogs(dir);
    expect(problems).toContainEqual(expect.objectContaining({ locale: "en", key: "broken", problem: expect.stringMatching(/^invalid ICU/) }));
    expect(problems).toContainEqual(expect.objectContaining({ locale: "ar", key: "common.hello", problem: expect.stringMatching(/^invalid ICU/) }));
  });

  it("reports arguments that differ from English (missing, unknown, plural and tags)", () => {
    const dir = catalogs({
      "en.json": EN,
      "zh.json": {
        common: { save: "保存", hello: "你好 {user}" },
        cart: { items: "{n, plural, other {# 件}}", terms: "接受条款" },
      },
    });
    const problems = checkCatalogs(dir);
    expect(problems).toEqual([
      { locale: "zh", key: "common.hello", problem: "arguments differ from English (missing: name; unknown: user)" },
      { locale: "zh", key: "cart.items", problem: "arguments differ from English (missing: count; unknown: n)" },
      { locale: "zh", key: "cart.terms", problem: "arguments differ from English (missing: <link>; unknown: -)" },
    ]);
  });

  it("reports a catalog that is not valid JSON", () => {
    const dir = catalogs({ "en.json": EN, "fr.json": "{ not json" });
    expect(checkCatalogs(dir)).toEqual([{ locale: "fr", key: "(file)", problem: expect.stringMatching(/^invalid JSON/) }]);
  });

});
