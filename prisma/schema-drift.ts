// Drift detection: compares the Prisma schema (prisma/schema/*.prisma, through Prisma's own
// DMMF) with a migrated PostgreSQL database, in both directions. Prisma's `migrate diff`
// needs the schema engine, which cannot run offline here; this covers what the app relies on:
// tables, columns (type, nullability, defaults), primary keys, indexes and unique
// constraints (columns, order, uniqueness, names), foreign keys and enums.
import fs from "node:fs";
import path from "node:path";
import internals from "@prisma/internals";
import pg from "pg";

export const SCHEMA_DIR = path.resolve(import.meta.dirname, "schema");

type Document = Awaited<ReturnType<typeof internals.getDMMF>>;
type Datamodel = Document["datamodel"];
type Model = Datamodel["models"][number];
type Field = Model["fields"][number];

/** Prisma's DMMF of every .prisma file in `dir` (a multi-file schema). */
export async function loadDatamodel(dir = SCHEMA_DIR): Promise<Datamodel> {
  const files = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith(".prisma"))
    .sort()
    .map((file): [string, string] => [path.join(dir, file), fs.readFileSync(path.join(dir, file), "utf8")]);
  if (files.length === 0) throw new Error(`no .prisma files in ${dir}`);
  return (await internals.getDMMF({ datamodel: files })).datamodel;
}

// ---------------------------------------------------------------------------------------------
// The database side

interface DbColumn {
  table: string;
  column: string;
  type: string;
  notNull: boolean;
  defaultExpr: string | null;
}

interface DbIndex {
  table: string;
  name: string;
  primary: boolean;
  unique: boolean;
  columns: (string | null)[];
  desc: boolean[];
  method: string;
  partial: boolean;
}

interface DbForeignKey {
  table: string;
  name: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: string;
  onUpdate: string;
}

export interface DatabaseShape {
  tables: string[];
  columns: DbColumn[];
  indexes: DbIndex[];
  foreignKeys: DbForeignKey[];
  enums: Map<string, string[]>;
}

const ACTIONS: Record<string, string> = { a: "NoAction", r: "Restrict", c: "Cascade", n: "SetNull", d: "SetDefault" };

