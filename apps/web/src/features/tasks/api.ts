import { useQuery } from '@tanstack/react-query';
import type { ActionStatus } from '@fortytwo/domain';
import { api } from '../../api/client';
import type { Page } from '../../api/types';

// Actions (apps/server/src/modules/actions): the work that closes a gap, with an owner and a due date.

export type Action = {
  id: string;
  orgId: string;
  title: string;
  description: string;
  ownerId: string | null;
  owner: { id: string; name: string; email: string } | null;
  dueDate: string | null;
  status: ActionStatus;
  /** gap_item, or manual */
  sourceType: string;
  sourceId: string | null;
  sourceRef: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

/** One of the signed-in user's open actions, from any organization they belong to. */
export type Task = Action & { organizationName: string };

/** The user's task list is not scoped to one organization: one key for all of it. */
export const tasksKey = ['tasks'] as const;

export const actionPath = (orgId: string, id: string) => `/api/orgs/${encodeURIComponent(orgId)}/actions/${encodeURIComponent(id)}`;

export function useMyTasks() {
  return useQuery({ queryKey: tasksKey, queryFn: async () => (await api.get<Page<Task>>('/api/me/tasks')).items });
}

/** A due date (YYYY-MM-DD) before today, in local time. */
export function isOverdue(dueDate: string | null, today = new Date()): boolean {
  if (!dueDate) return false;
  const pad = (n: number) => String(n).padStart(2, '0');
  return dueDate < `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
}
