import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ZUpdateDataSet } from './data-sets';
import { ZUpdateReview } from './management-review';
import { ZUpdateObjective } from './objectives';
import { ZUpdateSupplier } from './suppliers';

// Each update is partial, but must send back the version it read. A missing version is answered with
// the field's own message (it was "expected nonoptional" while the schemas used `.required()`).
const UPDATES: [string, z.ZodType][] = [
  ['data set', ZUpdateDataSet],
  ['management review', ZUpdateReview],
  ['objective', ZUpdateObjective],
  ['supplier', ZUpdateSupplier],
];

function issues(schema: z.ZodType, input: unknown) {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe.each(UPDATES)('update of a %s', (_name, schema) => {
  it('asks for the version it read when none is sent', () => {
    expect(issues(schema, {})).toEqual([
      { path: 'version', message: 'version is required: send the version you read' },
    ]);
    expect(issues(schema, { version: null })).toEqual([
      { path: 'version', message: 'version is required: send the version you read' },
    ]);
  });

  it('refuses a version that is not a whole number from 0', () => {
    const wrong = 'version must be the version you read: a whole number from 0';
    expect(issues(schema, { version: -1 })).toEqual([{ path: 'version', message: wrong }]);
    expect(issues(schema, { version: 1.5 })).toEqual([{ path: 'version', message: wrong }]);
  });

  it('accepts the version alone, and refuses a field it does not know', () => {
    expect(schema.safeParse({ version: 0 })).toEqual({ success: true, data: { version: 0 } });
    expect(issues(schema, { version: 3, colour: 'red' })).toEqual([
      { path: '', message: 'Unrecognized key: "colour"' },
    ]);
  });
});
