import { z } from 'zod';

// People referenced once (issue 19): an answer that names people by id (`ownerId`, …) carries each
// of them once in a top-level `people` map instead of repeating `{ id, name, email }` on every row.
// The services keep the embedded owner (the exports print it); the routes collect it here.

export const ZPersonRef = z.object({ id: z.string(), name: z.string(), email: z.string() });
export type PersonRef = z.infer<typeof ZPersonRef>;

export const ZPeople = z
  .record(z.string(), ZPersonRef)
  .describe(
    'Everyone this answer names by id (`ownerId`, …), once each, keyed by user id: `{ [id]: { id, name, email } }`. Only the people the answer references; an id missing here names someone no longer readable (show it as unknown).',
  );
export type People = Record<string, PersonRef>;

/** A row as the services build it: with its owner embedded. */
export type Owned = { owner: PersonRef | null };

/** Drops each row's embedded owner and adds the owner to `people` (once, whatever the number of rows). */
export function collectOwners<T extends Owned>(rows: readonly T[], people: People): Omit<T, 'owner'>[] {
  return rows.map(({ owner, ...rest }) => {
    if (owner) people[owner.id] ??= owner;
    return rest;
  });
}

/** A list answer: its rows without embedded owners, and `people` beside them. */
export function listWithPeople<R extends { items: readonly Owned[] }>(
  answer: R,
): Omit<R, 'items'> & { items: Omit<R['items'][number], 'owner'>[]; people: People } {
  const people: People = {};
  return { ...answer, items: collectOwners(answer.items, people), people };
}

/** One row's answer: the row without its embedded owner, and `people` naming the owner. */
export function oneWithPeople<T extends Owned>(row: T): Omit<T, 'owner'> & { people: People } {
  const people: People = {};
  const [rest] = collectOwners([row], people);
  return { ...(rest as Omit<T, 'owner'>), people };
}
