// The demo catalog: categories (3 levels) with attributes, brands, shop profiles and 600+
// products with variants, translations and generated images. Deterministic: a seeded random
// generator and fixed dates give the same catalog every run; it is written once (skipped
// when the categories already exist).
import type { PrismaClient } from "@/prisma/generated/client/client";
import { BRANDS, CATALOG, COLOURS, DESCRIPTION, LOCALES, namesOf, SERIES, type AttributeSeed, type LeafSeed, type OptionKind, type RootSeed } from "./catalog-data";
import { seedImage } from "./images";

/** mulberry32: a tiny deterministic random generator. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    some: <T>(list: readonly T[], min: number, max: number): T[] => {
      const copy = [...list];
      const count = Math.min(copy.length, min + Math.floor(next() * (max - min + 1)));
      const out: T[] = [];
      while (out.length < count) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]!);
      return out;
    },
  };
}

export const PRODUCTS_PER_LEAF = 16;
const BASE_DATE = Date.UTC(2026, 10, 15);
const DAY = 86_400_000;

const SHOP_PROFILES: Record<string, { description: string; supportEmail: string }> = {
  "nordic-home": { description: "Scandinavian bedding, lamps and calm things for the home.", supportEmail: "help@nordic-home.test" },
  "tech-haven": { description: "Phones, audio and computers, tested before they ship.", supportEmail: "support@tech-haven.test" },
  "atelier-lumiere": { description: "Women’s fashion and beauty from a small Lyon atelier.", supportEmail: "bonjour@atelier-lumiere.test" },
  "casa-verde": { description: "Handmade decor, vases and kitchenware.", supportEmail: "hola@casa-verde.test" },
  "silk-road-textiles": { description: "Shirts, tops and bed linen woven from natural fibres.", supportEmail: "care@silk-road.test" },
  "peak-outdoors": { description: "Gear for trails, camps and training.", supportEmail: "team@peak-outdoors.test" },
  "little-sprouts": { description: "Games and wooden toys for curious kids.", supportEmail: "hello@little-sprouts.test" },
  "golden-spoon": { description: "Cookware, knives and coffee gear for home cooks.", supportEmail: "chef@golden-spoon.test" },
};
const RETURN_POLICY = "Returns accepted within 30 days of delivery, unused and in the original packaging. Refunds go back to the original payment method.";
const SHIPPING_POLICY = "Orders ship within 2 business days. Tracking is sent by email as soon as the parcel leaves.";

function optionsFor(kind: OptionKind, r: ReturnType<typeof random>): { name: string; values: string[] }[] {
  switch (kind) {
    case "colour": return [{ name: "Colour", values: r.some(COLOURS.map((c) => c.value), 2, 4) }];
    case "apparel": return [{ name: "Colour", values: r.some(COLOURS.map((c) => c.value), 2, 3) }, { name: "Size", values: ["S", "M", "L", "XL"] }];
    case "shoes": return [{ name: "Colour", values: r.some(COLOURS.map((c) => c.value), 1, 3) }, { name: "Size", values: ["38", "39", "40", "41", "42", "43", "44"] }];
    case "storage": return [{ name: "Storage", values: ["128 GB", "256 GB", "512 GB"] }, { name: "Colour", values: r.some(COLOURS.map((c) => c.value), 1, 2) }];
    case "bedding": return [{ name: "Size", values: ["Single", "Double", "King"] }];
    default: return [];
  }
}

/** Every combination of the option values, in order. */
function combinations(options: { name: string; values: string[] }[]): Record<string, string>[] {
  return options.reduce<Record<string, string>[]>((acc, option) => acc.flatMap((combo) => option.values.map((v) => ({ ...combo, [option.name]: v }))), [{}]);
}

function attributeValue(def: AttributeSeed, r: ReturnType<typeof random>): string | number | boolean {
  switch (def.type) {
    case "SELECT": return r.pick(def.options!).value;
    case "BOOLEAN": return r.next() < 0.5;
    case "NUMBER": return r.pick(def.numbers ?? [1]);
    default: return `${r.int(2, 4)}–${r.int(5, 8)}`;
  }
}

