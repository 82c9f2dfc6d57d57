import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor } from "@/test/catalog-factories";
import { createUser } from "@/test/factories";
import { checkPostalCode, CreateAddressInput, MAX_ADDRESSES } from "./addresses.schema";

const address = (overrides: Record<string, unknown> = {}) => ({
  fullName: "Ada Lovelace", line1: "12 Example Street", city: "London", postalCode: "sw1a1aa", countryCode: "gb", ...overrides,
});

async function failure(promise: Promise<unknown>) {
  const error = (await promise.then(() => null, (e: unknown) => e)) as { code?: string; cause?: { messageKey?: string; issues?: { path: PropertyKey[]; message: string }[] } } | null;
  expect(error).not.toBeNull();
  const fields = Object.fromEntries((error!.cause?.issues ?? []).map((i) => [i.path.join("."), i.message]));
  return { code: error!.code, key: error!.cause?.messageKey, fields };
}

describe("postal codes per country", () => {
  it.each([
    ["US", "94105", "94105"], ["US", "941051234", "94105-1234"], ["US", "94105-1234", "94105-1234"],
    ["GB", "sw1a1aa", "SW1A 1AA"], ["GB", "M1 1AE", "M1 1AE"], ["DE", "10115", "10115"], ["FR", "75001", "75001"],
    ["ES", "28013", "28013"], ["CN", "100000", "100000"], ["SA", "12271", "12271"], ["AE", "anything", ""], ["JP", "100-0001", "100-0001"], ["IT", "", ""],
  ])("%s accepts %s as %s", (country, raw, value) => {
    expect(checkPostalCode(country, raw)).toEqual({ ok: true, value });
  });

  it.each([
    ["US", "9410"], ["US", "94105-12"], ["GB", "12345"], ["DE", "1011"], ["FR", "7500A"], ["ES", "280131"], ["CN", "10000"], ["SA", "1227"],
    ["JP", "1234567890123"],
  ])("%s refuses %s", (country, raw) => {
    expect(checkPostalCode(country, raw)).toEqual({ ok: false, error: "addresses.postalCodeInvalid" });
  });

  it("requires a code where the country has a format", () => {
    expect(checkPostalCode("DE", " ")).toEqual({ ok: false, error: "addresses.postalCodeRequired" });
    const parsed = CreateAddressInput.safeParse(address({ countryCode: "US", postalCode: "" }));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["postalCode", "addresses.postalCodeRequired"]]);
  });

  it("limits names and lines and checks the country code", () => {
    const parsed = CreateAddressInput.safeParse(address({ fullName: "x".repeat(101), line1: "  ", countryCode: "GBR", phone: "call me" }));
    expect(Object.fromEntries(parsed.error!.issues.map((i) => [i.path.join("."), i.message]))).toEqual({
      fullName: "validation.tooLong", line1: "validation.required", countryCode: "addresses.countryInvalid", phone: "validation.phone",
    });
  });
});

describe("address book", () => {
  it("the first address becomes the default, and exactly one stays default", async () => {
    const user = await createUser(db);
    const caller = callerFor(db, user);
    const home = await caller.addresses.create(address());
    expect(home).toMatchObject({ isDefault: true, postalCode: "SW1A 1AA", countryCode: "GB", line2: "", phone: "" });
    const work = await caller.addresses.create(address({ countryCode: "DE", postalCode: "10115", city: "Berlin" }));
    expect(work.isDefault).toBe(false);
    const third = await caller.addresses.create(address({ countryCode: "AE", postalCode: "ignored", city: "Dubai", makeDefault: true }));
    expect(third).toMatchObject({ isDefault: true, postalCode: "" });
    let list = await caller.addresses.list();
    expect(list.filter((a) => a.isDefault).map((a) => a.id)).toEqual([third.id]);
    expect(list[0]!.id).toBe(third.id);
    await caller.addresses.setDefault({ id: work.id });
    list = await caller.addresses.list();
    expect(list.filter((a) => a.isDefault).map((a) => a.id)).toEqual([work.id]);
    // Deleting the default promotes the oldest remaining address.
    await caller.addresses.delete({ id: work.id });
    list = await caller.addresses.list();
    expect(list.map((a) => [a.id, a.isDefault])).toEqual([[home.id, true], [third.id, false]]);
  });

  it("concurrent first additions still leave exactly one default", async () => {
    const user = await createUser(db);
    const caller = callerFor(db, user);
    await Promise.all(Array.from({ length: 5 }, (_, i) => caller.addresses.create(address({ line1: `${i} Road` }))));
    expect(await db.address.count({ where: { userId: user.id, isDefault: true } })).toBe(1);
  });

  it("edits with the same checks", async () => {
    const user = await createUser(db);
    const caller = callerFor(db, user);
    const a = await caller.addresses.create(address());
    const updated = await caller.addresses.update({ id: a.id, ...address({ countryCode: "US", postalCode: "941051234", city: "San Francisco", region: "CA" }) });
    expect(updated).toMatchObject({ countryCode: "US", postalCode: "94105-1234", region: "CA", isDefault: true });
    expect((await failure(caller.addresses.update({ id: a.id, ...address({ countryCode: "CN", postalCode: "1234" }) }))).fields).toEqual({
      postalCode: "addresses.postalCodeInvalid",
    });
  });

  it("refuses another account's address id with NOT_FOUND and changes nothing", async () => {
    const owner = await createUser(db);
    const theirs = await callerFor(db, owner).addresses.create(address());
    const intruder = callerFor(db, await createUser(db));
    await intruder.addresses.create(address({ city: "Elsewhere" }));
    for (const attempt of [
      () => intruder.addresses.update({ id: theirs.id, ...address({ city: "Hacked" }) }),
      () => intruder.addresses.setDefault({ id: theirs.id }),
      () => intruder.addresses.delete({ id: theirs.id }),
    ]) {
      expect(await failure(attempt())).toMatchObject({ code: "NOT_FOUND", key: "addresses.notFound" });
    }
    expect(await db.address.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ city: "London", isDefault: true });
    expect(await failure(callerFor(db, null).addresses.list())).toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("keeps at most MAX_ADDRESSES", async () => {
    const user = await createUser(db);
    await db.address.createMany({
      data: Array.from({ length: MAX_ADDRESSES }, (_, i) => ({ userId: user.id, fullName: "A", line1: `${i}`, city: "C", countryCode: "FR", isDefault: i === 0 })),
    });
    expect(await failure(callerFor(db, user).addresses.create(address()))).toMatchObject({ code: "BAD_REQUEST", key: "addresses.tooMany" });
  });
});
