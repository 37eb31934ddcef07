import { type People } from '../../platform/people';
import type { DocumentOut } from './read';

// The document answers (issue 19): a document names its owner and approver by id; `people` names each
// of them once. The master list, the package and the renders read the documents as built.

function collect<D extends DocumentOut>(docs: readonly D[], people: People): Omit<D, 'owner' | 'approver'>[] {
  return docs.map(({ owner, approver, ...rest }) => {
    if (owner) people[owner.id] ??= owner;
    if (approver) people[approver.id] ??= approver;
    return rest;
  });
}

export function documentsWithPeople<A extends { items: readonly DocumentOut[] }>(answer: A) {
  const people: People = {};
  return { ...answer, items: collect(answer.items, people), people };
}

export function documentWithPeople<D extends DocumentOut>(doc: D) {
  const people: People = {};
  const [d] = collect([doc], people);
  return { ...d!, people };
}
