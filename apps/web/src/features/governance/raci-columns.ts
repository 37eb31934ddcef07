import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ROLE_LABELS, ROLES, type RaciLetter, type Role } from '@fortytwo/domain';
import { api, isApiError } from '../../api/client';
import type { Member } from '../../api/types';
import { notifyError } from '../../ui/notify';
import { raciColumnsKey, raciColumnsPath } from './api';
import type { RaciActivity, RaciAssignee, RaciColumnChoice } from './types';
import { RACI_TEXT as T } from './text';

/** A column of the matrix: a member, or everyone holding a role. */
export type RaciColumn = { key: string; assignee: { userId: string } | { role: Role }; label: string; sub: string };

export const assigneeKey = (a: RaciAssignee | { userId: string } | { role: Role }) =>
  'userId' in a ? `user:${a.userId}` : `role:${a.role}`;

export function columnOf(
  key: string,
  members: Member[],
  activities: RaciActivity[],
  choice?: RaciColumnChoice,
): RaciColumn | null {
  const [kind, id = ''] = key.split(/:(.*)/s);
  if (kind === 'role')
    return (ROLES as readonly string[]).includes(id)
      ? { key, assignee: { role: id as Role }, label: ROLE_LABELS[id as Role], sub: T.roleSuffix }
      : null;
  if (kind !== 'user') return null;
  const member = members.find((m) => m.user.id === id);
  if (member) return { key, assignee: { userId: id }, label: member.user.name, sub: ROLE_LABELS[member.role] };
  const named = [...activities.flatMap((a) => a.assignments.map((x) => x.assignee)), ...(choice?.columns ?? [])].find(
    (x) => 'userId' in x && x.userId === id,
  );
  return {
    key,
    assignee: { userId: id },
    label: (named && 'name' in named && named.name) || T.formerMember,
    sub: T.formerMember,
  };
}

const toAssignee = (key: string): { userId: string } | { role: string } => {
  const [kind, id = ''] = key.split(/:(.*)/s);
  return kind === 'role' ? { role: id } : { userId: id };
};

/**
 * The columns: everyone already assigned somewhere, then the ones the organization chose (saved
 * on the server, the same for every colleague); until someone chooses, the first current members.
 * Each change is saved at once with the version of the choice.
 */
export function useRaciColumns(orgId: string, members: Member[], activities: RaciActivity[], choice: RaciColumnChoice) {
  const qc = useQueryClient();
  const latest = () => qc.getQueryData<RaciColumnChoice>(raciColumnsKey(orgId)) ?? choice;
  const chosenKeys = (c: RaciColumnChoice) => c.columns.map((x) => assigneeKey(x));
  const save = useMutation({
    // Quick changes are saved one after the other, each with the version the previous one left.
    scope: { id: `raci-columns-${orgId}` },
    mutationFn: (keys: string[]) =>
      api.put<RaciColumnChoice>(raciColumnsPath(orgId), { version: latest().version, columns: keys.map(toAssignee) }),
    onMutate: (keys) => {
      const before = latest();
      const names = new Map(before.columns.flatMap((x) => ('userId' in x ? [[x.userId, x.name] as const] : [])));
      qc.setQueryData<RaciColumnChoice>(raciColumnsKey(orgId), {
        ...before,
        chosen: true,
        columns: keys.map((k) => {
          const a = toAssignee(k);
          return 'userId' in a
            ? {
                userId: a.userId,
                name: names.get(a.userId) ?? members.find((m) => m.user.id === a.userId)?.user.name ?? null,
              }
            : { role: a.role as Role };
        }),
      });
      return { before };
    },
    onSuccess: (saved) => qc.setQueryData(raciColumnsKey(orgId), saved),
    onError: (e, _keys, ctx) => {
      const current = isApiError(e, 'STALE_VERSION')
        ? (e.details as { current?: RaciColumnChoice } | undefined)?.current
        : undefined;
      if (current) {
        qc.setQueryData(raciColumnsKey(orgId), current);
        notifyError(new Error(T.columnsStale), T.columnsNotSaved);
      } else {
        if (ctx) qc.setQueryData(raciColumnsKey(orgId), ctx.before);
        notifyError(e, T.columnsNotSaved);
      }
    },
  });
  const used = [...new Set(activities.flatMap((a) => a.assignments.map((x) => assigneeKey(x.assignee))))];
  const keys = [...new Set([...used, ...chosenKeys(choice)])];
  const order = (c: RaciColumn) => ('role' in c.assignee ? 1000 + ROLES.indexOf(c.assignee.role) : 0);
  const columns = keys
    .map((k) => columnOf(k, members, activities, choice))
    .filter((c): c is RaciColumn => c !== null)
    .sort((a, b) => order(a) - order(b) || a.label.localeCompare(b.label));
  return {
    columns,
    isUsed: (key: string) => used.includes(key),
    add: (key: string) => save.mutate([...new Set([...chosenKeys(latest()), key])]),
    remove: (key: string) => save.mutate(chosenKeys(latest()).filter((k) => k !== key)),
  };
}

/** The letters a column holds in an activity, in R, A, C, I order. */
export const lettersOf = (activity: RaciActivity, key: string, order: readonly RaciLetter[]): RaciLetter[] =>
  order.filter((l) => activity.assignments.some((x) => x.letter === l && assigneeKey(x.assignee) === key));
