// JSON Schema validation, a small documented subset of JSON Schema (draft 2020-12 meanings):
//   type (a name or a list of names: null, boolean, object, array, number, integer, string),
//   enum, const, required, properties, additionalProperties (boolean or schema), items (one schema
//   for every element), minItems, maxItems, uniqueItems, minLength, maxLength (code points),
//   minimum, maximum, exclusiveMinimum, exclusiveMaximum (numbers), anyOf, allOf,
//   and the annotations title, description, $schema, $id, $comment (ignored). A schema may also be
//   true (anything) or false (nothing). Any other keyword — notably pattern, $ref, format — makes
//   the request invalid rather than silently ignored. Errors name the instance by JSON Pointer.
import { defineJob, RequestError, requestText } from './job';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface ValidationError {
  /** JSON Pointer into the instance ("" is the whole instance). */
  path: string;
  keyword: string;
  message: string;
}

export interface ValidationReport {
  valid: boolean;
  /** At most MAX_ERRORS, in document order. */
  errors: ValidationError[];
}

export const MAX_ERRORS = 100;
export const MAX_DEPTH = 64;

const TYPES = ['null', 'boolean', 'object', 'array', 'number', 'integer', 'string'] as const;
const KEYWORDS = new Set([
  'type', 'enum', 'const', 'required', 'properties', 'additionalProperties', 'items', 'minItems', 'maxItems', 'uniqueItems',
  'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'anyOf', 'allOf',
  'title', 'description', '$schema', '$id', '$comment',
]);

function isObject(value: Json): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeOf(value: Json): (typeof TYPES)[number] {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as 'boolean' | 'object' | 'string';
}

