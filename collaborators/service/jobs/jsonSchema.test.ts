import { describe, expect, it } from 'vitest';
import { RequestError } from './job';
import { jsonSchemaJob, validateJson, type Json } from './jsonSchema';

const person: Json = {
  type: 'object',
  required: ['name', 'age'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 5 },
    age: { type: 'integer', minimum: 0, exclusiveMaximum: 150 },
    tags: { type: 'array', items: { enum: ['a', 'b'] }, uniqueItems: true, maxItems: 2 },
    'a/b': { const: { x: [1, 2] } },
  },
  additionalProperties: false,
};

describe('validateJson', () => {
  it('accepts a valid instance', () => {
    expect(validateJson(person, { name: 'Ada', age: 36, tags: ['a'], 'a/b': { x: [1, 2] } })).toEqual({ valid: true, errors: [] });
  });

  it('reports every violation with a JSON Pointer', () => {
    const report = validateJson(person, { name: 'Adalovelace', age: 150.5, tags: ['a', 'a', 'c'], 'a/b': { x: [2, 1] }, extra: 1 });
    expect(report.valid).toBe(false);
    expect(report.errors).toEqual([
      { path: '/name', keyword: 'maxLength', message: 'Must be at most 5 characters long.' },
      { path: '/age', keyword: 'type', message: 'Expected integer, got number.' },
      { path: '/age', keyword: 'exclusiveMaximum', message: 'Must be < 150.' },
      { path: '/tags', keyword: 'maxItems', message: 'Must have at most 2 items.' },
      { path: '/tags', keyword: 'uniqueItems', message: 'Items must be unique.' },
      { path: '/tags/2', keyword: 'enum', message: 'Must be one of ["a","b"].' },
      { path: '/a~1b', keyword: 'const', message: 'Must be {"x":[1,2]}.' },
      { path: '/extra', keyword: 'false', message: 'No value is allowed here.' },
    ]);
  });

  it('checks required properties, number as a supertype of integer, anyOf and allOf', () => {
    expect(validateJson(person, {}).errors.map((e) => e.message)).toEqual(['Missing required property "name".', 'Missing required property "age".']);
    expect(validateJson({ type: 'number' }, 3).valid).toBe(true);
    expect(validateJson({ anyOf: [{ type: 'string' }, { type: 'null' }] }, null).valid).toBe(true);
    expect(validateJson({ anyOf: [{ type: 'string' }, { type: 'null' }] }, 1).errors).toEqual([{ path: '', keyword: 'anyOf', message: 'Matches none of the 2 alternatives.' }]);
    expect(validateJson({ allOf: [{ minimum: 2 }, { maximum: 1 }] }, 3).errors).toEqual([{ path: '', keyword: 'maximum', message: 'Must be ≤ 1.' }]);
    expect(validateJson(false, 1).valid).toBe(false);
  });

  it('refuses keywords outside the subset instead of ignoring them', () => {
    expect(() => validateJson({ type: 'string', pattern: '^a+$' }, 'aaa')).toThrow(RequestError);
    expect(() => validateJson({ properties: { a: { $ref: '#' } } }, { a: 1 })).toThrow(/unsupported keyword "\$ref"/);
    expect(() => validateJson({ type: 'text' }, 'x')).toThrow(/unknown type/);
  });

  it('as a job: parses the request and turns bad requests into error outcomes', () => {
    const request = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
    expect(jsonSchemaJob.run(request({ schema: { type: 'string' }, instance: 'x' }))).toEqual({ ok: true, result: { valid: true, errors: [] } });
    expect(jsonSchemaJob.run(request({ schema: {} }))).toMatchObject({ ok: false, error: expect.stringMatching(/"instance"/) });
    expect(jsonSchemaJob.run(new TextEncoder().encode('{'))).toEqual({ ok: false, error: 'The request is not valid JSON.' });
    const deep = `{"schema":{"const":1},"instance":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    expect(jsonSchemaJob.run(new TextEncoder().encode(deep))).toMatchObject({ ok: false, error: expect.stringMatching(/nested deeper/) });
    expect(jsonSchemaJob.runWrong(request({ schema: { type: 'string' }, instance: 'x' }))).toMatchObject({ ok: true, result: { valid: false } });
  });
});
