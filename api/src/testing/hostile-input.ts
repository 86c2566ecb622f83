import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  type GraphQLInputType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import type { Dialect } from '../db/client.js';

/**
 * Hostile inputs for the GraphQL boundary, guided by the schema: every generated attack is
 * invalid by construction (wrong type, null where required, unknown field, far too long,
 * impossible date, non-finite number, deep nesting), so the only right answer is a clear error
 * and an unchanged database. Used by graphql/hostile-input.test.ts.
 */

/** Text sent as is inside the JSON body or the query, for what JSON or GraphQL cannot say. */
export class Raw {
  constructor(readonly text: string) {}
  /** How fast-check prints a counterexample: a MiB of text would drown the report. */
  [fc.toStringMethod](): string {
    return this.text.length > 200
      ? `Raw(${JSON.stringify(this.text.slice(0, 40))}… ${this.text.length} chars)`
      : `Raw(${this.text})`;
  }
}

export type Path = (string | number)[];

export interface Slot {
  path: Path;
  type: GraphQLInputType;
}

export interface Attack {
  kind: string;
  path: Path;
  variables: Record<string, unknown>;
  /** When set, the argument is written into the query as this literal instead of a variable. */
  literal?: { arg: string; text: string };
}

const nullable = (type: GraphQLInputType): GraphQLInputType => (isNonNullType(type) ? type.ofType : type);
const named = (type: GraphQLInputType): GraphQLInputType => {
  let t = nullable(type);
  while (isListType(t)) t = nullable(t.ofType);
  return t;
};

/** Every place a value can go: each argument, input field (present or not) and list item. */
export function slotsOf(type: GraphQLInputType, value: unknown, path: Path, out: Slot[] = []): Slot[] {
  out.push({ path, type });
  const t = nullable(type);
  if (isInputObjectType(t) && path.length < 4) {
    const object = (value ?? {}) as Record<string, unknown>;
    for (const [name, field] of Object.entries(t.getFields()))
      slotsOf(field.type, object[name], [...path, name], out);
  } else if (isListType(t) && Array.isArray(value)) {
    value.forEach((item, i) => {
      slotsOf(t.ofType, item, [...path, i], out);
    });
  }
  return out;
}

/** A copy of `root` with the value at `path` replaced (or deleted), creating objects on the way. */
export function withValue(root: Record<string, unknown>, path: Path, value: unknown, remove = false) {
  const copy = structuredClone(root);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = {};
    node = node[key] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1] as string | number;
  if (remove) delete node[last];
  // defineProperty, so a key named __proto__ becomes an own field instead of a prototype.
  else Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

// Strings that break naive code: right-to-left overrides, combining marks piled up, emoji
// sequences, NUL and other controls, lone surrogates, BOM and zero-width characters.
export const hostileUnits = [
  '\u202Eevil\u202C',
  '\u05E9\u05DC\u05D5\u05DD',
  'e\u0301\u0301\u0301\u0301\u0301',
  'Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357',
  '👨‍👩‍👧‍👦',
  '🏳️‍🌈',
  '\u0000',
  '\u0007\u001B[31m',
  '\uD800',
  '\uDFFF',
  '\uFEFF',
  '\u200B\u200D',
  "'; drop table citizen; --",
  `\${7*7}`, // a template injection probe, sent literally
  '<script>alert(1)</script>',
  '\r\n\t',
];

export const hostileText = (maxUnits = 8): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...hostileUnits),
        fc.string({ unit: 'grapheme', maxLength: 8 }),
        fc.string({ unit: 'binary', maxLength: 8 }),
      ),
      { minLength: 1, maxLength: maxUnits },
    )
    .map((parts) => parts.join(''));

const objects = fc.constantFrom<unknown>({}, { a: 1 }, { nested: { deeper: [1, 2] } });
const nonIntegers = fc
  .double({ noNaN: true, noDefaultInfinity: true })
  .filter((x) => !Number.isInteger(x) && Number.isFinite(x));
