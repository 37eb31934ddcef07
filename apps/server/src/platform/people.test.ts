import { describe, expect, it } from 'vitest';
import { listWithPeople, oneWithPeople } from './people';

const ana = { id: 'u1', name: 'Ana', email: 'ana@example.com' };
const bo = { id: 'u2', name: 'Bo', email: 'bo@example.com' };
const row = (id: string, owner: typeof ana | null) => ({ id, ownerId: owner?.id ?? null, owner });

describe('people referenced once', () => {
  it('drops each row’s owner and names every owner once, in the order first referenced', () => {
    const answer = listWithPeople({
      items: [row('r1', bo), row('r2', ana), row('r3', bo), row('r4', null)],
      nextCursor: 'next',
    });
    expect(answer).toEqual({
      items: [
        { id: 'r1', ownerId: 'u2' },
        { id: 'r2', ownerId: 'u1' },
        { id: 'r3', ownerId: 'u2' },
        { id: 'r4', ownerId: null },
      ],
      nextCursor: 'next',
      people: { u2: bo, u1: ana },
    });
    expect(Object.keys(answer.people)).toEqual(['u2', 'u1']);
  });

  it('names no one for rows without owners, and only the one owner of one row', () => {
    expect(listWithPeople({ items: [row('r1', null)] }).people).toEqual({});
    expect(listWithPeople({ items: [] })).toEqual({ items: [], people: {} });
    expect(oneWithPeople(row('r1', ana))).toEqual({ id: 'r1', ownerId: 'u1', people: { u1: ana } });
    expect(oneWithPeople(row('r1', null))).toEqual({ id: 'r1', ownerId: null, people: {} });
  });

  it('leaves the rows it was given as they were (the exports read them after the answer)', () => {
    const rows = [row('r1', ana)];
    listWithPeople({ items: rows });
    expect(rows[0]!.owner).toEqual(ana);
  });
});
