import { Badge } from '@mantine/core';
import { useMyTasks } from './api';
import { NAV_LABELS } from '../shell/nav-labels';

/** How many open tasks wait for the signed-in user, beside "My tasks". */
export function TasksNavBadge() {
  const tasks = useMyTasks();
  const n = tasks.data?.counts.total ?? 0;
  if (n === 0) return null;
  return (
    <Badge size="sm" variant="filled" circle={n < 100} aria-label={NAV_LABELS.openTasks(n)}>
      {n}
    </Badge>
  );
}
