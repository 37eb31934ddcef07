import { useQuery } from '@tanstack/react-query';
import type { ActionStatus, DueState } from '@fortytwo/domain';
import { api } from '../../api/client';
import type { Page } from '../../api/types';

// Actions (apps/server/src/modules/actions): the work that closes a gap, with an owner and a due date.

export type Action = {
  id: string;
  orgId: string;
  title: string;
  description: string;
  /** Who does it: look them up in the answer's `people` (personOf). */
  ownerId: string | null;
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

/**
 * One due thing of the signed-in user's, from any organization they belong to: an action (with all
 * its fields) or another kind (approval, review, control, training…) that links to where it is done.
 */
export type Task = Action & {
  organizationName: string;
  kind: string;
  dueOn: string | null;
  dueState: DueState;
  assigneeUserId: string | null;
  href: string;
};
export type TaskCounts = { total: number; overdue: number; due_soon: number; later: number };
/** Items of these kinds are actions: their status can be changed from the list. */
export const isActionTask = (t: Task) => t.version > 0 && (t.kind === 'action' || t.kind === 'document_review');

/** The user's task list is not scoped to one organization: one key for all of it. */
export const tasksKey = ['tasks'] as const;

export const actionPath = (orgId: string, id: string) =>
  `/api/orgs/${encodeURIComponent(orgId)}/actions/${encodeURIComponent(id)}`;

export function useMyTasks() {
  return useQuery({
    queryKey: tasksKey,
    queryFn: async () => {
      const page = await api.get<Page<Task> & { counts: TaskCounts }>('/api/me/tasks?limit=500');
      return { items: page.items, counts: page.counts, more: page.nextCursor !== null };
    },
  });
}

/** A due date (YYYY-MM-DD) before today, in local time. */
export function isOverdue(dueDate: string | null, today = new Date()): boolean {
  if (!dueDate) return false;
  const pad = (n: number) => String(n).padStart(2, '0');
  return dueDate < `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
}
