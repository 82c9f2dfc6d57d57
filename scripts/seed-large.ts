// `npm run seed:large -- --products 100000`: adds a large generated catalog on top of the demo
// data, for benchmarks. Products get ids "large-<n>"; running it again replaces them. Uses the
// demo catalog's leaf categories, brands, shops and pictures, and batched INSERT … unnest().
//   --data-dir DIR   the embedded database to fill (default .data/postgres, the dev database)
//   --if-missing     do nothing when exactly that many large products are already there
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../prisma/generated/client/client";
import { COLOURS, SERIES } from "../prisma/seed/catalog-data";
import { loadDotEnv, log, prepareDatabase, ROOT, runSeed } from "./lib/database";

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number`);
  return value;
};
const total = arg("products", 100_000);
const BATCH = 2_000;
const dataDirIndex = process.argv.indexOf("--data-dir");
const dataDir = path.resolve(ROOT, dataDirIndex >= 0 ? process.argv[dataDirIndex + 1]! : ".data/postgres");

loadDotEnv();
const database = await prepareDatabase({ dataDir, port: Number(process.env.EMBEDDED_PG_PORT ?? 54329), seed: false });
const pool = new pg.Pool({ connectionString: database.url, max: 2 });
if (process.argv.includes("--if-missing")) {
  const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Product" WHERE id LIKE 'large-%'`);
  if (rows[0]!.n === total) {
    log(`${total} large products already there`);
    await pool.end();
    await database.stop();
    process.exit(0);
  }
}
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
await runSeed(database.url, prisma);

const started = Date.now();
const removed = await pool.query(`DELETE FROM "Product" WHERE id LIKE 'large-%'`);
if (removed.rowCount) log(`removed ${removed.rowCount} earlier large products`);

// What each generated product may be: a leaf category (with its path, attribute codes and the
// shops and pictures that sell in it) and its brands.
const leaves = (await pool.query<{ id: string; path: string[]; noun: string }>(`
  SELECT c.id, c."ancestorIds" || c.id AS path, c.names->>'en' AS noun FROM "Category" c
  WHERE NOT EXISTS (SELECT 1 FROM "Category" k WHERE k."parentId" = c.id) ORDER BY c.slug`)).rows;
const sellers = (await pool.query<{ categoryId: string; vendorId: string; mediaIds: string[]; attributes: Record<string, unknown>; brandIds: string[] }>(`
  SELECT p."categoryId", p."vendorId", array_agg(DISTINCT i."mediaId") AS "mediaIds", (array_agg(p.attributes))[1] AS attributes,
         array_agg(DISTINCT p."brandId") AS "brandIds"
  FROM "Product" p JOIN "ProductImage" i ON i."productId" = p.id WHERE p.id NOT LIKE 'large-%'
  GROUP BY p."categoryId", p."vendorId" ORDER BY 1, 2`)).rows;
const brands = new Map((await pool.query<{ id: string; name: string }>(`SELECT id, name FROM "Brand"`)).rows.map((b) => [b.id, b.name]));
const options = leaves.map((leaf) => ({ leaf, sellers: sellers.filter((s) => s.categoryId === leaf.id) })).filter((o) => o.sellers.length > 0);
if (options.length === 0) throw new Error("the demo catalog is missing; run npm run db:seed first");

