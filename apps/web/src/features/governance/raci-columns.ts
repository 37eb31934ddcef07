import { useState } from 'react';
import { ROLE_LABELS, ROLES, type RaciLetter, type Role } from '@fortytwo/domain';
import type { Member } from '../../api/types';
import type { RaciActivity, RaciAssignee } from './types';
import { RACI_TEXT as T } from './text';

/** A column of the matrix: a member, or everyone holding a role. */
export type RaciColumn = { key: string; assignee: { userId: string } | { role: Role }; label: string; sub: string };

export const assigneeKey = (a: RaciAssignee | { userId: string } | { role: Role }) => ('userId' in a ? `user:${a.userId}` : `role:${a.role}`);

export function columnOf(key: string, members: Member[], activities: RaciActivity[]): RaciColumn | null {
  const [kind, id = ''] = key.split(/:(.*)/s);
  if (kind === 'role') return (ROLES as readonly string[]).includes(id) ? { key, assignee: { role: id as Role }, label: ROLE_LABELS[id as Role], sub: T.roleSuffix } : null;
  if (kind !== 'user') return null;
  const member = members.find((m) => m.user.id === id);
  if (member) return { key, assignee: { userId: id }, label: member.user.name, sub: ROLE_LABELS[member.role] };
  const named = activities.flatMap((a) => a.assignments).find((x) => 'userId' in x.assignee && x.assignee.userId === id)?.assignee;
  return { key, assignee: { userId: id }, label: (named && 'name' in named && named.name) || T.formerMember, sub: T.formerMember };
}

/** Until columns are chosen by hand, the first members are offered; a large team adds the rest as needed. */
const DEFAULT_MEMBER_COLUMNS = 8;

const storageKey = (orgId: string) => `fortytwo.raci.columns.${orgId}`;
function readStored(orgId: string): string[] | null {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(storageKey(orgId)) ?? 'null');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : null;
  } catch {
    return null;
  }
}

/**
 * The columns: everyone already assigned somewhere, then the ones added by hand (kept in this
 * browser); until someone chooses, the current members.
 */
export function useRaciColumns(orgId: string, members: Member[], activities: RaciActivity[]) {
  const [extra, setExtra] = useState<string[] | null>(() => readStored(orgId));
  const used = [...new Set(activities.flatMap((a) => a.assignments.map((x) => assigneeKey(x.assignee))))];
  const defaults = extra ?? members.filter((m) => !m.expired).slice(0, DEFAULT_MEMBER_COLUMNS).map((m) => `user:${m.user.id}`);
  const keys = [...new Set([...used, ...defaults])];
  const order = (c: RaciColumn) => ('role' in c.assignee ? 1000 + ROLES.indexOf(c.assignee.role) : 0);
  const columns = keys
    .map((k) => columnOf(k, members, activities))
    .filter((c): c is RaciColumn => c !== null)
    .sort((a, b) => order(a) - order(b) || a.label.localeCompare(b.label));
  const store = (next: string[]) => {
    setExtra(next);
    try {
      localStorage.setItem(storageKey(orgId), JSON.stringify(next));
    } catch {
      // private mode: the columns last for this visit
    }
  };
  return {
    columns,
    isUsed: (key: string) => used.includes(key),
    add: (key: string) => store([...new Set([...defaults, key])]),
    remove: (key: string) => store(defaults.filter((k) => k !== key)),
  };
}

/** The letters a column holds in an activity, in R, A, C, I order. */
export const lettersOf = (activity: RaciActivity, key: string, order: readonly RaciLetter[]): RaciLetter[] =>
  order.filter((l) => activity.assignments.some((x) => x.letter === l && assigneeKey(x.assignee) === key));
