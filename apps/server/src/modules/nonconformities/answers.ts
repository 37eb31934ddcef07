import { collectOwners, type People } from '../../platform/people';
import type { NonconformityOut } from './read';

// The nonconformity answers (issue 19): a nonconformity names its owner, and each corrective action
// its owner, by id; `people` names each of them once. The exports read the records as built.

function collect(ncs: readonly NonconformityOut[], people: People) {
  return collectOwners(ncs, people).map((n) => ({ ...n, actions: collectOwners(n.actions, people) }));
}

export function nonconformitiesWithPeople<A extends { items: readonly NonconformityOut[] }>(answer: A) {
  const people: People = {};
  return { ...answer, items: collect(answer.items, people), people };
}

export function nonconformityWithPeople(nc: NonconformityOut) {
  const people: People = {};
  const [n] = collect([nc], people);
  return { ...n!, people };
}