let a = 42;
const rand = () => {
  a = (a + 0x6d2b79f5) >>> 0;
  let t = Math.imul(a ^ (a >>> 15), a | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
const WORDS = ["wireless", "organic", "compact", "waterproof", "lightweight", "premium", "handmade", "portable", "ergonomic", "vintage", "eco", "smart", "classic", "travel", "kids", "pro"];

for (let from = 0; from < total; from += BATCH) {
  const count = Math.min(BATCH, total - from);
  const p = { id: [] as string[], vendorId: [] as string[], slug: [] as string[], title: [] as string[], categoryId: [] as string[], path: [] as string[], brandId: [] as string[],
    attributes: [] as string[], options: [] as string[], minPrice: [] as number[], maxPrice: [] as number[], publishedAt: [] as string[], moderation: [] as string[] };
  const v = { id: [] as string[], productId: [] as string[], vendorId: [] as string[], sku: [] as string[], optionValues: [] as string[], price: [] as number[], compareAt: [] as (number | null)[], position: [] as number[] };
  const img = { id: [] as string[], productId: [] as string[], mediaId: [] as string[], position: [] as number[] };
  for (let k = 0; k < count; k += 1) {
    const n = from + k;
    const { leaf, sellers: leafSellers } = options[n % options.length]!;
    const seller = pick(leafSellers);
    const brandId = pick(seller.brandIds);
    const id = `large-${String(n).padStart(7, "0")}`;
    const title = `${brands.get(brandId)} ${pick(SERIES)} ${pick(WORDS)} ${leaf.noun.replace(/s$/, "")} ${String.fromCharCode(65 + (n % 26))}${100 + (n % 900)}`;
    const colours = [pick(COLOURS), pick(COLOURS)].filter((c, i, all) => all.findIndex((x) => x.value === c.value) === i);
    const base = 500 + Math.floor(rand() * 40_000);
    p.id.push(id); p.vendorId.push(seller.vendorId); p.categoryId.push(leaf.id); p.path.push(`{${leaf.path.join(",")}}`); p.brandId.push(brandId);
    p.slug.push(`${title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}-${n}`); p.title.push(title);
    p.attributes.push(JSON.stringify(seller.attributes)); p.options.push(JSON.stringify([{ name: "Colour", values: colours.map((c) => c.value) }]));
    p.minPrice.push(base); p.maxPrice.push(base + (colours.length - 1) * 100);
    p.publishedAt.push(new Date(Date.UTC(2026, 0, 1) + (n % 300) * 86_400_000 + k * 1000).toISOString()); p.moderation.push(n % 7 === 0 ? "PENDING" : "APPROVED");
    colours.forEach((c, i) => {
      v.id.push(`${id}-v${i}`); v.productId.push(id); v.vendorId.push(seller.vendorId); v.sku.push(`LG-${n}-${i}`);
      v.optionValues.push(JSON.stringify({ Colour: c.value })); v.price.push(base + i * 100); v.compareAt.push(n % 4 === 0 ? Math.round((base + i * 100) * 1.2) : null); v.position.push(i);
    });
    img.id.push(`${id}-i0`); img.productId.push(id); img.mediaId.push(pick(seller.mediaIds)); img.position.push(0);
  }
  await pool.query(`
    INSERT INTO "Product" (id, "vendorId", slug, title, description, "categoryId", "categoryPath", "brandId", status, moderation, attributes, options, currency, "minPrice", "maxPrice", "publishedAt", "createdAt", "updatedAt")
    SELECT id, vendor, slug, title, '<p>' || title || '.</p>', category, path::text[], brand, 'ACTIVE', moderation::"ModerationState", attributes::jsonb, options::jsonb, 'USD', minp, maxp, published::timestamp, published::timestamp, now()
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::int[], $12::int[], $13::text[])
      AS t(id, vendor, slug, title, category, path, brand, attributes, options, moderation, minp, maxp, published)`,
  [p.id, p.vendorId, p.slug, p.title, p.categoryId, p.path, p.brandId, p.attributes, p.options, p.moderation, p.minPrice, p.maxPrice, p.publishedAt]);
  await pool.query(`
    INSERT INTO "ProductVariant" (id, "productId", "vendorId", sku, "optionValues", price, "compareAtPrice", position, "updatedAt")
    SELECT id, product, vendor, sku, values::jsonb, price, compare, position, now()
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::int[]) AS t(id, product, vendor, sku, values, price, compare, position)`,
  [v.id, v.productId, v.vendorId, v.sku, v.optionValues, v.price, v.compareAt, v.position]);
  await pool.query(`
    INSERT INTO "ProductImage" (id, "productId", "mediaId", position) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[])`,
  [img.id, img.productId, img.mediaId, img.position]);
  if ((from / BATCH) % 10 === 9 || from + count >= total) log(`large catalog: ${from + count} / ${total} products`);
}
await pool.query(`ANALYZE "Product"; ANALYZE "ProductVariant"; ANALYZE "ProductImage"`);
log(`large catalog: ${total} products in ${((Date.now() - started) / 1000).toFixed(1)}s`);
await pool.end();
await prisma.$disconnect();
await database.stop();