/** A simple product picture: the colour, a glyph for the department, the category's name. */
function productSvg(glyph: RootSeed["glyph"], hex: string, label: string): string {
  const shapes: Record<RootSeed["glyph"], string> = {
    device: `<rect x="380" y="220" width="440" height="760" rx="60" fill="${hex}"/><rect x="410" y="290" width="380" height="600" rx="16" fill="#fff" opacity="0.85"/><circle cx="600" cy="935" r="22" fill="#fff" opacity="0.8"/>`,
    shirt: `<path d="M420 260 L330 330 L250 480 L360 540 L400 470 L400 940 L800 940 L800 470 L840 540 L950 480 L870 330 L780 260 Q600 360 420 260 Z" fill="${hex}"/>`,
    home: `<path d="M600 230 L940 520 L860 520 L860 940 L340 940 L340 520 L260 520 Z" fill="${hex}"/><rect x="540" y="700" width="120" height="240" rx="12" fill="#fff" opacity="0.85"/>`,
    bottle: `<rect x="520" y="200" width="160" height="140" rx="20" fill="#333"/><rect x="430" y="330" width="340" height="620" rx="90" fill="${hex}"/><rect x="480" y="520" width="240" height="200" rx="20" fill="#fff" opacity="0.8"/>`,
    dumbbell: `<rect x="300" y="420" width="110" height="360" rx="30" fill="${hex}"/><rect x="790" y="420" width="110" height="360" rx="30" fill="${hex}"/><rect x="400" y="560" width="400" height="80" rx="20" fill="#444"/><rect x="250" y="480" width="60" height="240" rx="20" fill="${hex}"/><rect x="890" y="480" width="60" height="240" rx="20" fill="${hex}"/>`,
    blocks: `<rect x="330" y="600" width="260" height="260" rx="24" fill="${hex}"/><rect x="610" y="600" width="260" height="260" rx="24" fill="#f2b640"/><rect x="470" y="330" width="260" height="260" rx="24" fill="#4b8bd6"/>`,
  };
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 1200 1200">
<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#fbfaf7"/><stop offset="1" stop-color="${hex}" stop-opacity="0.25"/></linearGradient></defs>
<rect width="1200" height="1200" fill="url(#bg)"/>${shapes[glyph]}
<text x="600" y="1100" font-family="DejaVu Sans, sans-serif" font-size="56" fill="#3a3a3a" text-anchor="middle">${label.replace(/&/g, "&amp;")}</text></svg>`;
}

const slugify = (text: string) => text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");

/** Seeds the demo catalog once; returns how many products it wrote (0 when already there). */
export async function seedCatalog(db: PrismaClient, log: (line: string) => void = () => {}): Promise<number> {
  if (await db.category.findUnique({ where: { slug: CATALOG[0]!.slug } })) return 0;
  const started = Date.now();
  const vendors = new Map((await db.vendor.findMany({ select: { id: true, slug: true, name: true } })).map((v) => [v.slug, v]));
  for (const [slug, profile] of Object.entries(SHOP_PROFILES)) {
    if (vendors.has(slug)) await db.vendor.update({ where: { slug }, data: { ...profile, returnPolicy: RETURN_POLICY, shippingPolicy: SHIPPING_POLICY } });
  }
  const brands = new Map<string, { id: string; name: string }>();
  for (const name of BRANDS) brands.set(name, await db.brand.create({ data: { name, slug: slugify(name) } }));

  // Categories and their attribute definitions.
  const leaves: { leaf: LeafSeed; root: RootSeed; categoryId: string; path: string[]; attributes: AttributeSeed[] }[] = [];
  let categoryCount = 0;
  const createCategory = async (slug: string, names: Parameters<typeof namesOf>[0], parent: { id: string; path: string[] } | null, position: number, attributes: AttributeSeed[] = []) => {
    const category = await db.category.create({ data: { slug, names: namesOf(names), parentId: parent?.id ?? null, ancestorIds: parent?.path ?? [], position } });
    categoryCount += 1;
    for (const [i, a] of attributes.entries()) {
      await db.attributeDefinition.create({
        data: {
          categoryId: category.id, code: a.code, names: namesOf(a.names), type: a.type, unit: a.unit ?? null, position: i,
          options: (a.options ?? []).map((o) => ({ value: o.value, names: namesOf(o.names) })),
        },
      });
    }
    return { id: category.id, path: [...(parent?.path ?? []), category.id] };
  };
  for (const [ri, root] of CATALOG.entries()) {
    const rootRow = await createCategory(root.slug, root.names, null, ri, root.attributes);
    for (const [bi, branch] of root.branches.entries()) {
      const branchRow = await createCategory(branch.slug, branch.names, rootRow, bi, branch.attributes);
      for (const [li, leaf] of branch.leaves.entries()) {
        const leafRow = await createCategory(leaf.slug, leaf.names, branchRow, li, leaf.attributes);
        leaves.push({ leaf, root, categoryId: leafRow.id, path: leafRow.path, attributes: [...(root.attributes ?? []), ...(branch.attributes ?? []), ...(leaf.attributes ?? [])] });
      }
    }
  }

  // Products.
  const images = new Map<string, string>();
  const imageFor = async (vendor: { id: string; slug: string }, root: RootSeed, leaf: LeafSeed, colour: (typeof COLOURS)[number]) => {
    const key = `${vendor.id}:${leaf.slug}:${colour.value}`;
    if (!images.has(key)) images.set(key, await seedImage(db, vendor, `${leaf.slug}-${colour.value.toLowerCase()}.png`, productSvg(root.glyph, colour.hex, leaf.names[0])));
    return images.get(key)!;
  };
  let count = 0;
  const usedSlugs = new Set<string>();
  for (const [leafIndex, { leaf, root, categoryId, path, attributes }] of leaves.entries()) {
    const r = random(1000 + leafIndex);
    for (let i = 0; i < PRODUCTS_PER_LEAF; i += 1) {
      const vendor = vendors.get(leaf.vendors[i % leaf.vendors.length]!)!;
      const brand = brands.get(r.pick(leaf.brands))!;
      const series = SERIES[(i * 7 + leafIndex) % SERIES.length]!;
      const model = `${String.fromCharCode(65 + ((leafIndex + i) % 26))}${r.int(10, 99) * 10}`;
      const titles = LOCALES.map((_, l) => (l === 4 ? `${brand.name} ${series} ${leaf.noun[l]} ${model}` : l === 0 ? `${brand.name} ${series} ${leaf.noun[0]} ${model}` : `${leaf.noun[l]} ${brand.name} ${series} ${model}`));
      const descriptions = DESCRIPTION.map((d, l) => d.replace("{title}", titles[l]!).replace("{brand}", brand.name).replace("{shop}", vendor.name));
      const options = optionsFor(leaf.options, r);
      const combos = combinations(options);
      const base = Math.round(r.int(leaf.price[0], leaf.price[1]) / 100) * 100 - 1;
      const onSale = r.next() < 0.3;
      const colours = options.find((o) => o.name === "Colour")?.values ?? [COLOURS[(leafIndex + i) % COLOURS.length]!.value];
      const mediaIds: string[] = [];
      for (const c of colours) mediaIds.push(await imageFor(vendor, root, leaf, COLOURS.find((x) => x.value === c)!));
      const variants = combos.map((combo, position) => {
        const step = options[0]?.name === "Storage" ? options[0].values.indexOf(combo.Storage!) * Math.round(base * 0.2) : 0;
        const price = base + step;
        const colourIndex = combo.Colour ? colours.indexOf(combo.Colour) : 0;
        return {
          sku: `${leaf.slug.slice(0, 4).toUpperCase()}-${leafIndex}${String(i).padStart(2, "0")}-${position}`,
          optionValues: combo, price, compareAtPrice: onSale ? Math.round(price * 1.25) : null,
          weightGrams: r.int(100, 3000), lengthMm: r.int(50, 600), widthMm: r.int(50, 400), heightMm: r.int(10, 300),
          barcode: `${400000000000 + leafIndex * 1000 + i * 10 + position}`, position, active: true, vendorId: vendor.id,
          colourIndex,
        };
      });
      const prices = variants.map((v) => v.price);
      let slug = slugify(titles[0]!);
      for (let n = 2; usedSlugs.has(slug); n += 1) slug = `${slugify(titles[0]!)}-${n}`;
      usedSlugs.add(slug);
      const published = new Date(BASE_DATE - (leafIndex * PRODUCTS_PER_LEAF + i) * (DAY / 8));
      const productAttributes = Object.fromEntries(attributes.map((a) => [a.code, attributeValue(a, r)]));
      const product = await db.product.create({
        data: {
          vendorId: vendor.id, slug, title: titles[0]!, description: descriptions[0]!, locale: "en", categoryId, categoryPath: path, brandId: brand.id,
          status: "ACTIVE", moderation: i % 5 === 0 ? "PENDING" : "APPROVED", attributes: productAttributes, options, currency: "USD",
          minPrice: Math.min(...prices), maxPrice: Math.max(...prices), publishedAt: published, createdAt: published,
          translations: { create: LOCALES.slice(1).map((locale, l) => ({ locale, title: titles[l + 1]!, description: descriptions[l + 1]! })) },
          images: { create: mediaIds.map((mediaId, position) => ({ mediaId, position, alt: `${titles[0]} – ${colours[position]}` })) },
        },
        include: { images: { orderBy: { position: "asc" } } },
      });
      await db.productVariant.createMany({
        data: variants.map(({ colourIndex, ...v }) => ({ ...v, productId: product.id, imageId: product.images[colourIndex]?.id ?? null })),
      });
      count += 1;
    }
  }
  log(`seeded ${categoryCount} categories, ${BRANDS.length} brands, ${count} products, ${images.size} images in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return count;
}
