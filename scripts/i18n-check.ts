// `npm run i18n:check`: fails when a locale misses English keys or holds invalid ICU.
import path from "node:path";
import { checkCatalogs } from "./lib/catalogs";

const problems = checkCatalogs(path.resolve(import.meta.dirname, "../messages"));
if (problems.length === 0) {
  console.log("i18n: every catalog is complete and valid");
} else {
  for (const p of problems.slice(0, 200)) console.error(`${p.locale}: ${p.key}: ${p.problem}`);
  if (problems.length > 200) console.error(`… and ${problems.length - 200} more`);
  console.error(`i18n: ${problems.length} problem(s)`);
  process.exit(1);
}
