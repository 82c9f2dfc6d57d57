// Synonym groups: the database is the source of truth; after every change the whole set is
// pushed to the search engine (`engine.setSynonyms(allGroups)`). The change and its audit row
// commit first, then the engine is called outside the transaction (no transaction waits on an
// HTTP call to Typesense). A push that fails leaves the database right and reports
// `synced: false`; the next change or a reindex (`syncSynonyms`) pushes the set again.
import type { Db, DbTx } from "@/server/db";
import type { Actor } from "@/server/lib/actor";
import { logger } from "@/server/lib/logger";
import { conflict, notFound } from "@/server/lib/errors";
import { recordAudit } from "@/server/modules/audit";
import type { CreateSynonymGroupInput, UpdateSynonymGroupInput } from "./search-admin.schema";
import type { SearchEngine, SynonymGroup } from "./search.types";

export type SynonymEngine = Pick<SearchEngine, "setSynonyms">;

const SELECT = { id: true, locale: true, terms: true, createdById: true, createdAt: true, updatedAt: true } as const;

/** Every group, oldest first (the admin list and the engine's set). */
export async function listSynonymGroups(db: DbTx) {
  return db.searchSynonymGroup.findMany({ select: SELECT, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/** The groups as the engine takes them. */
export async function allSynonymGroups(db: DbTx): Promise<SynonymGroup[]> {
  const rows = await db.searchSynonymGroup.findMany({ select: { id: true, locale: true, terms: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map((r) => ({ id: r.id, locale: r.locale, terms: r.terms }));
}

/** Pushes the whole set to the engine; false (and a log line) when the engine refused. */
export async function syncSynonyms(db: DbTx, engine: SynonymEngine): Promise<boolean> {
  try {
    await engine.setSynonyms(await allSynonymGroups(db));
    return true;
  } catch (error) {
    logger.error("search: pushing synonyms to the engine failed", { error: error instanceof Error ? error.message : String(error) });
    return false;
  }
}

/** A group with the same terms in the same locale scope already exists (order does not matter). */
async function assertNotDuplicate(db: DbTx, input: { locale: string | null; terms: string[] }, exceptId?: string) {
  const wanted = [...input.terms].sort().join("\u0000");
  const sameScope = await db.searchSynonymGroup.findMany({ where: { locale: input.locale, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { terms: true } });
  if (sameScope.some((g) => [...g.terms].sort().join("\u0000") === wanted)) throw conflict("search.synonymGroupExists");
}

export async function createSynonymGroup(db: Db, actor: Actor, input: CreateSynonymGroupInput, engine: SynonymEngine) {
  const group = await db.$transaction(async (tx) => {
    await assertNotDuplicate(tx, input);
    const created = await tx.searchSynonymGroup.create({ data: { locale: input.locale, terms: input.terms, createdById: actor.userId }, select: SELECT });
    await recordAudit(tx, actor, { action: "search.synonym.create", resourceType: "searchSynonymGroup", resourceId: created.id, metadata: { locale: created.locale, terms: created.terms } });
    return created;
  });
  return { group, synced: await syncSynonyms(db, engine) };
}

export async function updateSynonymGroup(db: Db, actor: Actor, input: UpdateSynonymGroupInput, engine: SynonymEngine) {
  const group = await db.$transaction(async (tx) => {
    const [before] = await tx.$queryRaw<{ id: string; locale: string | null; terms: string[] }[]>`
      SELECT "id", "locale", "terms" FROM "SearchSynonymGroup" WHERE "id" = ${input.id} FOR UPDATE`;
    if (!before) throw notFound("search.synonymGroupNotFound");
    await assertNotDuplicate(tx, input, input.id);
    const updated = await tx.searchSynonymGroup.update({ where: { id: input.id }, data: { locale: input.locale, terms: input.terms }, select: SELECT });
    await recordAudit(tx, actor, {
      action: "search.synonym.update", resourceType: "searchSynonymGroup", resourceId: updated.id,
      metadata: { before: { locale: before.locale, terms: before.terms }, after: { locale: updated.locale, terms: updated.terms } },
    });
    return updated;
  });
  return { group, synced: await syncSynonyms(db, engine) };
}

export async function deleteSynonymGroup(db: Db, actor: Actor, id: string, engine: SynonymEngine) {
  await db.$transaction(async (tx) => {
    const before = await tx.searchSynonymGroup.findUnique({ where: { id }, select: { id: true, locale: true, terms: true } });
    if (!before) throw notFound("search.synonymGroupNotFound");
    await tx.searchSynonymGroup.delete({ where: { id } });
    await recordAudit(tx, actor, { action: "search.synonym.delete", resourceType: "searchSynonymGroup", resourceId: id, metadata: { locale: before.locale, terms: before.terms } });
  });
  return { synced: await syncSynonyms(db, engine) };
}
