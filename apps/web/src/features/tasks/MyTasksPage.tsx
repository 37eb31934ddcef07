import { Anchor, Badge, Button, EmptyState, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconChecklist, IconClipboardList } from '@tabler/icons-react';
import { ACTION_STATUS_LABELS, ACTION_STATUSES, can, type ActionStatus } from '@fortytwo/domain';
import { Link } from 'react-router';
import { api, isApiError } from '../../api/client';
import { useMe } from '../../api/session';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { notifyError, notifySuccess } from '../../ui/notify';
import { gapHref, gapKey, useGapItemIndex } from '../gap/api';
import { formatDay } from '../gap/format';
import { useOrg } from '../shell/org-context';
import { metricHref } from '../metrics/api';
import { actionPath, isOverdue, tasksKey, useMyTasks, type Task } from './api';
import { TASKS_TEXT as T } from './text';
import classes from './tasks.module.css';

/** The signed-in user's open actions across organizations, with their status and the gap each closes. */
export function MyTasksPage() {
  const { orgId } = useOrg();
  const me = useMe();
  const qc = useQueryClient();
  const tasks = useMyTasks();
  const list = tasks.data ?? [];
  const gapOrgs = [...new Set(list.filter((t) => t.sourceType === 'gap_item').map((t) => t.orgId))];
  const assessmentOf = useGapItemIndex(gapOrgs);
  const roleIn = (id: string) => me.data?.memberships.find((m) => m.organization.id === id)?.role;
  const orgs = new Set(list.map((t) => t.orgId));
  const showOrg = orgs.size > 1 || (orgs.size === 1 && !orgs.has(orgId));

  const setStatus = useMutation({
    mutationFn: ({ task, status }: { task: Task; status: ActionStatus }) => api.patch<Task>(actionPath(task.orgId, task.id), { version: task.version, status }),
    onSuccess: async (saved, { task }) => {
      notifySuccess(T.statusChanged(task.title, ACTION_STATUS_LABELS[saved.status]));
      await Promise.all([qc.invalidateQueries({ queryKey: tasksKey }), qc.invalidateQueries({ queryKey: gapKey(task.orgId) })]);
    },
    onError: async (e) => {
      if (isApiError(e, 'STALE_VERSION')) notifyError(new Error(T.staleRefreshed), e.message);
      else notifyError(e);
      await qc.invalidateQueries({ queryKey: tasksKey });
    },
  });

  const sourceLink = (t: Task) => {
    // A breach of a metric's thresholds opened this action: its metric shows the measurements.
    if (t.sourceType === 'metric_breach' && t.sourceId) return metricHref(t.orgId, t.sourceId);
    if (t.sourceType !== 'gap_item' || !t.sourceRef) return null;
    const assessmentId = t.sourceId ? assessmentOf[t.sourceId] : undefined;
    return assessmentId ? gapHref(t.orgId, assessmentId, t.sourceRef) : gapHref(t.orgId);
  };

  return (
    <>
      <PageHeader title={T.title} description={T.description} />
      {tasks.isPending ? (
        <Loading />
      ) : tasks.isError ? (
        <ErrorAlert error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : list.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <EmptyState size="lg" variant="light" icon={<IconChecklist size={32} />} title={T.emptyTitle} description={<Text fz="sm" maw={560} mx="auto">{T.emptyBody}</Text>}>
            <EmptyState.Actions>
              <Button component={Link} to={gapHref(orgId)} variant="light" leftSection={<IconClipboardList size={16} />}>
                {T.openGapAnalysis}
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        </Paper>
      ) : (
        <Stack gap="sm">
          <Group justify="space-between">
            <Text fz="sm" c="dimmed" aria-live="polite">
              {T.count(list.length)}
            </Text>
            <Text fz="xs" c="dimmed">
              {T.doneGone}
            </Text>
          </Group>
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={760}>
              <Table verticalSpacing="sm" className={classes.table} data-testid="task-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{T.columns.task}</Table.Th>
                    <Table.Th w={120}>{T.columns.source}</Table.Th>
                    {showOrg && <Table.Th w={170}>{T.columns.organization}</Table.Th>}
                    <Table.Th w={150}>{T.columns.due}</Table.Th>
                    <Table.Th w={160}>{T.columns.status}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((t) => {
                    const href = sourceLink(t);
                    const role = roleIn(t.orgId);
                    const writable = !!role && can(role, 'action.write');
                    const late = isOverdue(t.dueDate);
                    return (
                      <Table.Tr key={t.id} data-testid="task-row" data-ref={t.sourceRef ?? undefined}>
                        <Table.Td>
                          <Text fz="sm" fw={600}>
                            {t.title}
                          </Text>
                          {t.description && (
                            <Text fz="xs" c="dimmed" lineClamp={2} style={{ whiteSpace: 'pre-wrap' }}>
                              {t.description}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {href && t.sourceRef ? (
                            <Anchor component={Link} to={href} fz="sm" fw={600} className={classes.mono}>
                              {t.sourceType === 'gap_item' ? T.gapSource(t.sourceRef) : t.sourceRef}
                            </Anchor>
                          ) : (
                            <Text fz="sm" c="dimmed">
                              {T.manualSource}
                            </Text>
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
                          <Group gap={6} wrap="nowrap">
                            <Text fz="sm" c={t.dueDate ? (late ? 'red.8' : undefined) : 'dimmed'} fw={late ? 600 : undefined}>
                              {t.dueDate ? formatDay(t.dueDate) : T.noDueDate}
                            </Text>
                            {late && (
                              <Badge color="red" variant="light" size="xs" tt="none">
                                {T.overdue}
                              </Badge>
                            )}
                          </Group>
                        </Table.Td>
                        <Table.Td>
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
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        </Stack>
      )}
    </>
  );
}
