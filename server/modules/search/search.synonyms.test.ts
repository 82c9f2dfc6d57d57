import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/server/db";
import { AppError } from "@/server/lib/errors";
import { callerFor, createShop } from "@/test/catalog-factories";
import { actorFor, createStaffUser, createUser } from "@/test/factories";
import { CreateSynonymGroupInput, UpdateSynonymGroupInput } from "./search-admin.schema";
import { createSynonymGroup, deleteSynonymGroup, listSynonymGroups, updateSynonymGroup, type SynonymEngine } from "./search.synonyms";
import type { SynonymGroup } from "./search.types";

function recordingEngine(options: { fail?: boolean } = {}) {
  const pushes: SynonymGroup[][] = [];
  const engine: SynonymEngine = {
    async setSynonyms(groups) {
      if (options.fail) throw new Error("engine down");
      pushes.push(groups);
    },
  };
  return { engine, pushes };
}

async function staff() {
  const { user } = await createStaffUser(db, ["search.manage"]);
  return { user, actor: actorFor(user, `s-${user.id}`) };
}

function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ZodError)) throw error;
  return Object.fromEntries(error.issues.map((i) => [i.path.join("."), i.message]));
}

const refusalKey = (error: unknown) => {
  const cause = (error as { cause?: unknown }).cause ?? error;
  if (cause instanceof AppError) return cause.messageKey;
  throw error;
};

describe("synonym group input", () => {
  it("normalises terms: trimmed, lowercase, single spaces", () => {
    expect(CreateSynonymGroupInput.parse({ terms: ["  Tee ", "T-Shirt", "TEE  shirt"] })).toEqual({ locale: null, terms: ["tee", "t-shirt", "tee shirt"] });
  });

  it("refuses fewer than 2 or more than 20 terms, empty or long terms, duplicates after normalising, unknown locales", () => {
    expect(fieldErrors(CreateSynonymGroupInput.safeParse({ terms: ["tee"] }).error)).toEqual({ terms: "search.synonymTooFewTerms" });
    expect(fieldErrors(CreateSynonymGroupInput.safeParse({ terms: Array.from({ length: 21 }, (_, i) => `w${i}`) }).error)).toEqual({ terms: "search.synonymTooManyTerms" });
    expect(fieldErrors(CreateSynonymGroupInput.safeParse({ terms: ["tee", "   "] }).error)).toEqual({ "terms.1": "validation.required" });
    expect(fieldErrors(CreateSynonymGroupInput.safeParse({ terms: ["tee", "x".repeat(61)] }).error)).toEqual({ "terms.1": "validation.tooLong" });
    expect(fieldErrors(CreateSynonymGroupInput.safeParse({ terms: ["Sofa", "couch", " sofa"] }).error)).toEqual({ "terms.2": "search.synonymDuplicateTerm" });
    expect(CreateSynonymGroupInput.safeParse({ locale: "de", terms: ["a", "b"] }).success).toBe(false);
    expect(CreateSynonymGroupInput.parse({ terms: ["x".repeat(60), "y"] }).terms[0]).toHaveLength(60);
  });
});

