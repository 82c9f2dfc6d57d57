// `npm run bench:checkout [-- --buyers 500 --units 50 --uniform 400]`
// 1. The race: N buyers check out one variant with K units at once through the real tRPC
//    procedures (cart.add → checkout.preview → checkout.placeOrder); prints orders, refusals,
//    units sold and oversold units (must be 0), and checkouts/s.
// 2. Uniform load: checkouts spread over many products, with throughput and p95 latency.
// 3. The machine's ceiling in the same run: single-row UPDATE transactions per second over the
//    same pool (a pgbench simple-update equivalent), so the figures read as a ratio.
// Runs on a fresh embedded database under .data/bench (or BENCH_DATABASE_URL).
import crypto from "node:crypto";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/embedded-postgres";
import { ensureDatabase, migrate } from "../lib/migrations";
import { ROOT } from "../lib/database";
import { numberArg } from "./lib/args";

const BUYERS = numberArg("buyers", 500);
const UNITS = numberArg("units", 50);
const UNIFORM = numberArg("uniform", 400);
const CONCURRENCY = numberArg("concurrency", 16);

let url = process.env.BENCH_DATABASE_URL;
let stop = async () => {};
if (!url) {
  const pg = await startEmbeddedPostgres({ dataDir: path.join(ROOT, ".data/bench"), ephemeral: true });
  await ensureDatabase(pg.serverUrl, "bench");
  url = pg.urlFor("bench");
  stop = pg.stop;
}
await migrate(url, () => {});
process.env.DATABASE_URL = url;
process.env.LOG_LEVEL ??= "silent";

const { db, pool } = await import("../../server/db");
const { createCaller } = await import("../../server/trpc/router");

const unique = () => crypto.randomBytes(6).toString("hex");

async function sellable(stock: number, price = 1999) {
  const vendor = await db.vendor.create({ data: { name: `Bench ${unique()}`, slug: `bench-${unique()}`, status: "ACTIVE" } });
  const category = await db.category.create({ data: { slug: `bench-${unique()}`, names: { en: "Bench" }, ancestorIds: [] } });
  const warehouse = await db.warehouse.create({ data: { vendorId: vendor.id, code: "MAIN", name: "Main", countryCode: "US", isDefault: true } });
  await db.shippingRule.create({ data: { vendorId: vendor.id, name: "Standard", price: 499, currency: "USD", minDays: 2, maxDays: 5 } });
  const product = await db.product.create({
    data: { vendorId: vendor.id, slug: `p-${unique()}`, title: "Bench item", categoryId: category.id, categoryPath: [category.id], status: "ACTIVE", moderation: "APPROVED", currency: "USD", minPrice: price, maxPrice: price, publishedAt: new Date() },
  });
  const variant = await db.productVariant.create({ data: { productId: product.id, vendorId: vendor.id, sku: `B-${unique()}`, price } });
  await db.stockLevel.create({ data: { variantId: variant.id, warehouseId: warehouse.id, onHand: stock } });
  return variant.id;
}

/** A signed-in buyer (no password: the bench does not sign in through the form) with an address. */
async function buyer() {
  const user = await db.user.create({ data: { email: `buyer-${unique()}@bench.test`, name: "Buyer" } });
  const address = await db.address.create({ data: { userId: user.id, fullName: "Bench Buyer", line1: "1 Loop Rd", city: "Austin", postalCode: "73301", countryCode: "US", isDefault: true } });
  const caller = createCaller({
    db, meta: { requestId: unique(), ip: "127.0.0.1", userAgent: "bench", locale: "en" }, cartCookie: { token: null, set() {} },
    session: { sessionId: `bench-${user.id}`, user: { id: user.id, email: user.email, name: user.name, locale: "en", twoFactor: false } },
  } as never);
  return { caller, addressId: address.id };
}