/** Tables, columns, indexes, foreign keys and enums of the database's current schema. */
export async function readDatabaseShape(url: string): Promise<DatabaseShape> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(`
      SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY 1`);
    const columns = await client.query<{ table: string; column: string; type: string; not_null: boolean; default_expr: string | null; identity: string }>(`
      SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
             a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default_expr, a.attidentity::text AS identity
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`);
    const indexes = await client.query<{ table: string; name: string; primary: boolean; unique: boolean; columns: (string | null)[]; desc: boolean[]; method: string; partial: boolean }>(`
      SELECT t.relname AS table, i.relname AS name, ix.indisprimary AS primary, ix.indisunique AS unique,
             array(SELECT a.attname::text FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                   LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
             array(SELECT coalesce(pg_index_column_has_property(ix.indexrelid, k.ord::int, 'desc'), false)
                   FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord) ORDER BY k.ord) AS desc,
             am.amname::text AS method, ix.indpred IS NOT NULL AS partial
      FROM pg_index ix
      JOIN pg_class i ON i.oid = ix.indexrelid
      JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_am am ON am.oid = i.relam
      JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = current_schema() AND t.relkind IN ('r', 'p')
      ORDER BY t.relname, i.relname`);
    const foreignKeys = await client.query<{ table: string; name: string; columns: string[]; ref_table: string; ref_columns: string[]; on_delete: string; on_update: string }>(`
      SELECT c.relname AS table, con.conname AS name, rc.relname AS ref_table,
             array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
             array(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS ref_columns,
             con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update
      FROM pg_constraint con
      JOIN pg_class c ON c.oid = con.conrelid
      JOIN pg_class rc ON rc.oid = con.confrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE con.contype = 'f' AND n.nspname = current_schema()
      ORDER BY c.relname, con.conname`);
    const enums = await client.query<{ name: string; values: string[] }>(`
      SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema() GROUP BY t.typname ORDER BY 1`);
    return {
      tables: tables.rows.map((r) => r.name),
      columns: columns.rows.map((r) => ({
        table: r.table,
        column: r.column,
        type: r.type.replace(/"/g, ""),
        notNull: r.not_null,
        defaultExpr: r.default_expr ?? (r.identity ? "identity" : null),
      })),
      indexes: indexes.rows,
      foreignKeys: foreignKeys.rows.map((r) => ({
        table: r.table, name: r.name, columns: r.columns, refTable: r.ref_table, refColumns: r.ref_columns,
        onDelete: ACTIONS[r.on_delete] ?? r.on_delete, onUpdate: ACTIONS[r.on_update] ?? r.on_update,
      })),
      enums: new Map(enums.rows.map((r) => [r.name, r.values])),
    };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// The schema side: what Prisma's PostgreSQL migrations would create

const MAX_IDENTIFIER = 63;

/** Prisma's default constraint/index names (`User_email_key`), truncated like Prisma does. */
function defaultName(table: string, columns: string[], suffix: string): string {
  const base = [table, ...columns].join("_");
  const room = MAX_IDENTIFIER - suffix.length - 1;
  return `${base.length > room ? base.slice(0, room) : base}_${suffix}`;
}

function timePrecision(args: readonly string[]): string {
  return args[0] ?? "3";
}

/** The column type PostgreSQL's format_type() shows for a field (enums by their database name). */
function expectedType(field: Field, enumNames: Map<string, string>): string {
  const [native, args = []] = field.nativeType ?? [];
  const withArgs = (name: string) => (args.length ? `${name}(${args.join(",")})` : name);
  let type: string;
  if (field.kind === "enum") type = enumNames.get(field.type) ?? field.type;
  else if (native) {
    const natives: Record<string, string> = {
      Text: "text", VarChar: withArgs("character varying"), Char: withArgs("character"), Uuid: "uuid", Citext: "citext",
      Inet: "inet", Xml: "xml", SmallInt: "smallint", Integer: "integer", BigInt: "bigint", Oid: "oid", Real: "real",
      DoublePrecision: "double precision", Decimal: args.length ? `numeric(${args.join(",")})` : "numeric", Money: "money",
      Boolean: "boolean", Bit: withArgs("bit"), VarBit: withArgs("bit varying"), Date: "date",
      Timestamp: `timestamp(${timePrecision(args)}) without time zone`, Timestamptz: `timestamp(${timePrecision(args)}) with time zone`,
      Time: `time(${timePrecision(args)}) without time zone`, Timetz: `time(${timePrecision(args)}) with time zone`,
      Json: "json", JsonB: "jsonb", ByteA: "bytea",
    };
    type = natives[native] ?? native.toLowerCase();
  } else {
    const defaults: Record<string, string> = {
      String: "text", Int: "integer", BigInt: "bigint", Float: "double precision", Decimal: "numeric(65,30)",
      Boolean: "boolean", DateTime: "timestamp(3) without time zone", Json: "jsonb", Bytes: "bytea",
    };
    type = defaults[field.type] ?? `unsupported:${field.type}`;
  }
  return field.isList ? `${type}[]` : type;
}

/** Client-side defaults (generated by Prisma Client, not by the database). */
const CLIENT_DEFAULTS = new Set(["cuid", "uuid", "nanoid", "ulid"]);

type ExpectedDefault = { kind: "none" } | { kind: "any" } | { kind: "now" } | { kind: "sequence" } | { kind: "literal"; value: string };

function expectedDefault(field: Field): ExpectedDefault {
  if (!field.hasDefaultValue || field.default === undefined) return { kind: "none" };
  const value = field.default as unknown;
  if (Array.isArray(value)) return { kind: "any" };
  if (value !== null && typeof value === "object") {
    const fn = value as { name: string };
    if (CLIENT_DEFAULTS.has(fn.name)) return { kind: "none" };
    if (fn.name === "now") return { kind: "now" };
    if (fn.name === "autoincrement" || fn.name === "sequence") return { kind: "sequence" };
    return { kind: "any" }; // dbgenerated(...) and friends: present, value not compared
  }
  return { kind: "literal", value: String(value) };
}

/** `'en'::text` -> `en`, `0` -> `0`, `'{}'::jsonb` -> `{}`. */
function literalOf(expr: string): string {
  let out = expr.trim();
  for (let previous = ""; previous !== out; ) {
    previous = out;
    out = out.replace(/::[A-Za-z_"][\w" ]*(\(\d+(,\d+)?\))?(\[\])?$/, "").trim();
    if (/^\(.*\)$/.test(out)) out = out.slice(1, -1).trim();
  }
  if (/^'.*'$/s.test(out)) out = out.slice(1, -1).replace(/''/g, "'");
  return out;
}

function describeDefault(expected: ExpectedDefault): string {
  return expected.kind === "literal" ? `'${expected.value}'` : expected.kind === "none" ? "no default" : expected.kind;
}

function defaultMatches(expected: ExpectedDefault, actual: string | null): boolean {
  switch (expected.kind) {
    case "none":
      return actual === null;
    case "any":
      return actual !== null;
    case "now":
      return actual !== null && /^(CURRENT_TIMESTAMP|now\(\))/i.test(actual);
    case "sequence":
      return actual !== null && (/^nextval\(/i.test(actual) || actual === "identity");
    case "literal":
      return actual !== null && literalOf(actual) === expected.value;
  }
}

interface ExpectedIndex {
  model: string;
  table: string;
  kind: "primary key" | "unique index" | "index";
  name: string;
  columns: string[];
  desc: boolean[];
  method: string;
}

// ---------------------------------------------------------------------------------------------
// The comparison

const IGNORED_TABLES = new Set(["_prisma_migrations"]);

/** A field of type `Unsupported("…")` (left out of Prisma's DMMF): model → column → type and optionality. */
export type UnsupportedColumns = Map<string, Map<string, { type: string; optional: boolean }>>;

/** The `Unsupported("tsvector")`-style fields of the .prisma files in `dir` (Prisma's DMMF omits them). */
export function loadUnsupportedColumns(dir = SCHEMA_DIR): UnsupportedColumns {
  const out: UnsupportedColumns = new Map();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".prisma"))) {
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    for (const block of text.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
      for (const field of block[2]!.matchAll(/^\s*(\w+)\s+Unsupported\("([^"]+)"\)(\?)?([^\n]*)$/gm)) {
        const column = /@map\("([^"]+)"\)/.exec(field[4]!)?.[1] ?? field[1]!;
        if (!out.has(block[1]!)) out.set(block[1]!, new Map());
        out.get(block[1]!)!.set(column, { type: field[2]!, optional: field[3] === "?" });
      }
    }
  }
  return out;
}

