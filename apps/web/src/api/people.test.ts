import { describe, expect, it } from 'vitest';
import { mergePeople, personOf } from './people';

const ana = { id: 'u1', name: 'Ana', email: 'ana@example.com' };
const bo = { id: 'u2', name: 'Bo', email: 'bo@example.com' };

describe('personOf', () => {
  it('finds the person an id names in the answer’s people, or null', () => {
    expect(personOf({ u1: ana }, 'u1')).toEqual(ana);
    expect(personOf({ u1: ana }, 'u2')).toBeNull();
    expect(personOf({ u1: ana }, null)).toBeNull();
    expect(personOf(undefined, 'u1')).toBeNull();
    // A key inherited from Object.prototype is no person.
    expect(personOf({}, 'toString')).toBeNull();
  });

  it('merges the people of several pages', () => {
    expect(mergePeople([{ people: { u1: ana } }, undefined, { people: { u2: bo } }, {}])).toEqual({ u1: ana, u2: bo });
  });
});