const infinities = fc.constantFrom(new Raw('1e999'), new Raw('-1e999'));

/** Values of a wrong GraphQL type for `type`: coercion must refuse every one. */
export function wrongTypeFor(type: GraphQLInputType): fc.Arbitrary<unknown> {
  const t = nullable(type);
  if (isListType(t)) {
    // A single value is coerced to a one-item list, so a wrong item is wrong either way; but a
    // wrong item that is itself a list (`[]` for an ID, `['a']` for a String) is a valid list.
    const item = wrongTypeFor(t.ofType);
    return fc.oneof(
      item.filter((v) => !Array.isArray(v)),
      fc.array(item, { minLength: 1, maxLength: 3 }),
    );
  }
  if (isInputObjectType(t)) return fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant([[1]]));
  if (isEnumType(t)) {
    // A value in another case is not the value (enums are case-sensitive); for an enum whose
    // values are lower case (Language), that is the upper-case spelling.
    const names = new Set(t.getValues().map((v) => v.name));
    const first = t.getValues()[0]?.name ?? 'x';
    const recased = [first.toLowerCase(), first.toUpperCase()].find((n) => !names.has(n)) ?? 'NOT_A_VALUE';
    return fc.oneof(fc.constantFrom('NOT_A_VALUE', '', recased), fc.integer(), fc.boolean(), objects);
  }
  if (isScalarType(t)) {
    switch (t.name) {
      case 'ID':
        return fc.oneof(fc.boolean(), nonIntegers, objects, fc.constant([]), infinities);
      case 'String':
        return fc.oneof(fc.integer(), nonIntegers, fc.boolean(), objects, fc.constant(['a']), infinities);
      case 'Int':
        return fc.oneof(
          fc.string(),
          nonIntegers,
          fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e300),
          fc.boolean(),
          objects,
          infinities,
        );
      case 'Float':
        return fc.oneof(fc.string(), fc.boolean(), objects, fc.constant(['1']), infinities);
      case 'Boolean':
        return fc.oneof(fc.string(), fc.integer(), objects, nonIntegers);
    }
  }
  return objects;
}

/**
 * Dates no field accepts: before 1900, beyond what JavaScript can hold, past 2199 (calendar
 * days) or in the far future (instants that must be past), and not dates at all. `validUntil`
 * must be in the future, so it only gets the old and the impossible ones.
 */
export function badDateFor(field: string): fc.Arbitrary<string> {
  const old = [
    '0001-01-01T00:00:00Z',
    '1899-12-31T23:59:59Z',
    '-000001-01-01T00:00:00Z',
    '1899-12-31',
    '0000-00-00',
  ];
  const future = ['+275760-09-13T00:00:00.000Z', '9999-12-31T23:59:59Z', '2200-01-01', '+275761-01-01'];
  const impossible = [
    'not a date',
    '',
    '2026-13-45T25:61:61Z',
    '2026-02-30T00:00:00Z',
    '￾',
    '2026-01-01T00:00:00+99:99',
  ];
  const rolledOver = ['2099-02-30T00:00:00Z', '2099-04-31'];
  return fc.constantFrom(
    ...(field === 'validUntil' ? [...old, ...impossible, ...rolledOver] : [...old, ...future, ...impossible]),
  );
}

const DATE_FIELDS = new Set(['occurredAt', 'heldAt', 'validUntil', 'startsOn', 'endsOn', 'nextMeetingOn']);

/** Longer than any text field accepts (limits count characters); 1 MiB at the top end. */
const hugeString = fc
  .tuple(fc.constantFrom(5_001, 100_001, 1_048_576), fc.constantFrom('a', '\uD800', 'é', '\u202E', '\u0000'))
  .map(([length, unit]) => new Raw(JSON.stringify(unit.repeat(length))));

/** Nesting two to five thousand levels deep: never a valid value for any field. */
const deepNesting = fc
  .tuple(fc.integer({ min: 2, max: 5_000 }), fc.boolean())
  .map(([depth, list]) =>
    list
      ? new Raw(`${'['.repeat(depth)}0${']'.repeat(depth)}`)
      : new Raw(`${'{"a":'.repeat(depth)}0${'}'.repeat(depth)}`),
  );

