// The address book: an account's shipping addresses, exactly one of them the default while
// there are any (the first becomes it; deleting it promotes the oldest remaining one).
import type { DbTx } from "@/server/db";
import { badRequest, notFound } from "@/server/lib/errors";
import { MAX_ADDRESSES, type CreateAddressInput, type UpdateAddressInput } from "./addresses.schema";

// Serialises address-book changes of one account, so "exactly one default" holds under concurrency.
async function lockBook(db: DbTx, userId: string) {
  await db.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
}

async function ownAddress(db: DbTx, userId: string, id: string) {
  const address = await db.address.findFirst({ where: { id, userId } });
  if (!address) throw notFound("addresses.notFound");
  return address;
}

/** The account's addresses, the default first, then oldest first. */
export function listAddresses(db: DbTx, userId: string) {
  return db.address.findMany({ where: { userId }, orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }, { id: "asc" }] });
}

/** One of the account's addresses (checkout uses it), else NOT_FOUND — also for another account's id. */
export function getAddress(db: DbTx, userId: string, id: string) {
  return ownAddress(db, userId, id);
}

/** Adds an address; the first one, or one added with makeDefault, becomes the default. Call inside a transaction. */
export async function createAddress(db: DbTx, userId: string, input: CreateAddressInput) {
  await lockBook(db, userId);
  const count = await db.address.count({ where: { userId } });
  if (count >= MAX_ADDRESSES) throw badRequest("addresses.tooMany", { max: MAX_ADDRESSES });
  const { makeDefault, ...fields } = input;
  const isDefault = count === 0 || makeDefault;
  if (isDefault) await db.address.updateMany({ where: { userId, isDefault: true }, data: { isDefault: false } });
  return db.address.create({ data: { ...fields, userId, isDefault } });
}

/** Edits one of the account's addresses. */
export async function updateAddress(db: DbTx, userId: string, input: UpdateAddressInput) {
  const { id, ...fields } = input;
  await ownAddress(db, userId, id);
  return db.address.update({ where: { id }, data: fields });
}

/** Makes one of the account's addresses the default. Call inside a transaction. */
export async function setDefaultAddress(db: DbTx, userId: string, id: string) {
  await lockBook(db, userId);
  await ownAddress(db, userId, id);
  await db.address.updateMany({ where: { userId, isDefault: true, id: { not: id } }, data: { isDefault: false } });
  return db.address.update({ where: { id }, data: { isDefault: true } });
}

/** Deletes one of the account's addresses; if it was the default, the oldest remaining one takes over. Call inside a transaction. */
export async function deleteAddress(db: DbTx, userId: string, id: string) {
  await lockBook(db, userId);
  const address = await ownAddress(db, userId, id);
  await db.address.delete({ where: { id } });
  if (address.isDefault) {
    const next = await db.address.findFirst({ where: { userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
    if (next) await db.address.update({ where: { id: next.id }, data: { isDefault: true } });
  }
}