/** Canonical text of a JSON value (object keys sorted), for equality. */
function canonical(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k]!)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function pointer(path: string, key: string | number): string {
  return `${path}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function schemaError(where: string, message: string): RequestError {
  return new RequestError(`Invalid schema at ${where || '#'}: ${message}`);
}

function numberKeyword(schema: { [key: string]: Json }, keyword: string, where: string): number | undefined {
  const value = schema[keyword];
  if (value === undefined) return undefined;
  if (typeof value !== 'number') throw schemaError(where, `${keyword} must be a number.`);
  return value;
}

function countKeyword(schema: { [key: string]: Json }, keyword: string, where: string): number | undefined {
  const value = numberKeyword(schema, keyword, where);
  if (value !== undefined && (!Number.isInteger(value) || value < 0)) throw schemaError(where, `${keyword} must be a non-negative integer.`);
  return value;
}

/** Validates `instance` against `schema`; throws RequestError when the schema itself is outside the subset. */
export function validateJson(schema: Json, instance: Json): ValidationReport {
  const errors: ValidationError[] = [];
  const fail = (path: string, keyword: string, message: string) => {
    if (errors.length < MAX_ERRORS) errors.push({ path, keyword, message });
  };
  check(schema, instance, '', '#', 0, fail);
  return { valid: errors.length === 0, errors };
}

type Fail = (path: string, keyword: string, message: string) => void;

function check(schema: Json, value: Json, path: string, where: string, depth: number, fail: Fail): void {
  if (depth > MAX_DEPTH) throw schemaError(where, `nesting deeper than ${MAX_DEPTH}.`);
  if (schema === true) return;
  if (schema === false) return fail(path, 'false', 'No value is allowed here.');
  if (!isObject(schema)) throw schemaError(where, 'a schema must be an object or a boolean.');
  for (const keyword of Object.keys(schema)) {
    if (!KEYWORDS.has(keyword)) throw schemaError(where, `unsupported keyword "${keyword}" (see the service description for the subset).`);
  }
  const actual = typeOf(value);

  if (schema.type !== undefined) {
    const allowed = Array.isArray(schema.type) ? schema.type : [schema.type];
    for (const name of allowed) {
      if (typeof name !== 'string' || !(TYPES as readonly string[]).includes(name)) throw schemaError(where, `unknown type ${JSON.stringify(name)}.`);
    }
    const matches = allowed.includes(actual) || (actual === 'integer' && allowed.includes('number'));
    if (!matches) fail(path, 'type', `Expected ${allowed.join(' or ')}, got ${actual}.`);
  }
  if (schema.enum !== undefined) {
    if (!Array.isArray(schema.enum)) throw schemaError(where, 'enum must be an array.');
    const text = canonical(value);
    if (!schema.enum.some((option) => canonical(option) === text)) fail(path, 'enum', `Must be one of ${JSON.stringify(schema.enum)}.`);
  }
  if (schema.const !== undefined && canonical(schema.const) !== canonical(value)) fail(path, 'const', `Must be ${JSON.stringify(schema.const)}.`);

  if (typeof value === 'string') {
    const length = [...value].length;
    const min = countKeyword(schema, 'minLength', where);
    const max = countKeyword(schema, 'maxLength', where);
    if (min !== undefined && length < min) fail(path, 'minLength', `Must be at least ${min} characters long.`);
    if (max !== undefined && length > max) fail(path, 'maxLength', `Must be at most ${max} characters long.`);
  }
  if (typeof value === 'number') {
    const bounds: [string, number | undefined, (limit: number) => boolean, string][] = [
      ['minimum', numberKeyword(schema, 'minimum', where), (l) => value >= l, '≥'],
      ['maximum', numberKeyword(schema, 'maximum', where), (l) => value <= l, '≤'],
      ['exclusiveMinimum', numberKeyword(schema, 'exclusiveMinimum', where), (l) => value > l, '>'],
      ['exclusiveMaximum', numberKeyword(schema, 'exclusiveMaximum', where), (l) => value < l, '<'],
    ];
    for (const [keyword, limit, ok, sign] of bounds) {
      if (limit !== undefined && !ok(limit)) fail(path, keyword, `Must be ${sign} ${limit}.`);
    }
  }
  if (Array.isArray(value)) {
    const min = countKeyword(schema, 'minItems', where);
    const max = countKeyword(schema, 'maxItems', where);
    if (min !== undefined && value.length < min) fail(path, 'minItems', `Must have at least ${min} items.`);
    if (max !== undefined && value.length > max) fail(path, 'maxItems', `Must have at most ${max} items.`);
    if (schema.uniqueItems === true && new Set(value.map(canonical)).size !== value.length) fail(path, 'uniqueItems', 'Items must be unique.');
    if (schema.items !== undefined) value.forEach((item, i) => check(schema.items!, item, pointer(path, i), `${where}/items`, depth + 1, fail));
  }
  if (isObject(value)) {
    if (schema.required !== undefined) {
      if (!Array.isArray(schema.required) || !schema.required.every((k) => typeof k === 'string')) throw schemaError(where, 'required must be an array of strings.');
      for (const key of schema.required as string[]) {
        if (!Object.hasOwn(value, key)) fail(path, 'required', `Missing required property "${key}".`);
      }
    }
    const properties = schema.properties ?? {};
    if (!isObject(properties)) throw schemaError(where, 'properties must be an object.');
    for (const key of Object.keys(value)) {
      const child = pointer(path, key);
      if (Object.hasOwn(properties, key)) check(properties[key]!, value[key]!, child, `${where}/properties/${key}`, depth + 1, fail);
      else if (schema.additionalProperties !== undefined) check(schema.additionalProperties, value[key]!, child, `${where}/additionalProperties`, depth + 1, fail);
    }
  }
  for (const keyword of ['allOf', 'anyOf'] as const) {
    const list = schema[keyword];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length === 0) throw schemaError(where, `${keyword} must be a non-empty array of schemas.`);
    const reports = list.map((sub, i) => {
      const found: ValidationError[] = [];
      check(sub, value, path, `${where}/${keyword}/${i}`, depth + 1, (p, k, m) => found.push({ path: p, keyword: k, message: m }));
      return found;
    });
    if (keyword === 'allOf') reports.flat().forEach((e) => fail(e.path, e.keyword, e.message));
    else if (!reports.some((found) => found.length === 0)) fail(path, 'anyOf', `Matches none of the ${list.length} alternatives.`);
  }
}

/** Nesting depth of a JSON value, measured without recursion (the request is untrusted). */
function depthOf(value: Json): number {
  let deepest = 0;
  const stack: [Json, number][] = [[value, 0]];
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (Array.isArray(current)) current.forEach((item) => stack.push([item, depth + 1]));
    else if (isObject(current)) Object.values(current).forEach((item) => stack.push([item, depth + 1]));
  }
  return deepest;
}

/** Parses the request {"schema": …, "instance": …}. */
export function parseValidationRequest(text: string): { schema: Json; instance: Json } {
  let parsed: Json;
  try {
    parsed = JSON.parse(text) as Json;
  } catch {
    throw new RequestError('The request is not valid JSON.');
  }
  if (depthOf(parsed) > MAX_DEPTH + 1) throw new RequestError(`The request is nested deeper than ${MAX_DEPTH} levels.`);
  if (!isObject(parsed) || !Object.hasOwn(parsed, 'schema') || !Object.hasOwn(parsed, 'instance')) {
    throw new RequestError('The request must be a JSON object {"schema": …, "instance": …}.');
  }
  return { schema: parsed.schema!, instance: parsed.instance! };
}

export const jsonSchemaJob = defineJob<ValidationReport>({
  key: 'json-schema-validation',
  title: 'JSON Schema validation',
  version: 1,
  description: `# JSON Schema validation

**Request**: a JSON document \`{ "schema": <schema>, "instance": <any JSON> }\`.

The schema language is a small subset of JSON Schema: \`type\` (null, boolean, object, array,
number, integer, string, or a list of them), \`enum\`, \`const\`, \`required\`, \`properties\`,
\`additionalProperties\` (boolean or schema), \`items\` (one schema for every element),
\`minItems\`, \`maxItems\`, \`uniqueItems\`, \`minLength\`, \`maxLength\` (code points),
\`minimum\`, \`maximum\`, \`exclusiveMinimum\`, \`exclusiveMaximum\`, \`anyOf\`, \`allOf\`;
\`title\`, \`description\`, \`$schema\`, \`$id\`, \`$comment\` are ignored; \`true\`/\`false\`
schemas work. Any other keyword (\`pattern\`, \`$ref\`, \`format\`, …) makes the request invalid.

**Result**: \`{ "valid": <boolean>, "errors": [{ "path": "<JSON Pointer>", "keyword": "…",
"message": "…" }] }\` (at most ${MAX_ERRORS} errors).`,
  compute: (request) => {
    const { schema, instance } = parseValidationRequest(requestText(request));
    return validateJson(schema, instance);
  },
  tamper: (report) => (report.valid ? { valid: false, errors: [{ path: '', keyword: 'type', message: 'Expected object.' }] } : { valid: true, errors: [] }),
});
