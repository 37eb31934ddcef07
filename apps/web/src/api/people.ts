// People referenced once (issue 19): an answer names people by id on its rows (`ownerId`) and each of
// them once in its top-level `people` map. These read a row's person from that map.

export type PersonRef = { id: string; name: string; email: string };
/** `{ [userId]: person }`: the people an answer references, no one else. */
export type People = Record<string, PersonRef>;
export type WithPeople = { people: People };

/** The person `id` names in `people`, or null (no id, or someone the answer does not name). */
export function personOf(people: People | undefined, id: string | null | undefined): PersonRef | null {
  // Own keys only: an id such as "toString" is no one.
  return id && people && Object.hasOwn(people, id) ? (people[id] ?? null) : null;
}

/** The people of several answers (the pages of a list) in one map. */
export function mergePeople(answers: readonly (Partial<WithPeople> | undefined)[]): People {
  return Object.assign({}, ...answers.map((a) => a?.people ?? {})) as People;
}
