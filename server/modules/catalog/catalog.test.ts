import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { AppError } from "@/server/lib/errors";
import type { Actor } from "@/server/lib/actor";
import { createCaller } from "@/server/trpc/router";
import { actorFor, createStaffUser, createUser, meta, type TestUser } from "@/test/factories";
import {
  CreateAttributeInput, createAttribute, CreateBrandInput, createBrand, CreateCategoryInput, createCategory, deleteAttribute, deleteBrand,
  deleteCategory, getCategoryAttributes, lockCategoryPathForProduct, getCategoryBySlug, getCategoryTree, listBrands, LocalizedNames, moveCategory, reorderCategories,
  UpdateAttributeInput, updateAttribute, updateBrand, updateCategory, validateProductAttributes, type AttributeRule,
} from "./index";

async function expectAppError(promise: Promise<unknown>, code: string, messageKey: string) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect({ code: (error as AppError).code, messageKey: (error as AppError).messageKey }).toEqual({ code, messageKey });
}

async function admin(): Promise<Actor> {
  const { user } = await createStaffUser(db, ["catalog.manage"]);
  return actorFor(user, "session-of-admin");
}

const category = (actor: Actor, en: string, parentId: string | null = null, extra: Record<string, string> = {}) =>
  db.$transaction((tx) => createCategory(tx, actor, CreateCategoryInput.parse({ parentId, names: { en, ...extra } })));

const attribute = (actor: Actor, categoryId: string, input: Record<string, unknown>) =>
  db.$transaction((tx) => createAttribute(tx, actor, CreateAttributeInput.parse({ categoryId, names: { en: String(input.code) }, ...input })));

let vendorSeq = 0;
/** A product row written straight with Prisma (the products module isn't part of this one). */
async function product(categoryId: string, categoryPath: string[], extra: { brandId?: string; attributes?: object } = {}) {
  vendorSeq += 1;
  const owner = await createUser(db);
  const vendor = await db.vendor.create({
    data: { name: `Shop ${vendorSeq}`, slug: `shop-${vendorSeq}-${Date.now()}`, status: "ACTIVE", memberships: { create: { userId: owner.id, role: "OWNER", permissions: [] } } },
  });
  return db.product.create({
    data: { vendorId: vendor.id, slug: `p-${vendorSeq}-${Date.now()}`, title: "A product", categoryId, categoryPath, currency: "EUR", ...extra },
  });
}

