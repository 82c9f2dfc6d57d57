// Checks the message catalogs: every locale has every English key, no extra keys, every
// message is valid ICU, and uses the same arguments as English.
import fs from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";

type Tree = { [key: string]: string | Tree };

export function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      into.add(el.value);
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    }
    if (el.type === TYPE.tag) {
      into.add(`<${el.value}>`);
      argumentsOf(el.children, into);
    }
  }
  return into;
}

export interface CatalogProblem {
  locale: string;
  key: string;
  problem: string;
}

/** Problems across all catalogs in `dir` (en.json is the reference). */
export function checkCatalogs(dir: string): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const load = (file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Tree;
  const english = flatten(load("en.json"));
  const englishArgs = new Map<string, Set<string>>();
  for (const [key, message] of english) {
    try {
      englishArgs.set(key, argumentsOf(parse(message)));
    } catch (error) {
      problems.push({ locale: "en", key, problem: `invalid ICU: ${(error as Error).message}` });
    }
  }
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "en.json").sort()) {
    const locale = file.replace(/\.json$/, "");
    let catalog: Map<string, string>;
    try {
      catalog = flatten(load(file));
    } catch (error) {
      problems.push({ locale, key: "(file)", problem: `invalid JSON: ${(error as Error).message}` });
      continue;
    }
    for (const key of english.keys()) if (!catalog.has(key)) problems.push({ locale, key, problem: "missing" });
    for (const [key, message] of catalog) {
      if (!english.has(key)) {
        problems.push({ locale, key, problem: "not in the English catalog" });
        continue;
      }
      try {
        const args = argumentsOf(parse(message));
        const expected = englishArgs.get(key);
        if (expected) {
          const missing = [...expected].filter((a) => !args.has(a));
          const extra = [...args].filter((a) => !expected.has(a));
          if (missing.length || extra.length) {
            problems.push({ locale, key, problem: `arguments differ from English (missing: ${missing.join(",") || "-"}; unknown: ${extra.join(",") || "-"})` });
          }
        }
      } catch (error) {
        problems.push({ locale, key, problem: `invalid ICU: ${(error as Error).message}` });
      }
    }
  }
  return problems;
}
