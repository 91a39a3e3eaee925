import fc from 'fast-check';

/** The part of JSON Schema (draft 2020-12, as zod writes it) that the API's parameters and bodies use. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

/** Arrays and free strings stay short: a request should exercise the code, not the parser's speed. */
const shortLength = 6;

const withinLength = (schema: JsonSchema) => (text: string) =>
  text.length >= (schema.minLength ?? 0) && text.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY);

const formatted: Record<string, fc.Arbitrary<string>> = {
  'date-time': fc
    .date({ min: new Date('1990-01-01'), max: new Date('2060-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  date: fc
    .date({ min: new Date('1990-01-01'), max: new Date('2060-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  email: fc.emailAddress(),
  uuid: fc.uuid(),
};

/**
 * Values the server itself answered with (ids, codes, names), by the key they stood under, and every
 * string under "": offered beside generated values so that a good share of requests name things that
 * exist and reach past the not-found check.
 */
export type Words = ReadonlyMap<string, readonly (string | number)[]>;

const knownOf = <T extends string | number>(words: Words, key: string, kind: 'string' | 'number'): T[] => {
  const under = (k: string) => (words.get(k) ?? []).filter((w): w is T => typeof w === kind);
  const keyed = under(key);
  return keyed.length > 0 || kind === 'number' ? keyed : under('');
};

/** Known values where some fit, else only generated ones. */
const preferKnown = <T>(known: readonly T[], generated: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  known.length > 0
    ? fc.oneof({ arbitrary: fc.constantFrom(...known), weight: 3 }, { arbitrary: generated, weight: 1 })
    : generated;

/** Strings a schema allows, for a value under `key`. */
const stringOf = (schema: JsonSchema, words: Words, key: string): fc.Arbitrary<string> => {
  const fits = withinLength(schema);
  const format = schema.format && formatted[schema.format];
  if (format) return format;
  const pattern = schema.pattern === undefined ? undefined : new RegExp(schema.pattern, 'u');
  const known = knownOf<string>(words, key, 'string').filter((w) => fits(w) && (!pattern || pattern.test(w)));
  const generated = pattern
    ? fc.stringMatching(pattern).filter(fits)
    : fc.string({
        unit: 'grapheme',
        minLength: schema.minLength ?? 0,
        maxLength: Math.max(schema.minLength ?? 0, Math.min(schema.maxLength ?? 20, 20)),
      });
  return preferKnown(known, generated);
};

const numberBounds = (schema: JsonSchema, step: number) => ({
  min: schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + step : schema.minimum,
  max: schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - step : schema.maximum,
});

const integerOf = (schema: JsonSchema, words: Words = new Map(), key = '') => {
  const { min, max } = numberBounds(schema, 1);
  const low = Math.ceil(Math.max(min ?? -1_000_000, Number.MIN_SAFE_INTEGER));
  const high = Math.floor(Math.min(max ?? 1_000_000, Number.MAX_SAFE_INTEGER));
  const known = knownOf<number>(words, key, 'number').filter(
    (n) => Number.isInteger(n) && n >= low && n <= high,
  );
  return preferKnown(known, fc.integer({ min: low, max: high }));
};

const numberOf = (schema: JsonSchema) => {
  const { min, max } = numberBounds(schema, 1e-9);
  return fc.oneof(
    integerOf(schema),
    fc.double({
      min: min ?? -1e6,
      max: max ?? 1e6,
      noNaN: true,
      noDefaultInfinity: true,
    }),
  );
};

const objectOf = (schema: JsonSchema, words: Words): fc.Arbitrary<Record<string, unknown>> => {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(
    Object.entries(properties).map(([name, inner]) => [name, allowedValue(inner, words, name)]),
  );
  const record = fc.record(model, { requiredKeys: schema.required ?? [] });
  const extra = schema.additionalProperties;
  if (typeof extra !== 'object') return record;
  const keys = schema.propertyNames ? allowedValue(schema.propertyNames, words).map(String) : fc.string();
  return fc
    .tuple(record, fc.dictionary(keys, allowedValue(extra, words), { maxKeys: 3 }))
    .map(([fixed, free]) => ({ ...free, ...fixed }));
};

/** A value `schema` accepts (as far as this subset of JSON Schema can tell). */
export const allowedValue = (
  schema: JsonSchema,
  words: Words = new Map(),
  key = '',
): fc.Arbitrary<unknown> => {
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return fc.oneof(...choices.map((choice) => allowedValue(choice, words, key)));
  if (Array.isArray(schema.type))
    return fc.oneof(...schema.type.map((type) => allowedValue({ ...schema, type }, words, key)));
  switch (schema.type) {
    case 'string':
      return stringOf(schema, words, key);
    case 'integer':
      return integerOf(schema, words, key);
    case 'number':
      return numberOf(schema);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(allowedValue(schema.items ?? {}, words, key), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? shortLength, shortLength)),
      });
    case 'object':
      return objectOf(schema, words);
    default:
      return schema.properties ? objectOf(schema, words) : fc.jsonValue({ maxDepth: 2 });
  }
};

/** Text that has broken servers before: control characters, escapes, encodings, injections, numbers as text. */
const trickyTexts = [
  '',
  ' ',
  '\n',
  'a\r\nb',
  '\t',
  '\u0000',
  '\u001b[2J\u001b[31mred',
  '\u202eevil',
  '\ud800',
  '😀',
  'ÅÄÖ åäö',
  '%',
  '%25',
  '%00',
  '../../etc/passwd',
  "'; DROP TABLE x; --",
  '<script>alert(1)</script>',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1.5',
  '1e309',
  '99999999999999999999999',
  '0x10',
  'null',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
];

/**
 * Values a server must refuse politely or take in its stride: tricky texts, any unicode, long text with
 * line breaks (up to `longRepeats` of "ä\n", kept short in URLs, which servers cap), numbers at the edges,
 * and values of the wrong JSON type.
 */
export const nastyValue = (longRepeats: number): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom(...trickyTexts),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.integer({ min: 100, max: longRepeats }).map((n) => 'ä\n'.repeat(n)),
    fc.constantFrom(null, true, false, 0, -1, -0.5, 1.5, 1e308, -1e308, 2 ** 53 + 2),
    fc.constantFrom([], {}, [[[]]]),
    fc.array(fc.integer(), { maxLength: 3 }),
  );

type Path = readonly (string | number)[];

/** The path to every value inside `value`, itself first. */
const pathsIn = (value: unknown, path: Path = []): Path[] => {
  if (Array.isArray(value)) return [path, ...value.flatMap((inner, i) => pathsIn(inner, [...path, i]))];
  if (value !== null && typeof value === 'object')
    return [path, ...Object.entries(value).flatMap(([key, inner]) => pathsIn(inner, [...path, key]))];
  return [path];
};

/** One change to a valid value: a node replaced, removed, or an object given a key nobody asked for. */
export interface Mutation {
  kind: 'replace' | 'remove' | 'addKey';
  /** Which node, counted over all nodes (modulo their number). */
  at: number;
  value: unknown;
  key: string;
}

export const mutationOf = (longRepeats: number): fc.Arbitrary<Mutation> =>
  fc.record({
    kind: fc.constantFrom('replace', 'remove', 'addKey'),
    at: fc.nat(),
    value: nastyValue(longRepeats),
    key: fc.constantFrom('unexpected', '__proto__', 'constructor', '', 'ä\n'),
  });

const setOwn = (target: Record<string, unknown>, key: string, value: unknown) =>
  // defineProperty, so that "__proto__" becomes a key JSON.stringify sends, not the object's prototype.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });

/** `value` with `mutation` applied (a copy; the root replaced when the mutation lands on it). */
export const mutate = (value: unknown, mutation: Mutation): unknown => {
  const copy: unknown = structuredClone(value);
  const paths = pathsIn(copy);
  const path = paths[mutation.at % paths.length] ?? [];
  if (path.length === 0) {
    if (mutation.kind === 'addKey' && copy !== null && typeof copy === 'object' && !Array.isArray(copy)) {
      setOwn(copy as Record<string, unknown>, mutation.key, mutation.value);
      return copy;
    }
    return mutation.value;
  }
  const parent = path.slice(0, -1).reduce<unknown>((node, step) => (node as never)[step], copy) as
    | Record<string, unknown>
    | unknown[];
  const last = path[path.length - 1] as string | number;
  const node = (parent as Record<string | number, unknown>)[last];
  if (mutation.kind === 'remove') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last as string];
  } else if (
    mutation.kind === 'addKey' &&
    node !== null &&
    typeof node === 'object' &&
    !Array.isArray(node)
  ) {
    setOwn(node as Record<string, unknown>, mutation.key, mutation.value);
  } else {
    setOwn(parent as Record<string, unknown>, String(last), mutation.value);
  }
  return copy;
};
