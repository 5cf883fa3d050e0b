/**
 * JSON Schema (OpenAPI 3.1) -> fast-check arbitrary of VALID values, for the contract fuzzer.
 * Follows $ref (inside the bundled spec), allOf (merged), oneOf/anyOf (any branch), enum, const,
 * type lists, numeric and length bounds, required/optional properties and arrays, with a depth
 * bound and size bounds so every generated body stays small. `override` replaces the generator of
 * one property (by its path of property names) where the contract allows values that would make a
 * request expensive (max_tokens, n) or that must name real things (model, domain ids).
 */
import fc from 'fast-check';

export type JsonSchema = Record<string, unknown>;
/** A property path from the body's root: property names, '[]' for array items. */
export type SchemaPath = readonly string[];

export interface SchemaArbitraryOptions {
  /** The document `$ref`s point into (the bundled spec). */
  root: JsonSchema;
  maxDepth: number;
  maxItems: number;
  maxStringLength: number;
  override?: (path: SchemaPath, schema: JsonSchema) => fc.Arbitrary<unknown> | undefined;
}

const isObject = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export function resolveRef(root: JsonSchema, ref: string): JsonSchema {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported: ${ref}`);
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[key] : undefined;
  }
  if (!isObject(node)) throw new Error(`unresolved $ref ${ref}`);
  return node;
}

/** The schema with its own $ref followed (sibling keywords kept) and allOf merged into one object schema. */
export function flatten(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let s = schema;
  for (let hops = 0; typeof s.$ref === 'string' && hops < 32; hops++) {
    const { $ref, ...rest } = s;
    s = { ...resolveRef(root, $ref as string), ...rest };
  }
  if (!Array.isArray(s.allOf)) return s;
  const { allOf, ...rest } = s;
  const merged: JsonSchema = { ...rest };
  const properties: Record<string, JsonSchema> = { ...(isObject(rest.properties) ? (rest.properties as Record<string, JsonSchema>) : {}) };
  const required = new Set<string>(Array.isArray(rest.required) ? (rest.required as string[]) : []);
  for (const part of allOf as JsonSchema[]) {
    const p = flatten(part, root);
    for (const [k, v] of Object.entries(p)) {
      if (k === 'properties' && isObject(v)) Object.assign(properties, v);
      else if (k === 'required' && Array.isArray(v)) v.forEach((r) => required.add(String(r)));
      else if (!(k in merged)) merged[k] = v;
    }
  }
  return { ...merged, type: merged.type ?? 'object', properties, required: [...required] };
}

const jsonLeaf = fc.oneof(fc.boolean(), fc.integer({ min: -1000, max: 1000 }), fc.string({ maxLength: 12 }), fc.constant(null));

/** A small free-form JSON value (for schemas that say nothing, or `additionalProperties: true`). */
export function smallJson(depth: number): fc.Arbitrary<unknown> {
  if (depth <= 0) return jsonLeaf;
  return fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    jsonLeaf,
    fc.array(smallJson(depth - 1), { maxLength: 3 }),
    fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), smallJson(depth - 1), { maxKeys: 3 }),
  );
}

function stringArbitrary(s: JsonSchema, o: SchemaArbitraryOptions): fc.Arbitrary<string> {
  const minLength = num(s.minLength) ?? 0;
  const maxLength = Math.max(minLength, Math.min(num(s.maxLength) ?? o.maxStringLength, o.maxStringLength));
  if (typeof s.pattern === 'string') {
    const re = new RegExp(s.pattern, 'u');
    // The pattern sets the length (a 43-character nonce): only the schema's own maxLength caps it,
    // or the filter would refuse every value and the generator never end.
    const most = num(s.maxLength) ?? Number.POSITIVE_INFINITY;
    return fc.stringMatching(re).filter((v) => v.length >= minLength && v.length <= most && re.test(v));
  }
  switch (s.format) {
    case 'uri':
      return fc.webUrl();
    case 'date-time':
      return fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }).map((d) => d.toISOString());
    case 'binary':
      return fc.string({ maxLength: 8 });
  }
  return fc.string({ minLength, maxLength });
}

function integerArbitrary(s: JsonSchema): fc.Arbitrary<number> {
  let min = num(s.minimum) ?? (num(s.exclusiveMinimum) !== undefined ? num(s.exclusiveMinimum)! + 1 : undefined);
  let max = num(s.maximum) ?? (num(s.exclusiveMaximum) !== undefined ? num(s.exclusiveMaximum)! - 1 : undefined);
  // Unbounded integers stay in a range an engine can take; the mutator sends the huge ones.
  if (min === undefined && max === undefined) [min, max] = [-1000, 1000];
  else if (min === undefined) min = max! - 1000;
  else if (max === undefined) max = min + 1000;
  return fc.integer({ min: Math.ceil(min), max: Math.floor(max!) });
}

function numberArbitrary(s: JsonSchema): fc.Arbitrary<number> {
  const min = num(s.minimum) ?? num(s.exclusiveMinimum) ?? -1e6;
  const max = num(s.maximum) ?? num(s.exclusiveMaximum) ?? 1e6;
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true, minExcluded: s.exclusiveMinimum !== undefined, maxExcluded: s.exclusiveMaximum !== undefined });
}

function objectArbitrary(s: JsonSchema, o: SchemaArbitraryOptions, depth: number, path: SchemaPath): fc.Arbitrary<unknown> {
  const props = isObject(s.properties) ? (s.properties as Record<string, JsonSchema>) : {};
  const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, sub] of Object.entries(props)) {
    // Past the depth bound only required properties are generated.
    if (depth >= o.maxDepth && !required.has(name)) continue;
    model[name] = arbitraryFor(sub, o, depth + 1, [...path, name]);
  }
  const base = fc.record(model, { requiredKeys: [...required].filter((k) => k in model) });
  const maxProps = num(s.maxProperties);
  if (Object.keys(props).length > 0 || !s.additionalProperties) return base;
  // A map (additionalProperties with a schema, or free-form).
  const values = isObject(s.additionalProperties) ? arbitraryFor(s.additionalProperties, o, depth + 1, [...path, '*']) : smallJson(Math.max(0, o.maxDepth - depth - 1));
  return fc.dictionary(fc.string({ minLength: 1, maxLength: 16 }), values, { maxKeys: Math.min(maxProps ?? o.maxItems, o.maxItems) });
}

function typed(type: string, s: JsonSchema, o: SchemaArbitraryOptions, depth: number, path: SchemaPath): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return integerArbitrary(s);
    case 'number':
      return numberArbitrary(s);
    case 'string':
      return stringArbitrary(s, o);
    case 'array': {
      const minItems = num(s.minItems) ?? 0;
      const maxItems = Math.max(minItems, Math.min(num(s.maxItems) ?? o.maxItems, o.maxItems));
      const items = isObject(s.items) ? arbitraryFor(s.items, o, depth + 1, [...path, '[]']) : smallJson(1);
      return fc.array(items, { minLength: minItems, maxLength: depth >= o.maxDepth ? minItems : maxItems });
    }
    case 'object':
      return objectArbitrary(s, o, depth, path);
  }
  return smallJson(1);
}

/** Valid values of `schema`. */
export function arbitraryFor(schema: JsonSchema, o: SchemaArbitraryOptions, depth = 0, path: SchemaPath = []): fc.Arbitrary<unknown> {
  // A hard stop for schemas that refer back to themselves through required fields.
  if (depth > o.maxDepth + 4) return fc.constant(null);
  const s = flatten(schema, o.root);
  const own = o.override?.(path, s);
  if (own) return own;
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const branches = (Array.isArray(s.oneOf) ? s.oneOf : Array.isArray(s.anyOf) ? s.anyOf : undefined) as JsonSchema[] | undefined;
  if (branches) {
    const { oneOf: _o, anyOf: _a, ...shared } = s;
    return fc.oneof(...branches.map((b) => arbitraryFor({ ...shared, ...b }, o, depth, path)));
  }
  const types = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === 'string' ? [s.type] : s.properties ? ['object'] : [];
  if (types.length === 0) return smallJson(Math.max(0, Math.min(2, o.maxDepth - depth)));
  return types.length === 1 ? typed(types[0]!, s, o, depth, path) : fc.oneof(...types.map((t) => typed(t, s, o, depth, path)));
}