/** Raw tokens no scalar or enum literal accepts (1e999 parses to Infinity, which zod refuses). */
const badLiterals = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '-1e999',
  '0x1F',
  '1.5e',
  '--1',
  '.5',
  'null null',
];

/** One attack on a mutation's valid `baseline` variables. */
export function attacksOn(
  args: { name: string; type: GraphQLInputType }[],
  baseline: Record<string, unknown>,
): fc.Arbitrary<Attack> {
  const slots = args.flatMap((a) => slotsOf(a.type, baseline[a.name], [a.name]));
  const fieldOf = (s: Slot) => String([...s.path].reverse().find((p) => typeof p === 'string'));
  const leaf = slots.filter((s) => !isInputObjectType(named(s.type)));
  const text = leaf.filter((s) => {
    const t = nullable(s.type);
    return isScalarType(t) && (t.name === 'String' || t.name === 'ID');
  });
  const required = slots.filter((s) => isNonNullType(s.type));
  const objectSlots = slots.filter((s) => isInputObjectType(nullable(s.type)));
  const dates = slots.filter((s) => DATE_FIELDS.has(fieldOf(s)));
  const attack = (kind: string, slot: Slot, value: fc.Arbitrary<unknown>, remove = false) =>
    value.map((v) => ({ kind, path: slot.path, variables: withValue(baseline, slot.path, v, remove) }));
  const choices: fc.Arbitrary<Attack>[] = [
    fc.constantFrom(...slots).chain((s) => attack('wrong type', s, wrongTypeFor(s.type))),
    fc.constantFrom(...slots).chain((s) => attack('deep nesting', s, deepNesting)),
  ];
  if (required.length > 0) {
    choices.push(
      fc
        .tuple(fc.constantFrom(...required), fc.boolean())
        .chain(([s, remove]) =>
          attack(remove ? 'missing required' : 'null required', s, fc.constant(null), remove),
        ),
    );
  }
  if (objectSlots.length > 0) {
    const key = fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'extra', '', '\u0000', '\uD800'),
      fc.string(),
    );
    choices.push(
      fc.tuple(fc.constantFrom(...objectSlots), key, fc.jsonValue()).chain(([s, k, v]) => {
        const t = nullable(s.type);
        const known = isInputObjectType(t) && k in t.getFields();
        return attack(
          'unknown field',
          { ...s, path: [...s.path, known ? `${k}_extra` : k] },
          fc.constant(v ?? 1),
        );
      }),
    );
  }
  if (text.length > 0)
    choices.push(fc.constantFrom(...text).chain((s) => attack('huge string', s, hugeString)));
  if (dates.length > 0)
    choices.push(
      fc.constantFrom(...dates).chain((s) => attack('impossible date', s, badDateFor(fieldOf(s)))),
    );
  choices.push(
    fc.tuple(fc.constantFrom(...leaf), fc.constantFrom(...badLiterals)).map(([s, token]) => {
      const [arg] = s.path as [string];
      const argType = args.find((a) => a.name === arg)?.type as GraphQLInputType;
      const variables = withValue(baseline, s.path, new Raw(token));
      return {
        kind: `literal ${token}`,
        path: s.path,
        variables,
        literal: { arg, text: literalOf(variables[arg], argType) },
      };
    }),
  );
  return fc.oneof(...choices);
}

/** `value` written as a GraphQL literal of `type`; Raw text goes in unquoted. */
export function literalOf(value: unknown, type: GraphQLInputType): string {
  if (value instanceof Raw) return value.text;
  if (value === null || value === undefined) return 'null';
  const t = nullable(type);
  if (isListType(t) && Array.isArray(value))
    return `[${value.map((v) => literalOf(v, t.ofType)).join(', ')}]`;
  if (isInputObjectType(t) && typeof value === 'object') {
    const fields = t.getFields();
    const entries = Object.entries(value as Record<string, unknown>).filter(([k]) => k in fields);
    return `{${entries.map(([k, v]) => `${k}: ${literalOf(v, (fields[k] as { type: GraphQLInputType }).type)}`).join(', ')}}`;
  }
  if (isEnumType(t)) return String(value);
  return JSON.stringify(value);
}

