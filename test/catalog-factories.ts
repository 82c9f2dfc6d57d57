// Test data for the catalog: shops with an owner, category paths, brands, uploaded-image rows
// and product inputs.
import crypto from "node:crypto";
import type { DbTx } from "@/server/db";
import type { CreateProductInput } from "@/server/modules/products";
import { createCaller } from "@/server/trpc/router";
import { actorFor, createUser, meta, type TestUser } from "./factories";

const unique = () => crypto.randomBytes(4).toString("hex");

/** An ACTIVE vendor (straight in the database) with an OWNER and the owner's actor. */
export async function createShop(db: DbTx, options: { name?: string; status?: "PENDING" | "ACTIVE" | "SUSPENDED" | "CLOSED" } = {}) {
  const owner = await createUser(db);
  const name = options.name ?? `Shop ${unique()}`;
  const vendor = await db.vendor.create({
    data: { name, slug: `shop-${unique()}`, status: options.status ?? "ACTIVE", memberships: { create: { userId: owner.id, role: "OWNER" } } },
  });
  return { vendor, owner, actor: actorFor(owner, `session-${owner.id}`) };
}

/** A chain of categories root → … → leaf named after `names`; returns them in that order. */
export async function createCategoryPath(db: DbTx, names: string[]) {
  const out = [];
  let ancestorIds: string[] = [];
  let parentId: string | null = null;
  for (const name of names) {
    const category: { id: string; slug: string; ancestorIds: string[] } = await db.category.create({
      data: { slug: `${name.toLowerCase().replace(/\W+/g, "-")}-${unique()}`, names: { en: name }, parentId, ancestorIds },
    });
    out.push(category);
    ancestorIds = [...ancestorIds, category.id];
    parentId = category.id;
  }
  return out;
}

export async function createBrand(db: DbTx, name = "Acme") {
  return db.brand.create({ data: { name, slug: `${name.toLowerCase()}-${unique()}` } });
}

/** A MediaAsset row as the media module would leave it after an upload for `vendorId`. */
export async function createMediaRow(db: DbTx, vendorId: string | null) {
  return db.mediaAsset.create({
    data: { vendorId, storageKey: `test/${unique()}`, originalName: "photo.jpg", width: 1200, height: 1200, byteSize: 1000, widths: [320, 640], formats: ["webp"] },
  });
}

/** A valid single-variant product input for `vendorId` in `categoryId`. */
export function productInput(vendorId: string, categoryId: string, overrides: Partial<CreateProductInput> = {}): CreateProductInput {
  return {
    vendorId, categoryId, title: "Linen Shirt", description: "<p>Breathable linen.</p>", locale: "en", brandId: null, attributes: {},
    currency: "USD", options: [], images: [], translations: [],
    variants: [{ sku: `SKU-${unique()}`, optionValues: {}, price: 2500, compareAtPrice: null, weightGrams: null, lengthMm: null, widthMm: null,
      heightMm: null, barcode: null, imageMediaId: null, active: true }],
    ...overrides,
  };
}

/** A tRPC caller signed in as `user` (the same procedures the HTTP endpoint runs). */
export function callerFor(db: DbTx, user: Pick<TestUser, "id" | "email" | "name"> | null) {
  return createCaller({
    db: db as never, meta: meta(),
    session: user ? { sessionId: `s-${user.id}`, user: { id: user.id, email: user.email, name: user.name, locale: "en", twoFactor: false } } : null,
  });
}