describe("synonym groups", () => {
  it("creates, updates and deletes a group: each change audited and the whole set pushed after commit", async () => {
    const { actor, user } = await staff();
    const { engine, pushes } = recordingEngine();
    const { group, synced } = await createSynonymGroup(db, actor, CreateSynonymGroupInput.parse({ terms: ["Tee", "t-shirt"] }), engine);
    expect(synced).toBe(true);
    expect(group).toMatchObject({ locale: null, terms: ["tee", "t-shirt"], createdById: user.id });
    expect(pushes.at(-1)).toContainEqual({ id: group.id, locale: null, terms: ["tee", "t-shirt"] });

    const updated = await updateSynonymGroup(db, actor, UpdateSynonymGroupInput.parse({ id: group.id, locale: "fr", terms: ["tee", "t-shirt", "tee-shirt"] }), engine);
    expect(updated.group).toMatchObject({ locale: "fr", terms: ["tee", "t-shirt", "tee-shirt"] });
    expect(pushes.at(-1)).toContainEqual({ id: group.id, locale: "fr", terms: ["tee", "t-shirt", "tee-shirt"] });

    await deleteSynonymGroup(db, actor, group.id, engine);
    expect(pushes.at(-1)!.some((g) => g.id === group.id)).toBe(false);
    expect((await listSynonymGroups(db)).some((g) => g.id === group.id)).toBe(false);

    const audit = await db.auditLog.findMany({ where: { resourceType: "searchSynonymGroup", resourceId: group.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["search.synonym.create", user.id],
      ["search.synonym.update", user.id],
      ["search.synonym.delete", user.id],
    ]);
    expect(audit[1]!.metadata).toEqual({ before: { locale: null, terms: ["tee", "t-shirt"] }, after: { locale: "fr", terms: ["tee", "t-shirt", "tee-shirt"] } });
  });

  it("refuses a second group with the same words in the same scope, in any order", async () => {
    const { actor } = await staff();
    const { engine, pushes } = recordingEngine();
    await createSynonymGroup(db, actor, CreateSynonymGroupInput.parse({ locale: "es", terms: ["sofá", "couch"] }), engine);
    const before = pushes.length;
    await expect(createSynonymGroup(db, actor, CreateSynonymGroupInput.parse({ locale: "es", terms: ["Couch", "sofá"] }), engine)).rejects.toSatisfy(
      (e) => refusalKey(e) === "search.synonymGroupExists",
    );
    expect(pushes.length).toBe(before);
    // Another locale scope is another group.
    await expect(createSynonymGroup(db, actor, CreateSynonymGroupInput.parse({ locale: "fr", terms: ["couch", "sofá"] }), engine)).resolves.toMatchObject({ synced: true });
  });

  it("keeps the change when the engine refuses the push, and says so", async () => {
    const { actor } = await staff();
    const { engine } = recordingEngine({ fail: true });
    const { group, synced } = await createSynonymGroup(db, actor, CreateSynonymGroupInput.parse({ terms: ["headphones", "headset"] }), engine);
    expect(synced).toBe(false);
    expect(await db.searchSynonymGroup.findUnique({ where: { id: group.id } })).not.toBeNull();
  });

  it("answers not found for a missing group", async () => {
    const { actor } = await staff();
    const { engine } = recordingEngine();
    await expect(deleteSynonymGroup(db, actor, "nope", engine)).rejects.toSatisfy((e) => refusalKey(e) === "search.synonymGroupNotFound");
    await expect(updateSynonymGroup(db, actor, UpdateSynonymGroupInput.parse({ id: "nope", terms: ["a", "b"] }), engine)).rejects.toSatisfy(
      (e) => refusalKey(e) === "search.synonymGroupNotFound",
    );
  });
});

describe("searchAdmin router: synonyms", () => {
  it("lets search.manage staff manage groups and refuses shoppers, sellers and other staff", async () => {
    const { user } = await staff();
    const caller = callerFor(db, user);
    const { group } = await caller.searchAdmin.createSynonym({ terms: ["sofa", "couch"] });
    expect((await caller.searchAdmin.listSynonyms()).map((g) => g.id)).toContain(group.id);

    const shopper = await createUser(db);
    const { owner } = await createShop(db);
    const { user: otherStaff } = await createStaffUser(db, ["content.manage"]);
    for (const who of [shopper, owner, otherStaff]) {
      await expect(callerFor(db, who).searchAdmin.listSynonyms()).rejects.toSatisfy((e) => refusalKey(e) === "forbidden");
      await expect(callerFor(db, who).searchAdmin.deleteSynonym({ id: group.id })).rejects.toSatisfy((e) => refusalKey(e) === "forbidden");
      await expect(callerFor(db, who).searchAdmin.report({ from: new Date(Date.now() - 86_400_000), to: new Date() })).rejects.toSatisfy((e) => refusalKey(e) === "forbidden");
    }
    await expect(callerFor(db, null).searchAdmin.createSynonym({ terms: ["a", "b"] })).rejects.toSatisfy((e) => refusalKey(e) === "auth.signInRequired");
    expect(await db.searchSynonymGroup.findUnique({ where: { id: group.id } })).not.toBeNull();
  });
});
