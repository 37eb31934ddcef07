import { Anchor, Badge, Button, Chip, EmptyState, Group, Paper, Select, Stack, Text } from '@mantine/core';
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
import { Link, useNavigate, useSearchParams } from 'react-router';
import { bulkEach, RegisterTable, type RegisterColumn } from '../../ui/register';
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
  const navigate = useNavigate();
  // The kinds shown live in the address, like every register's filters (a saved view keeps them).
  const [params, setParams] = useSearchParams();
  const kinds = params.get('kind')?.split(',').filter(Boolean) ?? [];
  const setKinds = (next: string[]) =>
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        if (next.length) n.set('kind', next.join(','));
        else n.delete('kind');
        return n;
      },
      { replace: true },
    );
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

  const writable = (t: Task) => {
    const role = roleIn(t.orgId);
    return !!role && can(role, 'action.write') && isActionTask(t);
  };
  const columns: RegisterColumn<Task>[] = [
    {
      id: 'task',
      header: T.columns.task,
      alwaysVisible: true,
      sortValue: (t) => t.title.toLowerCase(),
      text: (t) => t.title,
      cell: (t) => (
        <>
          <Anchor component={Link} to={t.href} fz="sm" fw={600}>
            {t.title}
          </Anchor>
          {t.description && (
            <Text fz="xs" c="dimmed" lineClamp={2} style={{ whiteSpace: 'pre-wrap' }}>
              {t.description}
            </Text>
          )}
        </>
      ),
    },
    {
      id: 'kind',
      header: T.columns.kind,
      width: 170,
      sortValue: (t) => kindLabel(t.kind),
      cell: (t) =>
        t.kind === 'action' && t.sourceType === 'gap_item' && t.sourceRef ? (
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
        ),
    },
    ...(showOrg
      ? [
          {
            id: 'organization',
            header: T.columns.organization,
            width: 170,
            sortValue: (t: Task) => t.organizationName,
            cell: (t: Task) => (
              <Anchor component={Link} to={`/orgs/${t.orgId}`} fz="sm">
                {t.organizationName}
              </Anchor>
            ),
          },
        ]
      : []),
    {
      id: 'due',
      header: T.columns.due,
      width: 130,
      sortValue: (t) => t.dueOn,
      cell: (t) => {
        const late = t.dueState === 'overdue';
        return (
          <Text fz="sm" c={t.dueOn ? (late ? 'red.8' : undefined) : 'dimmed'} fw={late ? 600 : undefined}>
            {t.dueOn ? formatDay(t.dueOn) : T.noDueDate}
          </Text>
        );
      },
    },
    {
      id: 'status',
      header: T.columns.status,
      width: 160,
      sortValue: (t) => (isActionTask(t) ? ACTION_STATUS_LABELS[t.status] : null),
      cell: (t) =>
        isActionTask(t) ? (
          <Select
            size="xs"
            aria-label={T.status(t.title)}
            data={ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }))}
            value={t.status}
            onChange={(v) => v && v !== t.status && setStatus.mutate({ task: t, status: v })}
            allowDeselect={false}
            disabled={!writable(t) || (setStatus.isPending && setStatus.variables?.task.id === t.id)}
            title={writable(t) ? undefined : T.readOnly}
          />
        ) : (
          <Anchor component={Link} to={t.href} fz="sm">
            {T.open}
          </Anchor>
        ),
    },
  ];
  const markDone = (rows: Task[]) =>
    bulkEach(
      rows.filter((t) => writable(t) && isActionTask(t) && t.status !== 'done'),
      (t) => api.patch(actionPath(t.orgId, t.id), { version: t.version, status: 'done' }),
      { done: T.bulkDone, name: (t) => t.title },
    ).then(() => qc.invalidateQueries({ queryKey: tasksKey }));

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
          <RegisterTable
            orgId={orgId}
            register="actions"
            label={T.title}
            testId="task-table"
            rows={list}
            columns={columns}
            getRowId={(t) => `${t.kind}:${t.id}`}
            onOpen={(t) => void navigate(t.href)}
            rowAttributes={(t) => ({
              'data-testid': 'task-row',
              'data-kind': t.kind,
              'data-ref': t.sourceRef ?? undefined,
            })}
            filtering={kinds.length > 0}
            onClearFilters={() => setKinds([])}
            countText={`${T.count(list.length)}${tasks.data.more ? ` ${T.more}` : ''}`}
            bulkActions={[{ label: T.bulkMarkDone, run: markDone }]}
            exportName="tasks"
            minWidth={760}
            groups={{
              of: (t) => t.dueState,
              order: DUE_STATES,
              heading: (state, items) => (
                <Group gap="xs" data-testid={`task-group-${state}`}>
                  <Text fw={700} fz="md">
                    {DUE_STATE_LABELS[state as DueState]}
                  </Text>
                  <Badge color={STATE_COLORS[state as DueState]} variant="light" size="sm" circle={items.length < 100}>
                    {items.length}
                  </Badge>
                </Group>
              ),
            }}
            filters={
              <Chip.Group multiple value={kinds} onChange={setKinds}>
                <Group gap={6} role="group" aria-label={T.kindFilter}>
                  {present.map((k) => (
                    <Chip key={k} value={k} size="sm" variant="outline">
                      {kindLabel(k)} ({all.filter((t) => t.kind === k).length})
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
            }
          />
          <Text fz="xs" c="dimmed">
            {T.doneGone}
          </Text>
        </Stack>
      )}
    </>
  );
}
