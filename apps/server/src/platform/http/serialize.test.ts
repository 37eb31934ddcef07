import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { plainSerializerCompiler, ResponseContractError, strictSerializerCompiler } from './serialize';

const Person = z.object({
  id: z.string(),
  name: z.string(),
  tags: z.array(z.object({ key: z.string() })),
  note: z.string().nullable(),
  nickname: z.string().optional(),
});
const route = { method: 'GET', url: '/api/people/:id', httpStatus: '200' };
const strict = strictSerializerCompiler({ schema: Person, ...route });
const plain = plainSerializerCompiler({ schema: Person, ...route });
const person = { id: 'p1', name: 'Ada', tags: [{ key: 'a' }], note: null };

const refusal = (data: unknown) => {
  try {
    strict(data);
  } catch (err) {
    expect(err).toBeInstanceOf(ResponseContractError);
    return (err as Error).message;
  }
  throw new Error('the strict serializer accepted the answer');
};

describe('response serializers', () => {
  it('plain sends the answer as JSON, undeclared fields included: production trusts the handler', () => {
    expect(plain({ ...person, passwordHash: 'x' })).toBe(
      '{"id":"p1","name":"Ada","tags":[{"key":"a"}],"note":null,"passwordHash":"x"}',
    );
  });

  it('strict sends exactly what plain would for an answer that matches its schema', () => {
    expect(strict(person)).toBe(plain(person));
    expect(strict({ ...person, nickname: undefined })).toBe(
      '{"id":"p1","name":"Ada","tags":[{"key":"a"}],"note":null}',
    );
  });

  it('strict refuses an undeclared field, naming the route and the field', () => {
    expect(refusal({ ...person, passwordHash: 'x' })).toBe(
      'The answer of GET /api/people/:id (200) breaks its response schema: field passwordHash is not declared',
    );
  });

  it('strict names an undeclared field inside list items once, however many items carry it', () => {
    const message = refusal({
      ...person,
      tags: [
        { key: 'a', score: 1 },
        { key: 'b', score: 2 },
      ],
    });
    expect(message).toBe(
      'The answer of GET /api/people/:id (200) breaks its response schema: field tags.*.score is not declared',
    );
  });

  it('strict refuses a value of the wrong type and a missing field', () => {
    expect(refusal({ ...person, note: 3 })).toMatch(
      /^The answer of GET \/api\/people\/:id \(200\) breaks .*field note: /,
    );
    expect(refusal({ id: 'p1', tags: [], note: null })).toMatch(/field name: /);
    // null where the schema allows only absence: plain would send null, which clients do not expect.
    expect(refusal({ ...person, nickname: null })).toMatch(/field nickname: /);
  });

  it('strict refuses an answer the schema would rewrite (a codec), since plain sends it unrewritten', () => {
    const count = z.codec(z.string(), z.number(), { decode: Number, encode: String });
    const withCodec = strictSerializerCompiler({ schema: z.object({ n: count }), ...route });
    expect(() => withCodec({ n: 1 })).toThrow('field n is sent as 1 but the schema makes it "1"');
  });
});
