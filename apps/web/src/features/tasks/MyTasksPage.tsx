import { useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Chip,
  EmptyState,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconChecklist, IconClipboardList } from '@tabler/icons-react';
import {
  ACTION_STATUS_LABELS,
  ACTION_STATUSES,
  can,
  DUE_KIND_LABELS,
  DUE_STATE_LABELS,
  DUE_STATES,
  type ActionStatus,
  type DueKind,
  type DueState,
} from '@fortytwo/domain';
import { Link } from 'react-router';
import { api, isApiError } from '../../api/client';
import { useMe } from '../../api/session';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { notifyError, notifySuccess } from '../../ui/notify';
import { gapHref, gapKey } from '../gap/api';
import { formatDay } from '../gap/format';
import { useOrg } from '../shell/org-context';
import { actionPath, isActionTask, tasksKey, useMyTasks, type Task } from './api';
import { TASKS_TEXT as T } from './text';
import classes from './tasks.module.css';

const STATE_COLORS: Record<DueState, string> = { overdue: 'red', due_soon: 'orange', later: 'gray' };
const kindLabel = (k: string) => DUE_KIND_LABELS[k as DueKind] ?? k;

/** Everything due that is assigned to the signed-in user, across organizations: overdue, due soon, later. */
export function MyTasksPage() {
  const { orgId } = useOrg();
  const me = useMe();
  const qc = useQueryClient();
  const tasks = useMyTasks();
  const [kinds, setKinds] = useState<string[]>([]);
  const all = tasks.data?.items ?? [];
  const present = [...new Set(all.map((t) => t.kind))];
  const list = kinds.length ? all.filter((t) => kinds.includes(t.kind)) : all;
  const roleIn = (id: string) => me.data?.memberships.find((m) => m.organization.id === id)?.role;
  const orgs = new Set(all.map((t) => t.orgId));
  const showOrg = orgs.size > 1 || (orgs.size === 1 && !orgs.has(orgId));

  const setStatus = useMutation({
    mutationFn: ({ task, status }: { task: Task; status: ActionStatus }) =>
      api.patch<Task>(actionPath(task.orgId, task.id), { version: task.version, status }),
    onSuccess: async (saved, { task }) => {
      notifySuccess(T.statusChanged(task.title, ACTION_STATUS_LABELS[saved.status]));
      await Promise.all([
        qc.invalidateQueries({ queryKey: tasksKey }),
        qc.invalidateQueries({ queryKey: gapKey(task.orgId) }),
      ]);
    },
    onError: async (e) => {
      if (isApiError(e, 'STALE_VERSION')) notifyError(new Error(T.staleRefreshed), e.message);
      else notifyError(e);
      await qc.invalidateQueries({ queryKey: tasksKey });
    },
  });

  const row = (t: Task) => {
    const role = roleIn(t.orgId);
    const writable = !!role && can(role, 'action.write') && isActionTask(t);
    const late = t.dueState === 'overdue';
    return (
      <Table.Tr key={`${t.kind}:${t.id}`} data-testid="task-row" data-kind={t.kind} data-ref={t.sourceRef ?? undefined}>
        <Table.Td>
          <Anchor component={Link} to={t.href} fz="sm" fw={600}>
            {t.title}
          </Anchor>
          {t.description && (
            <Text fz="xs" c="dimmed" lineClamp={2} style={{ whiteSpace: 'pre-wrap' }}>
              {t.description}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          {t.kind === 'action' && t.sourceType === 'gap_item' && t.sourceRef ? (
            <Anchor component={Link} to={t.href} fz="sm" fw={600} className={classes.mono}>
              {T.gapSource(t.sourceRef)}
            </Anchor>
          ) : t.kind === 'action' && t.sourceType === 'metric_breach' && t.sourceRef ? (
            <Anchor component={Link} to={t.href} fz="sm" fw={600} className={classes.mono}>
              {t.sourceRef}
            </Anchor>
          ) : (
            <Badge variant="light" color="gray" tt="none" size="sm">
              {kindLabel(t.kind)}
            </Badge>
          )}
        </Table.Td>
        {showOrg && (
          <Table.Td>
            <Anchor component={Link} to={`/orgs/${t.orgId}`} fz="sm">
              {t.organizationName}
            </Anchor>
          </Table.Td>
        )}
        <Table.Td>
          <Text fz="sm" c={t.dueOn ? (late ? 'red.8' : undefined) : 'dimmed'} fw={late ? 600 : undefined}>
            {t.dueOn ? formatDay(t.dueOn) : T.noDueDate}
          </Text>
        </Table.Td>
        <Table.Td>
          {isActionTask(t) ? (
            <Select
              size="xs"
              aria-label={T.status(t.title)}
              data={ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }))}
              value={t.status}
              onChange={(v) => v && v !== t.status && setStatus.mutate({ task: t, status: v })}
              allowDeselect={false}
              disabled={!writable || (setStatus.isPending && setStatus.variables?.task.id === t.id)}
              title={writable ? undefined : T.readOnly}
            />
          ) : (
            <Anchor component={Link} to={t.href} fz="sm">
              {T.open}
            </Anchor>
          )}
        </Table.Td>
      </Table.Tr>
    );
  };

  const group = (state: DueState) => {
    const items = list.filter((t) => t.dueState === state);
    if (items.length === 0) return null;
    const id = `tasks-${state}`;
    return (
      <section key={state} aria-labelledby={id} data-testid={`task-group-${state}`}>
        <Group gap="xs" mb={6}>
          <Title order={2} fz="md" id={id}>
            {DUE_STATE_LABELS[state]}
          </Title>
          <Badge color={STATE_COLORS[state]} variant="light" size="sm" circle={items.length < 100}>
            {items.length}
          </Badge>
        </Group>
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" className={classes.table} data-testid="task-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{T.columns.task}</Table.Th>
                  <Table.Th w={170}>{T.columns.kind}</Table.Th>
                  {showOrg && <Table.Th w={170}>{T.columns.organization}</Table.Th>}
                  <Table.Th w={130}>{T.columns.due}</Table.Th>
                  <Table.Th w={160}>{T.columns.status}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>{items.map(row)}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      </section>
    );
  };

  return (
    <>
      <PageHeader title={T.title} description={T.description} />
      {tasks.isPending ? (
        <Loading />
      ) : tasks.isError ? (
        <ErrorAlert error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : all.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <EmptyState
            size="lg"
            variant="light"
            icon={<IconChecklist size={32} />}
            title={T.emptyTitle}
            description={
              <Text fz="sm" maw={560} mx="auto">
                {T.emptyBody}
              </Text>
            }
          >
            <EmptyState.Actions>
              <Button
                component={Link}
                to={gapHref(orgId)}
                variant="light"
                leftSection={<IconClipboardList size={16} />}
              >
                {T.openGapAnalysis}
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        </Paper>
      ) : (
        <Stack gap="lg">
          <Group justify="space-between" align="flex-end">
            <Chip.Group multiple value={kinds} onChange={setKinds}>
              <Group gap={6} role="group" aria-label={T.kindFilter}>
                {present.map((k) => (
                  <Chip key={k} value={k} size="sm" variant="outline">
                    {kindLabel(k)} ({all.filter((t) => t.kind === k).length})
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            <Text fz="sm" c="dimmed" aria-live="polite">
              {T.count(list.length)}
              {tasks.data.more ? ` ${T.more}` : ''}
            </Text>
          </Group>
          {DUE_STATES.map(group)}
          <Text fz="xs" c="dimmed">
            {T.doneGone}
          </Text>
        </Stack>
      )}
    </>
  );
}