/** Every difference between the datamodel and the database, one readable line each. */
export function diffDatamodel(datamodel: Datamodel, db: DatabaseShape, unsupported: UnsupportedColumns = new Map()): string[] {
  const problems: string[] = [];
  const tableOf = new Map(datamodel.models.map((m) => [m.name, m.dbName ?? m.name]));
  const columnOf = (model: Model, fieldName: string) => {
    const field = model.fields.find((f) => f.name === fieldName);
    return field?.dbName ?? fieldName;
  };
  const enumNames = new Map(datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const dbTables = new Set(db.tables);
  const expectedTables = new Set<string>();
  const implicitTables = new Set<string>();

  for (const model of datamodel.models) {
    const table = tableOf.get(model.name)!;
    expectedTables.add(table);
    // Implicit many-to-many relations live in Prisma's own join tables (`_RelationName`).
    for (const field of model.fields) {
      if (field.kind === "object" && field.isList && field.relationName && !field.relationFromFields?.length) {
        const other = datamodel.models.find((m) => m.name === field.type);
        const back = other?.fields.find((f) => f.relationName === field.relationName && f !== field);
        if (back?.isList) implicitTables.add(`_${field.relationName}`);
      }
    }
    if (!dbTables.has(table)) {
      problems.push(`model ${model.name}: table "${table}" is missing from the database`);
      continue;
    }

    // Columns
    const dbColumns = new Map(db.columns.filter((c) => c.table === table).map((c) => [c.column, c]));
    const scalarColumns = new Set<string>();
    for (const field of model.fields) {
      if (field.kind === "object") continue;
      const column = field.dbName ?? field.name;
      scalarColumns.add(column);
      const where = `model ${model.name}: column "${table}"."${column}"`;
      const actual = dbColumns.get(column);
      if (!actual) {
        problems.push(`${where} is missing from the database`);
        continue;
      }
      const type = expectedType(field, enumNames);
      if (actual.type !== type) problems.push(`${where} has type ${actual.type} in the database, ${type} in the schema`);
      if (!field.isList && actual.notNull !== field.isRequired) {
        problems.push(`${where} is ${actual.notNull ? "NOT NULL" : "nullable"} in the database but ${field.isRequired ? "required" : "optional"} in the schema`);
      }
      const wanted = expectedDefault(field);
      if (!defaultMatches(wanted, actual.defaultExpr)) {
        problems.push(`${where} has ${actual.defaultExpr === null ? "no default" : `default ${actual.defaultExpr}`} in the database, ${describeDefault(wanted)} in the schema`);
      }
    }
    for (const [column, wanted] of unsupported.get(model.name) ?? []) {
      scalarColumns.add(column);
      const where = `model ${model.name}: column "${table}"."${column}"`;
      const actual = dbColumns.get(column);
      if (!actual) problems.push(`${where} is missing from the database`);
      else {
        if (actual.type !== wanted.type) problems.push(`${where} has type ${actual.type} in the database, ${wanted.type} in the schema`);
        if (actual.notNull === wanted.optional) problems.push(`${where} is ${actual.notNull ? "NOT NULL" : "nullable"} in the database but ${wanted.optional ? "optional" : "required"} in the schema`);
      }
    }
    for (const column of dbColumns.keys()) {
      if (!scalarColumns.has(column)) problems.push(`model ${model.name}: column "${table}"."${column}" is in the database but not in the schema`);
    }
  }

  // Indexes, unique constraints and primary keys
  const expectedIndexes: ExpectedIndex[] = datamodel.indexes
    .filter((index) => index.type !== "fulltext")
    .map((index) => {
      const model = datamodel.models.find((m) => m.name === index.model)!;
      const table = tableOf.get(index.model)!;
      const columns = index.fields.map((f) => columnOf(model, f.name));
      const kind = index.type === "id" ? "primary key" : index.type === "unique" ? "unique index" : "index";
      const suffix = index.type === "id" ? "pkey" : index.type === "unique" ? "key" : "idx";
      return {
        model: model.name,
        table,
        kind,
        name: index.dbName ?? (index.type === "id" ? `${table}_pkey` : defaultName(table, columns, suffix)),
        columns,
        desc: index.fields.map((f) => f.sortOrder === "desc"),
        method: (index.algorithm ?? "btree").toLowerCase(),
      } satisfies ExpectedIndex;
    });
  const kindOf = (index: DbIndex): ExpectedIndex["kind"] => (index.primary ? "primary key" : index.unique ? "unique index" : "index");
  const unmatched = new Set(db.indexes.filter((i) => !IGNORED_TABLES.has(i.table) && !implicitTables.has(i.table)));
  for (const wanted of expectedIndexes) {
    if (!dbTables.has(wanted.table)) continue; // already reported
    const sameColumns = (i: DbIndex) => i.table === wanted.table && kindOf(i) === wanted.kind && i.columns.join(",") === wanted.columns.join(",");
    const candidates = [...unmatched].filter(sameColumns);
    const found = candidates.find((i) => i.name === wanted.name) ?? candidates[0];
    const what = `model ${wanted.model}: ${wanted.kind} "${wanted.name}" on "${wanted.table}"(${wanted.columns.join(", ")})`;
    if (!found) {
      problems.push(`${what} is missing from the database`);
      continue;
    }
    unmatched.delete(found);
    if (found.name !== wanted.name) problems.push(`${what} is named "${found.name}" in the database`);
    if (found.desc.join(",") !== wanted.desc.join(",")) {
      const order = (desc: boolean[]) => desc.map((d) => (d ? "DESC" : "ASC")).join(", ");
      problems.push(`${what} is sorted (${order(found.desc)}) in the database, (${order(wanted.desc)}) in the schema`);
    }
    if (found.method !== wanted.method) problems.push(`${what} uses ${found.method} in the database, ${wanted.method} in the schema`);
    if (found.partial) problems.push(`${what} is a partial index in the database`);
  }
  for (const index of unmatched) {
    if (!expectedTables.has(index.table)) continue; // the whole table is reported
    const columns = index.columns.map((c) => c ?? "<expression>").join(", ");
    problems.push(`table "${index.table}": ${kindOf(index)} "${index.name}" (${columns}) is in the database but not in the schema`);
  }

  // Foreign keys
  const unmatchedKeys = new Set(db.foreignKeys.filter((k) => !IGNORED_TABLES.has(k.table) && !implicitTables.has(k.table)));
  for (const model of datamodel.models) {
    const table = tableOf.get(model.name)!;
    if (!dbTables.has(table)) continue;
    for (const field of model.fields) {
      if (field.kind !== "object" || !field.relationFromFields?.length) continue;
      const target = datamodel.models.find((m) => m.name === field.type)!;
      const columns = field.relationFromFields.map((f) => columnOf(model, f));
      const refTable = tableOf.get(target.name)!;
      const refColumns = (field.relationToFields ?? []).map((f) => columnOf(target, f));
      const required = field.relationFromFields.every((f) => model.fields.find((x) => x.name === f)?.isRequired);
      const onDelete = field.relationOnDelete ?? (required ? "Restrict" : "SetNull");
      const onUpdate = field.relationOnUpdate ?? "Cascade";
      const name = defaultName(table, columns, "fkey");
      const what = `model ${model.name}: foreign key "${name}" "${table}"(${columns.join(", ")}) -> "${refTable}"(${refColumns.join(", ")})`;
      const candidates = [...unmatchedKeys].filter(
        (k) => k.table === table && k.columns.join(",") === columns.join(",") && k.refTable === refTable && k.refColumns.join(",") === refColumns.join(","),
      );
      const found = candidates.find((k) => k.name === name) ?? candidates[0];
      if (!found) {
        problems.push(`${what} is missing from the database`);
        continue;
      }
      unmatchedKeys.delete(found);
      if (found.name !== name) problems.push(`${what} is named "${found.name}" in the database`);
      if (found.onDelete !== onDelete) problems.push(`${what} is ON DELETE ${found.onDelete} in the database, ${onDelete} in the schema`);
      if (found.onUpdate !== onUpdate) problems.push(`${what} is ON UPDATE ${found.onUpdate} in the database, ${onUpdate} in the schema`);
    }
  }
  for (const key of unmatchedKeys) {
    if (!expectedTables.has(key.table)) continue;
    problems.push(`table "${key.table}": foreign key "${key.name}" (${key.columns.join(", ")}) -> "${key.refTable}"(${key.refColumns.join(", ")}) is in the database but not in the schema`);
  }

  // Enums
  for (const en of datamodel.enums) {
    const name = en.dbName ?? en.name;
    const actual = db.enums.get(name);
    if (!actual) {
      problems.push(`enum ${en.name}: type "${name}" is missing from the database`);
      continue;
    }
    const wanted = en.values.map((v) => v.dbName ?? v.name);
    for (const value of wanted) if (!actual.includes(value)) problems.push(`enum ${en.name}: value "${value}" is missing from the database`);
    for (const value of actual) if (!wanted.includes(value)) problems.push(`enum ${en.name}: value "${value}" is in the database but not in the schema`);
  }
  const schemaEnums = new Set(enumNames.values());
  for (const name of db.enums.keys()) {
    if (!schemaEnums.has(name)) problems.push(`enum type "${name}" is in the database but not in the schema`);
  }

  // Tables nobody maps
  for (const table of db.tables) {
    if (!expectedTables.has(table) && !implicitTables.has(table) && !IGNORED_TABLES.has(table)) {
      problems.push(`table "${table}" is in the database but no model maps to it`);
    }
  }
  return problems;
}

/** Differences between the Prisma schema in `schemaDir` and the database at `url` (empty = in sync). */
export async function compareSchemaToDatabase(url: string, schemaDir = SCHEMA_DIR): Promise<string[]> {
  const [datamodel, shape] = await Promise.all([loadDatamodel(schemaDir), readDatabaseShape(url)]);
  return diffDatamodel(datamodel, shape, loadUnsupportedColumns(schemaDir));
}
