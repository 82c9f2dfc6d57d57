// Demo search data: three synonym groups (tee = t-shirt, sofa = couch, headphones = headset) and
// about 450 logged searches over the last 90 days (with clicks) so /admin/search and the
// typeahead's popular queries have something to show. Ids are fixed; the logs are written once
// (skipped when seeded logs exist), dated back from the first seeding.
import type { PrismaClient } from "@/prisma/generated/client/client";

const GROUPS = [
  { id: "seed-synonyms-tee", locale: null, terms: ["tee", "t-shirt", "tshirt"] },
  { id: "seed-synonyms-sofa", locale: null, terms: ["sofa", "couch"] },
  { id: "seed-synonyms-headphones", locale: null, terms: ["headphones", "headset"] },
] as const;

// query, locale, how often (relative), results it found (0 = nothing), share of searches clicked.
const QUERIES: [string, string, number, number, number][] = [
  ["headphones", "en", 14, 48, 0.55],
  ["wireless earbuds", "en", 9, 21, 0.5],
  ["sofa", "en", 8, 17, 0.4],
  ["t-shirt", "en", 8, 35, 0.45],
  ["desk lamp", "en", 6, 12, 0.35],
  ["running shoes", "en", 6, 19, 0.5],
  ["coffee", "en", 5, 9, 0.3],
  ["backpack", "en", 5, 14, 0.35],
  ["hedphones", "en", 3, 0, 0],
  ["gaming chair", "en", 3, 0, 0],
  ["kimono", "en", 2, 0, 0],
  ["auriculares", "es", 6, 40, 0.5],
  ["camiseta", "es", 4, 30, 0.4],
  ["canapé", "fr", 4, 11, 0.3],
  ["casque audio", "fr", 3, 25, 0.45],
  ["سماعات", "ar", 4, 22, 0.4],
  ["耳机", "zh", 4, 26, 0.45],
  ["vegan leather bag", "en", 2, 0, 0],
];

/** A small deterministic random sequence (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedSearch(db: PrismaClient, log: (line: string) => void = () => {}) {
  for (const group of GROUPS) {
    await db.searchSynonymGroup.upsert({ where: { id: group.id }, update: {}, create: { id: group.id, locale: group.locale, terms: [...group.terms] } });
  }
  if (await db.searchQueryLog.findFirst({ where: { id: { startsWith: "seed-q-" } }, select: { id: true } })) {
    log(`seeded ${GROUPS.length} synonym groups (search logs already there)`);
    return;
  }
  const products = await db.product.findMany({ orderBy: { slug: "asc" }, take: 40, select: { id: true } });
  const next = random(42);
  const weights = QUERIES.reduce((sum, q) => sum + q[2], 0);
  const now = Date.now();
  const logs: { id: string; query: string; locale: string; resultCount: number; visitorKey: string; createdAt: Date }[] = [];
  const clicks: { id: string; queryLogId: string; productId: string; position: number; createdAt: Date }[] = [];
  for (let i = 0; i < 450; i++) {
    let pick = next() * weights;
    const [query, locale, , results, clickShare] = QUERIES.find((q) => (pick -= q[2]) < 0) ?? QUERIES[0]!;
    // Two thirds in the last 30 days, the rest up to 90 days back.
    const daysBack = i % 3 === 2 ? 30 + next() * 60 : next() * 30;
    const createdAt = new Date(now - Math.round(daysBack * 86_400_000));
    const id = `seed-q-${String(i).padStart(4, "0")}`;
    logs.push({ id, query, locale, resultCount: results, visitorKey: `a:seed-visitor-${i % 37}`, createdAt });
    if (results > 0 && products.length > 0 && next() < clickShare) {
      const position = 1 + Math.floor(next() * Math.min(results, 8));
      clicks.push({ id: `seed-c-${String(i).padStart(4, "0")}`, queryLogId: id, productId: products[(i + position) % products.length]!.id, position, createdAt: new Date(createdAt.getTime() + 20_000) });
    }
  }
  await db.searchQueryLog.createMany({ data: logs, skipDuplicates: true });
  await db.searchClick.createMany({ data: clicks, skipDuplicates: true });
  log(`seeded ${GROUPS.length} synonym groups, ${logs.length} search logs, ${clicks.length} clicks`);
}