describe("the category tree", () => {
  it("builds a tree five levels deep with ancestorIds root→parent and positions in creation order", async () => {
    const actor = await admin();
    const a = await category(actor, "Deep A");
    const b = await category(actor, "Deep B", a.id);
    const c = await category(actor, "Deep C", b.id);
    const d = await category(actor, "Deep D", c.id);
    const e = await category(actor, "Deep E", d.id);
    const sibling = await category(actor, "Deep B2", a.id);
    expect(e.ancestorIds).toEqual([a.id, b.id, c.id, d.id]);
    expect(d.ancestorIds).toEqual([a.id, b.id, c.id]);
    expect([b.position, sibling.position]).toEqual([0, 1]);
    const tree = await getCategoryTree(db, "en");
    const root = tree.find((n) => n.id === a.id)!;
    expect(root.children.map((n) => n.name)).toEqual(["Deep B", "Deep B2"]);
    expect(root.children[0]!.children[0]!.children[0]!.children[0]).toMatchObject({ id: e.id, name: "Deep E", depth: 4, children: [] });
    expect(await db.auditLog.count({ where: { action: "catalog.category.create", actorId: actor.userId } })).toBe(6);
  });

  it("derives a readable slug from the English name and adds -2, -3 on a clash; refuses a taken explicit slug", async () => {
    const actor = await admin();
    const slugs = [];
    for (let i = 0; i < 3; i += 1) slugs.push((await category(actor, "Téléphones & Co")).slug);
    expect(slugs).toEqual(["telephones-co", "telephones-co-2", "telephones-co-3"]);
    await expectAppError(db.$transaction((tx) => createCategory(tx, actor, CreateCategoryInput.parse({ names: { en: "X" }, slug: "telephones-co" }))),
      "CONFLICT", "catalog.slugTaken");
  });

  it("validates names: English required, only the five locales, length limits; blanks dropped", () => {
    expect(LocalizedNames.safeParse({ es: "Hola" }).success).toBe(false);
    expect(LocalizedNames.safeParse({ en: "  " }).success).toBe(false);
    expect(LocalizedNames.safeParse({ en: "Phones", de: "Handys" }).success).toBe(false);
    expect(LocalizedNames.safeParse({ en: "x".repeat(81) }).success).toBe(false);
    expect(LocalizedNames.parse({ en: " Phones ", ar: "هواتف", fr: "" })).toEqual({ en: "Phones", ar: "هواتف" });
  });

  it("localizes names with an English fallback and sorts by position then name", async () => {
    const actor = await admin();
    const root = await category(actor, "Loc Root", null, { fr: "Racine" });
    const kids = [await category(actor, "Zeta", root.id, { fr: "Zêta" }), await category(actor, "Alpha", root.id)];
    // Same position for both: the name decides.
    await db.category.updateMany({ where: { id: { in: kids.map((k) => k.id) } }, data: { position: 0 } });
    const fr = (await getCategoryTree(db, "fr")).find((n) => n.id === root.id)!;
    expect(fr.name).toBe("Racine");
    expect(fr.children.map((n) => n.name)).toEqual(["Alpha", "Zêta"]);
    const details = await getCategoryBySlug(db, kids[1]!.slug, "ar");
    expect(details).toMatchObject({ name: "Alpha", breadcrumb: [{ id: root.id, name: "Loc Root" }] });
    expect(await getCategoryBySlug(db, "no-such-category", "en")).toBeNull();
  });

  it("updates names, slug and position, audited; reorders siblings and refuses a stale list", async () => {
    const actor = await admin();
    const root = await category(actor, "Reorder Root");
    const [x, y, z] = [await category(actor, "X", root.id), await category(actor, "Y", root.id), await category(actor, "Z", root.id)];
    const updated = await db.$transaction((tx) => updateCategory(tx, actor, { categoryId: x.id, names: { en: "Ex", es: "Equis" }, slug: "ex-cat" }));
    expect(updated).toMatchObject({ names: { en: "Ex", es: "Equis" }, slug: "ex-cat" });
    await db.$transaction((tx) => reorderCategories(tx, actor, { parentId: root.id, orderedIds: [z.id, x.id, y.id] }));
    const tree = (await getCategoryTree(db, "en")).find((n) => n.id === root.id)!;
    expect(tree.children.map((n) => n.id)).toEqual([z.id, x.id, y.id]);
    await expectAppError(db.$transaction((tx) => reorderCategories(tx, actor, { parentId: root.id, orderedIds: [z.id, x.id] })), "CONFLICT", "catalog.reorderStale");
    expect(await db.auditLog.findFirst({ where: { action: "catalog.category.update", resourceId: x.id } })).toMatchObject({
      metadata: { before: { slug: x.slug }, after: { slug: "ex-cat" } },
    });
  });
});

