// Query parsing and tsquery building: only folded letter/digit words (and whole hyphenated words)
// ever reach the query, however hostile the text.
import { describe, expect, it } from "vitest";
import { buildTsQuery } from "./providers/postgres";
import { cjkGrams, fold, indexText, parseQuery } from "./search.text";

const tsquery = (text: string, synonyms: string[][][] = []) => buildTsQuery(parseQuery(text), synonyms.map((terms) => ({ terms })));

describe("parseQuery", () => {
  it("folds case and accents and reads words, phrases, exclusions and OR", () => {
    expect(fold("Crème BRÛLÉE")).toBe("creme brulee");
    expect(parseQuery('Écouteurs "sleeping bag" -tent lamp OR candle')).toEqual({
      clauses: [
        { words: ["ecouteurs"], phrase: false, negated: false, orNext: false },
        { words: ["sleeping", "bag"], phrase: true, negated: false, orNext: false },
        { words: ["tent"], phrase: false, negated: true, orNext: false },
        { words: ["lamp"], phrase: false, negated: false, orNext: true },
        { words: ["candle"], phrase: false, negated: false, orNext: false },
      ],
      lastIsPrefix: true,
    });
    expect(parseQuery("lamp ").lastIsPrefix).toBe(false);
  });

  it("keeps hyphenated words whole and splits CJK runs into character pairs for indexing", () => {
    expect(parseQuery("T-Shirt").clauses[0]!.words).toEqual(["t-shirt"]);
    expect(cjkGrams("蓝牙耳机")).toEqual(["蓝牙", "牙耳", "耳机"]);
    expect(indexText("Aurora 蓝牙耳机 X1")).toBe("aurora  蓝牙 牙耳 耳机  x1");
  });

  it("drops every operator and quote of hostile input", () => {
    for (const text of ["&|!():*'\"\\", "a' | 'b", "x:* & !y", "'; DROP TABLE x; --", "\u0000", "((((", "<->", "\\'"]) {
      const q = tsquery(text);
      // Only quoted values made of letters, digits, spaces and hyphens, joined by our own operators.
      expect(q.replace(/'[\p{L}\p{N} -]+'(:\*)?/gu, "").replace(/[\s&|!()<>-]/g, "")).toBe("");
    }
    expect(tsquery("ab' | 'cd")).toBe("'ab' & 'cd':*");
    expect(tsquery("-only -exclusions")).toBe("");
    expect(parseQuery("x".repeat(500)).clauses[0]!.words[0]!.length).toBe(40);
    expect(parseQuery(Array.from({ length: 50 }, (_, i) => `w${i}`).join(" ")).clauses).toHaveLength(12);
  });

  it("builds prefix, phrase, exclusion, OR and synonym queries", () => {
    expect(tsquery("aurora headph")).toBe("'aurora' & 'headph':*");
    expect(tsquery('"sleeping bag" -tent')).toBe("'sleeping bag' & !'tent'");
    expect(tsquery("lamp OR candle ")).toBe("'lamp' | 'candle'");
    expect(tsquery("red tee ", [[["tee"], ["t-shirt"], ["t", "shirt"]]])).toBe("'red' & ('tee' | 't-shirt' | 't shirt')");
    expect(tsquery("t shirt", [[["tee"], ["t", "shirt"]]])).toBe("('tee' | 't shirt')");
    expect(tsquery("耳机")).toBe("'耳机':*");
    expect(tsquery("蓝牙耳机")).toBe("('蓝牙' <-> '牙耳' <-> '耳机')");
  });
});
