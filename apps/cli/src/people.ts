import type { User } from './api-types';

// People referenced once (issue 19): a list answer names a row's owner by `ownerId` and each person
// once in its top-level `people` map. The CLI prints records with the owner beside its id again.

/** `{ [userId]: person }`: the people an answer references. */
export type People = Record<string, User>;
export type WithPeople = { people?: People };

/** The person `id` names in `people`, or null (no id, or someone the answer does not name). */
export function personOf(people: People | undefined, id: string | null): User | null {
  // Own keys only: an id such as "toString" is no one.
  return id && people && Object.hasOwn(people, id) ? (people[id] ?? null) : null;
}