async function checkout(b: Awaited<ReturnType<typeof buyer>>, variantId: string) {
  await b.caller.cart.add({ variantId, quantity: 1 });
  const preview = await b.caller.checkout.preview({});
  return b.caller.checkout.placeOrder({ idempotencyKey: unique() + unique(), cartHash: preview.cartHash, addressId: b.addressId, paymentMethod: "pay_on_delivery" });
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

async function pooled<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

// 1. The race.
const raceVariant = await sellable(UNITS);
const racers = await Promise.all(Array.from({ length: BUYERS }, buyer));
for (const r of racers) await r.caller.cart.add({ variantId: raceVariant, quantity: 1 });
const previews = await Promise.all(racers.map((r) => r.caller.checkout.preview({})));
let placed = 0;
let refused = 0;
const raceStart = performance.now();
await pooled(racers.map((r, i) => ({ r, hash: previews[i]!.cartHash })), CONCURRENCY * 4, async ({ r, hash }) => {
  try {
    await r.caller.checkout.placeOrder({ idempotencyKey: unique() + unique(), cartHash: hash, addressId: r.addressId, paymentMethod: "pay_on_delivery" });
    placed += 1;
  } catch {
    refused += 1;
  }
});
const raceSeconds = (performance.now() - raceStart) / 1000;
const sold = (await db.orderLine.aggregate({ where: { variantId: raceVariant }, _sum: { quantity: true } }))._sum.quantity ?? 0;
const stock = await db.stockLevel.findFirstOrThrow({ where: { variantId: raceVariant } });
console.log(`race: ${BUYERS} buyers for ${UNITS} units`);
console.log(`  successful orders   ${placed}`);
console.log(`  rejected attempts   ${refused}`);
console.log(`  units sold          ${sold}`);
console.log(`  oversold units      ${Math.max(0, sold - UNITS)}${stock.onHand < 0 ? " (negative stock!)" : ""}`);
console.log(`  checkout attempts/s ${(BUYERS / raceSeconds).toFixed(1)}`);

// 2. Uniform load over many products.
const variants = await Promise.all(Array.from({ length: Math.max(1, Math.ceil(UNIFORM / 4)) }, () => sellable(1000)));
const shoppers = await Promise.all(Array.from({ length: UNIFORM }, buyer));
const latencies: number[] = [];
const uniformStart = performance.now();
await pooled(shoppers.map((s, i) => ({ s, variant: variants[i % variants.length]! })), CONCURRENCY, async ({ s, variant }) => {
  const t = performance.now();
  await checkout(s, variant);
  latencies.push(performance.now() - t);
});
const uniformSeconds = (performance.now() - uniformStart) / 1000;
console.log(`uniform: ${UNIFORM} checkouts (cart add + preview + place) over ${variants.length} products, ${CONCURRENCY} at a time`);
console.log(`  checkouts/s         ${(UNIFORM / uniformSeconds).toFixed(1)}`);
console.log(`  p50 / p95 latency   ${percentile(latencies, 50).toFixed(0)} ms / ${percentile(latencies, 95).toFixed(0)} ms`);

// 3. The ceiling: single-row update transactions, same pool, same concurrency.
await pool.query(`CREATE TABLE IF NOT EXISTS bench_accounts (id int PRIMARY KEY, balance int NOT NULL)`);
await pool.query(`INSERT INTO bench_accounts SELECT g, 0 FROM generate_series(1, 1000) g ON CONFLICT DO NOTHING`);
const updates = 4000;
const ceilingStart = performance.now();
await pooled(Array.from({ length: updates }, (_, i) => i), CONCURRENCY, async (i) => {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("UPDATE bench_accounts SET balance = balance + 1 WHERE id = $1", [1 + (i % 1000)]);
    await client.query("COMMIT");
  } finally {
    client.release();
  }
});
const tps = updates / ((performance.now() - ceilingStart) / 1000);
console.log(`ceiling: single-row update transactions/s ${tps.toFixed(0)}`);
console.log(`  uniform checkouts per 1,000 ceiling transactions: ${(((UNIFORM / uniformSeconds) / tps) * 1000).toFixed(1)}`);

await db.$disconnect();
await stop();
