import { ActionIcon, Group, Menu, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import {
  RACI_LETTERS,
  RACI_PROBLEM_MESSAGES,
  raciProblems,
  type RaciAssignment,
  type RaciLetter,
} from '@fortytwo/domain';
import { api, isApiError } from '../../api/client';
import { notifyError } from '../../ui/notify';
import { raciActivityPath, raciKey } from './api';
import { assigneeKey, lettersOf, type RaciColumn } from './raci-columns';
import { RaciCell } from './RaciCell';
import type { RaciActivity } from './types';
import { RACI_TEXT as T } from './text';
import classes from './governance.module.css';

const toInput = (a: RaciActivity['assignments'][number]): RaciAssignment => ({
  assignee: 'userId' in a.assignee ? { userId: a.assignee.userId } : { role: a.assignee.role },
  letter: a.letter,
});

/** One activity: its name and problems, and a cell per column; each change is saved at once with the row's version. */
export function RaciRow({
  orgId,
  activity,
  columns,
  canWrite,
  onEdit,
  onDelete,
}: {
  orgId: string;
  activity: RaciActivity;
  columns: RaciColumn[];
  canWrite: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const qc = useQueryClient();
  const replace = (row: RaciActivity) =>
    qc.setQueryData<RaciActivity[]>(raciKey(orgId), (list) => list?.map((a) => (a.id === row.id ? row : a)));
  const current = () => qc.getQueryData<RaciActivity[]>(raciKey(orgId))?.find((a) => a.id === activity.id) ?? activity;
  const assign = useMutation({
    // Quick clicks on one row are saved one after the other, each with the version the previous one left.
    scope: { id: `raci-${activity.id}` },
    mutationFn: (assignments: RaciAssignment[]) =>
      api.patch<RaciActivity>(raciActivityPath(orgId, activity.id), { version: current().version, assignments }),
    // The row shows the change (and its problems) at once; the server's answer replaces it.
    onMutate: (assignments) => {
      const before = current();
      const names = new Map(
        before.assignments.flatMap((x) =>
          'userId' in x.assignee ? [[x.assignee.userId, x.assignee.name] as const] : [],
        ),
      );
      replace({
        ...before,
        assignments: assignments.map((x) => ({
          letter: x.letter,
          assignee:
            'userId' in x.assignee
              ? { userId: x.assignee.userId, name: names.get(x.assignee.userId) ?? null }
              : x.assignee,
        })) as RaciActivity['assignments'],
        problems: raciProblems(assignments).map((code) => ({ code, message: RACI_PROBLEM_MESSAGES[code] })),
      });
      return { before };
    },
    onSuccess: replace,
    onError: (e, _v, ctx) => {
      const current = isApiError(e, 'STALE_VERSION')
        ? (e.details as { current?: RaciActivity } | undefined)?.current
        : undefined;
      if (current) {
        replace(current);
        notifyError(new Error(T.stale(activity.name)), 'Not saved');
      } else {
        if (ctx) replace(ctx.before);
        notifyError(e);
      }
    },
  });
  const setLetters = (column: RaciColumn, letters: RaciLetter[]) => {
    const others = activity.assignments.filter((x) => assigneeKey(x.assignee) !== column.key).map(toInput);
    assign.mutate([...others, ...letters.map((letter) => ({ assignee: column.assignee, letter }))]);
  };
  // Not assigned yet is work to do, not a mistake: only a row with assignments and a problem stands out.
  const unassigned = activity.assignments.length === 0;
  const problem = !unassigned && activity.problems.length > 0;

  return (
    <Table.Tr
      className={classes.row}
      data-problem={problem || undefined}
      data-unassigned={unassigned || undefined}
      data-testid="raci-row"
      data-activity={activity.name}
    >
      <Table.Th scope="row" className={classes.activityCell} fw="normal">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap={6}>
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fz="sm" fw={600}>
              {activity.name}
            </Text>
            {activity.description && (
              <Text fz="xs" c="dimmed" lineClamp={2} title={activity.description}>
                {activity.description}
              </Text>
            )}
            {unassigned && (
              <Text fz="xs" c="dimmed" fs="italic">
                {T.unassigned}
              </Text>
            )}
            {problem &&
              activity.problems.map((p) => (
                <Group key={p.code} gap={4} wrap="nowrap" align="flex-start" data-testid="raci-problem">
                  <IconAlertTriangle
                    size={14}
                    color="var(--mantine-color-orange-light-color)"
                    style={{ flexShrink: 0, marginTop: 2 }}
                    aria-hidden
                  />
                  <Text fz="xs" fw={500} c="var(--mantine-color-orange-light-color)">
                    {p.message}
                  </Text>
                </Group>
              ))}
          </Stack>
          {canWrite && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" aria-label={T.actionsFor(activity.name)}>
                  <IconDots size={18} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconPencil size={16} />} onClick={onEdit}>
                  {T.rename}
                </Menu.Item>
                <Menu.Item leftSection={<IconTrash size={16} />} color="red" onClick={onDelete}>
                  {T.delete}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Table.Th>
      {columns.map((c) => (
        <Table.Td key={c.key} className={classes.cell}>
          <RaciCell
            activityName={activity.name}
            who={c.label}
            letters={lettersOf(activity, c.key, RACI_LETTERS)}
            canWrite={canWrite}
            pending={assign.isPending}
            onChange={(l) => setLetters(c, l)}
          />
        </Table.Td>
      ))}
    </Table.Tr>
  );
}