/** JSON with each Raw's text spliced in where it stood. */
export function jsonWithRaw(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_, v) => {
    if (v instanceof Raw) {
      raws.push(v.text);
      return `\u0000raw${raws.length - 1}\u0000`;
    }
    return v;
  });
  return text.replace(/"\\u0000raw(\d+)\\u0000"/g, (_, i: string) => raws[Number(i)] as string);
}

/** The mutation's document: with variables, or with one argument written as a literal. */
export function mutationDocument(
  field: string,
  args: { name: string; type: GraphQLInputType }[],
  literal?: Attack['literal'],
): string {
  const variables = args.filter((a) => a.name !== literal?.arg);
  const declared = variables.length
    ? `(${variables.map((a) => `$${a.name}: ${String(a.type)}`).join(', ')})`
    : '';
  const passed = args
    .map((a) => `${a.name}: ${a.name === literal?.arg ? literal.text : `$${a.name}`}`)
    .join(', ');
  return `mutation Hostile${declared} { ${field}(${passed}) { __typename } }`;
}

/** Mutation fields with their arguments, from the schema itself, so a new mutation is included. */
export function mutationsOf(schema: GraphQLSchema) {
  const fields = schema.getMutationType()?.getFields() ?? {};
  return Object.values(fields).map((f) => ({
    name: f.name,
    args: f.args.map((a) => ({ name: a.name, type: a.type })),
  }));
}

/** Raw SQL on the database behind a test API, on either dialect (TestApi.query). */
export interface DatabaseLook {
  dialect: Dialect;
  query<T>(sql: string, ...params: unknown[]): Promise<T[]>;
}

/**
 * A fingerprint of every domain table: row count and a hash of all rows, in rowid order on
 * SQLite and in the order of the whole row's text on PostgreSQL (one statement, hashed by the
 * server). The audit trail is left out: it is append-only and checked on its own (auditSince).
 */
export async function domainSnapshot(db: DatabaseLook): Promise<Record<string, string>> {
  if (db.dialect === 'postgres') {
    const tables = await db.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'audit_event' order by table_name",
    );
    const rows = await db.query<{ name: string; n: number; hash: string }>(
      tables
        .map(
          ({ name }) =>
            `select '${name}' as name, count(*)::int as n, left(md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')), 16) as hash from "${name}" t`,
        )
        .join(' union all '),
    );
    return Object.fromEntries(rows.map((r) => [r.name, `${r.n}:${r.hash}`]));
  }
  const tables = await db.query<{ name: string; sql: string }>(
    "select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not in ('audit_event', '__drizzle_migrations') order by name",
  );
  const fingerprints = await Promise.all(
    tables.map(async ({ name, sql }) => {
      // A WITHOUT ROWID table has no rowid; a scan of it is in primary-key order.
      const order = /without rowid/i.test(sql) ? '' : ' order by rowid';
      const rows = await db.query(`select * from "${name}"${order}`);
      const hash = createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16);
      return [name, `${rows.length}:${hash}`] as const;
    }),
  );
  return Object.fromEntries(fingerprints);
}

/** Where the audit trail ends now, for auditSince. */
export async function auditHighWater(db: DatabaseLook): Promise<number> {
  const rows = await db.query<{ n: number | string }>('select coalesce(max(id), 0) as n from audit_event');
  return Number(rows[0]?.n ?? 0);
}

/** Audit events written after `highWater`, oldest first. */
export function auditSince(db: DatabaseLook, highWater: number) {
  return db.query<{ action: string; outcome: string }>(
    'select action, outcome from audit_event where id > ? order by id',
    highWater,
  );
}
