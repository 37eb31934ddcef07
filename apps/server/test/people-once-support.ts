import { expect } from 'vitest';
import { addMember, type Client, newOrgOwner, type Res, type TestServer } from './harness';

// What people-once.test.ts and people-once-registers.test.ts check of every answer (issue 19).

export type Person = { id: string; name: string; email: string };
export type Answer = { people: Record<string, Person> };
type Members = { owner: Client; first: Client; second: Client; bystander: Client };

/** Each referenced person once (their email appears once in the whole answer), no one else. */
export function namesOnce(res: Res<Answer>, people: Client[], strangers: Client[]) {
  expect([200, 201]).toContain(res.status);
  expect(res.body.people).toEqual(Object.fromEntries(people.map((p) => [p.user!.id, p.user])));
  for (const p of people) expect(res.text.split(p.user!.email).length - 1).toBe(1);
  for (const s of strangers) {
    expect(res.text).not.toContain(s.user!.id);
    expect(res.text).not.toContain(s.user!.email);
  }
}

/** Rows keep their ownerId and no longer embed the owner. */
export function rowsByIdOnly(rows: { ownerId: string | null }[], people: Record<string, Person>) {
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) {
    expect(r).not.toHaveProperty('owner');
    if (r.ownerId !== null) expect(people[r.ownerId]).toBeDefined();
  }
}

/** Who an answer of `o` must never name: its member who owns nothing, and everyone of the other organization. */
export const strangersOf = (o: Members, other: Members) => [
  o.bystander,
  other.owner,
  other.first,
  other.second,
  other.bystander,
];

/** An organization with two owners of records and a member who owns nothing. */
export async function peopleOnceOrganization(server: TestServer, name: string) {
  const { owner, orgId } = await newOrgOwner(server, name);
  const first = await addMember(server, owner, orgId, 'contributor');
  const second = await addMember(server, owner, orgId, 'contributor');
  const bystander = await addMember(server, owner, orgId, 'approver');
  const url = (p: string) => `/api/orgs/${orgId}${p}`;
  return { owner, orgId, url, first, second, bystander };
}