describe("moving categories", () => {
  it("recomputes ancestorIds of the whole subtree and the categoryPath of its products, in one go", async () => {
    const actor = await admin();
    const a = await category(actor, "Move A");
    const b = await category(actor, "Move B", a.id);
    const c = await category(actor, "Move C", b.id);
    const d = await category(actor, "Move D", c.id);
    const target = await category(actor, "Target", null);
    const t2 = await category(actor, "Target 2", target.id);
    const inC = await product(c.id, [a.id, b.id, c.id]);
    const inD = await product(d.id, [a.id, b.id, c.id, d.id]);
    const outside = await product(a.id, [a.id]);

    const result = await db.$transaction((tx) => moveCategory(tx, actor, { categoryId: b.id, parentId: t2.id }));
    expect(result).toMatchObject({ movedCategories: 3, updatedProducts: 2 });
    const rows = new Map((await db.category.findMany({ where: { id: { in: [b.id, c.id, d.id] } } })).map((r) => [r.id, r]));
    expect(rows.get(b.id)).toMatchObject({ parentId: t2.id, ancestorIds: [target.id, t2.id], position: 0 });
    expect(rows.get(c.id)!.ancestorIds).toEqual([target.id, t2.id, b.id]);
    expect(rows.get(d.id)!.ancestorIds).toEqual([target.id, t2.id, b.id, c.id]);
    expect((await db.product.findUniqueOrThrow({ where: { id: inC.id } })).categoryPath).toEqual([target.id, t2.id, b.id, c.id]);
    expect((await db.product.findUniqueOrThrow({ where: { id: inD.id } })).categoryPath).toEqual([target.id, t2.id, b.id, c.id, d.id]);
    expect((await db.product.findUniqueOrThrow({ where: { id: outside.id } })).categoryPath).toEqual([a.id]);

    // And back up to the roots.
    await db.$transaction((tx) => moveCategory(tx, actor, { categoryId: c.id, parentId: null }));
    expect((await db.category.findUniqueOrThrow({ where: { id: d.id } })).ancestorIds).toEqual([c.id]);
    expect((await db.product.findUniqueOrThrow({ where: { id: inD.id } })).categoryPath).toEqual([c.id, d.id]);
    expect(await db.auditLog.findFirst({ where: { action: "catalog.category.move", resourceId: b.id } })).toMatchObject({
      metadata: { fromParentId: a.id, toParentId: t2.id, movedCategories: 3, updatedProducts: 2 },
    });
  });

  it("refuses a move under itself or a descendant, changing nothing", async () => {
    const actor = await admin();
    const a = await category(actor, "Cycle A");
    const b = await category(actor, "Cycle B", a.id);
    const c = await category(actor, "Cycle C", b.id);
    await expectAppError(db.$transaction((tx) => moveCategory(tx, actor, { categoryId: a.id, parentId: a.id })), "BAD_REQUEST", "catalog.moveIntoItself");
    await expectAppError(db.$transaction((tx) => moveCategory(tx, actor, { categoryId: a.id, parentId: c.id })), "BAD_REQUEST", "catalog.moveIntoItself");
    expect((await db.category.findUniqueOrThrow({ where: { id: a.id } })).parentId).toBeNull();
    expect((await db.category.findUniqueOrThrow({ where: { id: c.id } })).ancestorIds).toEqual([a.id, b.id]);
  });

  it("serialises concurrent crossing moves so no cycle can form", async () => {
    const actor = await admin();
    const a = await category(actor, "Race A");
    const b = await category(actor, "Race B");
    const results = await Promise.allSettled([
      db.$transaction((tx) => moveCategory(tx, actor, { categoryId: a.id, parentId: b.id })),
      db.$transaction((tx) => moveCategory(tx, actor, { categoryId: b.id, parentId: a.id })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [ra, rb] = [await db.category.findUniqueOrThrow({ where: { id: a.id } }), await db.category.findUniqueOrThrow({ where: { id: b.id } })];
    expect([ra.parentId, rb.parentId].filter(Boolean)).toHaveLength(1);
  });

  it("makes a product writer wait for a move in progress, so it sees the new path", async () => {
    const actor = await admin();
    const a = await category(actor, "Wait A");
    const b = await category(actor, "Wait B", a.id);
    const target = await category(actor, "Wait Target");
    let moveDone = 0;
    const move = db.$transaction(async (tx) => {
      await moveCategory(tx, actor, { categoryId: b.id, parentId: target.id });
      await new Promise((resolve) => setTimeout(resolve, 400));
      moveDone = Date.now();
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const path = await db.$transaction(async (tx) => {
      const p = await lockCategoryPathForProduct(tx, b.id);
      return { p, at: Date.now() };
    });
    await move;
    expect(path.p).toEqual([target.id, b.id]);
    expect(path.at).toBeGreaterThanOrEqual(moveDone);
    expect(await db.$transaction((tx) => lockCategoryPathForProduct(tx, "missing"))).toBeNull();
  });

  it("refuses a move that would make inherited attribute codes clash", async () => {
    const actor = await admin();
    const a = await category(actor, "Clash A");
    const b = await category(actor, "Clash B");
    const b1 = await category(actor, "Clash B1", b.id);
    await attribute(actor, a.id, { code: "material", type: "TEXT" });
    await attribute(actor, b1.id, { code: "material", type: "TEXT" });
    await expectAppError(db.$transaction((tx) => moveCategory(tx, actor, { categoryId: b.id, parentId: a.id })), "CONFLICT", "catalog.moveCodeClash");
  });
});

describe("deleting categories", () => {
  it("refuses while it has children or products, then deletes with its attributes", async () => {
    const actor = await admin();
    const a = await category(actor, "Del A");
    const b = await category(actor, "Del B", a.id);
    await attribute(actor, b.id, { code: "size", type: "NUMBER", unit: "cm" });
    await expectAppError(db.$transaction((tx) => deleteCategory(tx, actor, a.id)), "CONFLICT", "catalog.categoryHasChildren");
    const p = await product(b.id, [a.id, b.id]);
    await expectAppError(db.$transaction((tx) => deleteCategory(tx, actor, b.id)), "CONFLICT", "catalog.categoryHasProducts");
    await db.product.delete({ where: { id: p.id } });
    await db.$transaction((tx) => deleteCategory(tx, actor, b.id));
    expect(await db.category.findUnique({ where: { id: b.id } })).toBeNull();
    expect(await db.attributeDefinition.count({ where: { categoryId: b.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "catalog.category.delete", resourceId: b.id } })).toBe(1);
  });
});

describe("attribute definitions", () => {
  it("inherit down the tree, ancestors first, with translated option labels", async () => {
    const actor = await admin();
    const a = await category(actor, "Attr A");
    const b = await category(actor, "Attr B", a.id);
    const c = await category(actor, "Attr C", b.id);
    await attribute(actor, a.id, { code: "material", type: "SELECT", options: [{ value: "cotton", names: { en: "Cotton", fr: "Coton" } }, { value: "wool", names: { en: "Wool" } }] });
    await attribute(actor, c.id, { code: "width", type: "NUMBER", unit: "cm" });
    await attribute(actor, b.id, { code: "waterproof", type: "BOOLEAN", filterable: false });
    await attribute(actor, c.id, { code: "notes", type: "TEXT" });
    const effective = await getCategoryAttributes(db, c.id, "fr");
    expect(effective.map((x) => [x.code, x.inherited])).toEqual([["material", true], ["waterproof", true], ["width", false], ["notes", false]]);
    expect(effective[0]!.options.map((o) => o.name)).toEqual(["Coton", "Wool"]);
    expect(effective[1]).toMatchObject({ filterable: false, categoryId: b.id });
    const details = await getCategoryBySlug(db, c.slug, "en");
    expect(details!.attributes.map((x) => x.code)).toEqual(["material", "waterproof", "width", "notes"]);
    expect(details!.breadcrumb.map((x) => x.id)).toEqual([a.id, b.id]);
  });

  it("refuses a code already used by an ancestor or a descendant; siblings may share one", async () => {
    const actor = await admin();
    const a = await category(actor, "Code A");
    const b = await category(actor, "Code B", a.id);
    const sibling = await category(actor, "Code B2", a.id);
    await attribute(actor, b.id, { code: "colour", type: "TEXT" });
    await expectAppError(attribute(actor, a.id, { code: "colour", type: "TEXT" }), "CONFLICT", "catalog.codeTaken");
    await attribute(actor, a.id, { code: "brand_line", type: "TEXT" });
    await expectAppError(attribute(actor, b.id, { code: "Brand_Line", type: "TEXT" }), "CONFLICT", "catalog.codeTaken");
    await expect(attribute(actor, sibling.id, { code: "colour", type: "TEXT" })).resolves.toMatchObject({ code: "colour" });
  });

  it("checks types, options and units in the input", () => {
    const base = { categoryId: "c", code: "x", names: { en: "X" } };
    expect(CreateAttributeInput.safeParse({ ...base, type: "SELECT" }).success).toBe(false);
    expect(CreateAttributeInput.safeParse({ ...base, type: "TEXT", options: [{ value: "a", names: { en: "A" } }] }).success).toBe(false);
    expect(CreateAttributeInput.safeParse({ ...base, type: "TEXT", unit: "cm" }).success).toBe(false);
    expect(CreateAttributeInput.safeParse({ ...base, code: "9lives", type: "TEXT" }).success).toBe(false);
    const dup = CreateAttributeInput.safeParse({ ...base, type: "SELECT", options: [{ value: "a", names: { en: "A" } }, { value: "a", names: { en: "B" } }] });
    expect(dup.success ? null : dup.error.issues[0]!.message).toBe("catalog.optionDuplicate");
  });

  it("updates labels and options but refuses dropping an option or deleting a definition products use", async () => {
    const actor = await admin();
    const a = await category(actor, "Opt A");
    const def = await attribute(actor, a.id, { code: "fabric", type: "SELECT", options: [{ value: "silk", names: { en: "Silk" } }, { value: "linen", names: { en: "Linen" } }] });
    await product(a.id, [a.id], { attributes: { fabric: "silk" } });
    const relabeled = await db.$transaction((tx) => updateAttribute(tx, actor, UpdateAttributeInput.parse({
      attributeId: def.id, names: { en: "Fabric", es: "Tela" }, options: [{ value: "silk", names: { en: "Silk", es: "Seda" } }], filterable: false,
    })));
    expect(relabeled).toMatchObject({ code: "fabric", names: { en: "Fabric", es: "Tela" }, filterable: false, options: [{ value: "silk", names: { es: "Seda" } }] });
    await expectAppError(db.$transaction((tx) => updateAttribute(tx, actor, UpdateAttributeInput.parse({ attributeId: def.id, options: [{ value: "wool", names: { en: "Wool" } }] }))),
      "CONFLICT", "catalog.optionInUse");
    await expectAppError(db.$transaction((tx) => deleteAttribute(tx, actor, def.id)), "CONFLICT", "catalog.attributeInUse");
    const unused = await attribute(actor, a.id, { code: "origin", type: "TEXT" });
    await db.$transaction((tx) => deleteAttribute(tx, actor, unused.id));
    expect(await db.attributeDefinition.findUnique({ where: { id: unused.id } })).toBeNull();
  });
});

describe("validateProductAttributes", () => {
  const defs: AttributeRule[] = [
    { code: "material", type: "SELECT", options: [{ value: "cotton" }, { value: "wool" }] },
    { code: "width", type: "NUMBER", options: [] },
    { code: "waterproof", type: "BOOLEAN", options: [] },
    { code: "notes", type: "TEXT", options: [] },
  ];

  it("normalises good values and drops blanks", () => {
    expect(validateProductAttributes(defs, { material: "wool", width: "12.5", waterproof: "false", notes: "  soft  ", empty: undefined })).toEqual({
      ok: false, errors: { empty: "catalog.attributeUnknown" },
    });
    expect(validateProductAttributes(defs, { material: "wool", width: "12.5", waterproof: "false", notes: "  soft  " })).toEqual({
      ok: true, values: { material: "wool", width: 12.5, waterproof: false, notes: "soft" },
    });
    expect(validateProductAttributes(defs, { material: "", width: null, notes: " " })).toEqual({ ok: true, values: {} });
    expect(validateProductAttributes(defs, null)).toEqual({ ok: true, values: {} });
  });

  it("returns an error key per bad field", () => {
    expect(validateProductAttributes(defs, {
      material: "silk", width: Number.POSITIVE_INFINITY, waterproof: "yes", notes: "x".repeat(201), colour: "red",
    })).toEqual({
      ok: false,
      errors: {
        material: "catalog.attributeOption", width: "catalog.attributeNumber", waterproof: "catalog.attributeBoolean",
        notes: "catalog.attributeTextTooLong", colour: "catalog.attributeUnknown",
      },
    });
    expect(validateProductAttributes(defs, { width: "12abc", notes: 5 })).toEqual({ ok: false, errors: { width: "catalog.attributeNumber", notes: "catalog.attributeText" } });
    expect(validateProductAttributes(defs, ["x"])).toEqual({ ok: false, errors: { _: "catalog.attributesInvalid" } });
  });
});

describe("brands", () => {
  it("creates with slug suffixes, searches, pages, renames and refuses deleting one in use", async () => {
    const actor = await admin();
    const first = await db.$transaction((tx) => createBrand(tx, actor, CreateBrandInput.parse({ name: "Acme Widgets" })));
    const second = await db.$transaction((tx) => createBrand(tx, actor, CreateBrandInput.parse({ name: "ACME widgets" })));
    expect([first.slug, second.slug]).toEqual(["acme-widgets", "acme-widgets-2"]);
    await db.$transaction((tx) => createBrand(tx, actor, CreateBrandInput.parse({ name: "Zenith" })));
    const found = await listBrands(db, { query: "acme" });
    expect(found.brands.map((b) => b.slug).sort()).toEqual(["acme-widgets", "acme-widgets-2"]);
    const page1 = await listBrands(db, { limit: 2 });
    const page2 = await listBrands(db, { limit: 2, cursor: page1.nextCursor! });
    expect([page1.brands.length, page2.brands.length, page2.nextCursor]).toEqual([2, 1, null]);
    expect(new Set([...page1.brands, ...page2.brands].map((b) => b.id)).size).toBe(3);
    expect(page2.brands[0]!.name).toBe("Zenith");
    const renamed = await db.$transaction((tx) => updateBrand(tx, actor, { brandId: first.id, name: "Acme" }));
    expect(renamed).toMatchObject({ name: "Acme", slug: "acme-widgets" });
    await expectAppError(db.$transaction((tx) => createBrand(tx, actor, CreateBrandInput.parse({ name: "L", logoId: "missing" }))), "BAD_REQUEST", "catalog.logoNotFound");
    const root = await category(actor, "Brand Cat");
    const p = await product(root.id, [root.id], { brandId: first.id });
    await expectAppError(db.$transaction((tx) => deleteBrand(tx, actor, first.id)), "CONFLICT", "catalog.brandInUse");
    await db.product.delete({ where: { id: p.id } });
    await db.$transaction((tx) => deleteBrand(tx, actor, first.id));
    expect(await db.brand.findUnique({ where: { id: first.id } })).toBeNull();
    expect(await db.auditLog.count({ where: { resourceType: "brand", actorId: actor.userId } })).toBe(5);
  });
});

describe("the catalog router", () => {
  const callerFor = (user: TestUser | { id: string; email: string; name: string }) =>
    createCaller({ db, meta: meta(), session: { sessionId: "s", user: { id: user.id, email: user.email, name: user.name, locale: "en", twoFactor: false } } });

  it("refuses anonymous, non-staff and staff without catalog.manage; lets a catalog manager through with an audit", async () => {
    const shopper = await createUser(db);
    const { user: moderator } = await createStaffUser(db, ["catalog.moderate", "staff.manage"]);
    const { user: manager } = await createStaffUser(db, ["catalog.manage"]);
    const anonymous = createCaller({ db, meta: meta(), session: null });
    await expect(anonymous.catalog.createCategory({ names: { en: "Nope" } })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    for (const caller of [callerFor(shopper), callerFor(moderator)]) {
      await expect(caller.catalog.createCategory({ names: { en: "Nope" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.catalog.createBrand({ name: "Nope" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db.category.count({ where: { slug: "nope" } })).toBe(0);
    const created = await callerFor(manager).catalog.createCategory({ names: { en: "Router Cat", zh: "路由" } });
    expect(await db.auditLog.findFirst({ where: { action: "catalog.category.create", resourceId: created.id } })).toMatchObject({ actorId: manager.id });
    // Public readers need no session; the request's locale picks the name.
    const tree = await createCaller({ db, meta: meta({ locale: "zh" }), session: null }).catalog.getCategoryTree();
    expect(tree.find((n) => n.id === created.id)!.name).toBe("路由");
    expect(await anonymous.catalog.getCategoryBySlug({ slug: created.slug })).toMatchObject({ id: created.id, name: "Router Cat" });
    await expect(callerFor(manager).catalog.createCategory({ names: { en: "Bad", de: "Schlecht" } as never })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
