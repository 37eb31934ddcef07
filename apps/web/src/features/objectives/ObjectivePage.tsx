import { personOf } from '../../api/people';
import { useState } from 'react';
import { Badge, Button, Grid, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { LineChart } from '@mantine/charts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZProgressEntry } from '@fortytwo/domain';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import type { AuditEvent } from '../../api/types';
import { confirmDanger } from '../../ui/confirm';
import { formatDate } from '../../ui/format';
import { HistoryTimeline, useAuditTrail, type EntryView } from '../../ui/History';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useZodForm } from '../../ui/use-zod-form';
import { ValidatedForm } from '../../ui/ValidatedForm';
import { useOrg } from '../shell/org-context';
import { numberOrNull } from './ObjectiveForm';
import {
  objectiveHref,
  objectivePath,
  objectivesHref,
  refreshObjectives,
  useAnnexCObjectives,
  useObjective,
  type Objective,
} from './api';
import { ObjectiveForm } from './ObjectiveForm';
import { OBJECTIVES_TEXT as T } from './text';

const fmt = (n: number | null, unit = '') => (n === null ? T.none : `${n}${unit ? ` ${unit}` : ''}`);

function ProgressChart({ o }: { o: Objective }) {
  const data = o.progress.map((p, i) => ({ point: `${i + 1}`, day: formatDate(p.onDate), value: p.value }));
  const dayOf = new Map(data.map((d) => [d.point, d.day]));
  const lines = [
    ...(o.target !== null ? [{ y: o.target, label: `${T.targetLine} ${o.target}`, color: 'teal.7' }] : []),
    ...(o.baseline !== null ? [{ y: o.baseline, label: `${T.baselineLine} ${o.baseline}`, color: 'gray.6' }] : []),
  ];
  const values = [...o.progress.map((p) => p.value), ...lines.map((l) => l.y)];
  const summary = o.progress.map((p) => `${formatDate(p.onDate)} ${p.value}`).join('; ');
  if (!o.progress.length)
    return (
      <Text c="dimmed" fz="sm">
        {T.progressEmpty}
      </Text>
    );
  return (
    <LineChart
      h={260}
      data={data}
      dataKey="point"
      series={[{ name: 'value', label: o.measure || T.value, color: 'indigo.7' }]}
      referenceLines={lines}
      curveType="linear"
      dotProps={{ r: 5, strokeWidth: 2 }}
      yAxisProps={{ domain: [Math.min(...values), Math.max(...values)], width: 52 }}
      xAxisProps={{ tickFormatter: (v: string) => dayOf.get(v) ?? v }}
      gridAxis="y"
      role="img"
      aria-label={T.progressAria(summary)}
      data-testid="objective-progress-chart"
      data-points={o.progress.length}
    />
  );
}

function RecordProgress({ orgId, o }: { orgId: string; o: Objective }) {
  const qc = useQueryClient();
  const form = useZodForm(
    ZProgressEntry,
    { onDate: new Date().toISOString().slice(0, 10), value: '', note: '' },
    (v) => ({ ...v, value: numberOrNull(v.value) ?? '' }),
  );
  const save = useMutation({
    mutationFn: (input: unknown) => api.post<Objective>(`${objectivePath(orgId, o.id)}/progress`, input),
    onSuccess: async () => {
      await refreshObjectives(qc, orgId);
      notifySuccess(T.recorded);
      form.reset({ ...form.values, value: '', note: '' });
    },
    onError: (e) => form.showServerError(e),
  });
  return (
    <ValidatedForm form={form} save={save} gap="xs">
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput {...form.field('onDate')} label={T.onDate} type="date" w={170} />
        <TextInput
          {...form.field('value')}
          label={`${T.value}${o.unit ? ` (${o.unit})` : ''}`}
          inputMode="decimal"
          w={140}
        />
        <TextInput {...form.field('note')} label={T.note} style={{ flex: 1, minWidth: 180 }} />
        <Button type="submit" mt={25} loading={save.isPending}>
          {T.record}
        </Button>
      </Group>
    </ValidatedForm>
  );
}

const describe = (e: AuditEvent): EntryView => {
  switch (e.action) {
    case 'objective.created':
      return { label: T.historyLabels.created, tone: 'added' };
    case 'objective.progress_recorded': {
      const a = e.after as { onDate?: string; value?: number } | null;
      return {
        label: T.historyLabels.progress,
        detail: a ? `${formatDate(a.onDate ?? null)}: ${a.value}` : null,
        tone: 'added',
      };
    }
    case 'objective.progress_deleted':
      return { label: T.historyLabels.progressDeleted, tone: 'removed' };
    default:
      return { label: T.historyLabels.updated, tone: 'changed' };
  }
};

export function ObjectivePage() {
  const { orgId, can } = useOrg();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const q = useObjective(orgId, id);
  const annexC = useAnnexCObjectives();
  const [editing, setEditing] = useState(false);
  const canWrite = can('objective.write');
  const canHistory = can('audit_event.read');
  const trail = useAuditTrail(orgId, 'objective', id, canHistory);
  const remove = useMutation({
    mutationFn: () => api.delete(objectivePath(orgId, id)),
    onSuccess: async () => {
      await refreshObjectives(qc, orgId);
      await navigate(objectivesHref(orgId));
    },
    onError: (e) => notifyError(e),
  });
  const removeEntry = useMutation({
    mutationFn: (entryId: string) => api.delete(`${objectivePath(orgId, id)}/progress/${entryId}`),
    onSuccess: () => refreshObjectives(qc, orgId),
    onError: (e) => notifyError(e),
  });

  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const o = q.data;
  const annex = annexC.data?.find((e) => e.ref === o.annexCRef);
  const facts: [string, string][] = [
    [T.fields.measure, o.measure || T.none],
    [T.fields.baseline, fmt(o.baseline, o.unit)],
    [T.fields.target, fmt(o.target, o.unit)],
    [T.fields.ownerId, personOf(o.people, o.ownerId)?.name ?? T.none],
    [T.fields.dueDate, o.dueDate ? formatDate(o.dueDate) : T.none],
    [T.fields.annexCRef, o.annexCRef ? `${o.annexCRef} ${annex?.title ?? ''}` : T.none],
    [T.fields.resources, o.resources || T.none],
    [T.fields.evaluation, o.evaluation || T.none],
  ];

  return (
    <>
      <PageHeader
        crumbs={[{ label: T.title, to: objectivesHref(orgId) }, { label: o.ref }]}
        title={`${o.ref} ${o.title}`}
        description={o.description || undefined}
        badge={<Badge variant="light">{T.status[o.status]}</Badge>}
        actions={
          canWrite && (
            <>
              <Button variant="default" onClick={() => setEditing(true)}>
                {T.edit}
              </Button>
              <Button
                variant="subtle"
                color="red"
                loading={remove.isPending}
                onClick={() =>
                  void confirmDanger({ title: T.delete, message: T.deleteConfirm(o.ref), confirmLabel: T.delete }).then(
                    (ok) => ok && remove.mutate(),
                  )
                }
              >
                {T.delete}
              </Button>
            </>
          )
        }
      />
      {canWrite && (
        <ObjectiveForm
          key={o.version}
          orgId={orgId}
          objective={o}
          opened={editing}
          onClose={() => setEditing(false)}
          onSaved={(x) => void navigate(objectiveHref(orgId, x.id), { replace: true })}
        />
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="objective-progress">
            <Stack gap="sm">
              <Group justify="space-between">
                <Title order={2} fz="md" id="objective-progress">
                  {T.progressTitle}
                </Title>
                {o.progressPercent !== null && (
                  <Badge size="lg" variant="light" color={o.progressPercent >= 100 ? 'teal' : 'blue'}>
                    {o.progressPercent}%
                  </Badge>
                )}
              </Group>
              <ProgressChart o={o} />
              {canWrite && <RecordProgress orgId={orgId} o={o} />}
              {o.progress.length > 0 && (
                <Table aria-label={T.progressTitle}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{T.onDate}</Table.Th>
                      <Table.Th>{T.value}</Table.Th>
                      <Table.Th>{T.note}</Table.Th>
                      {canWrite && <Table.Th />}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {[...o.progress].reverse().map((p) => (
                      <Table.Tr key={p.id}>
                        <Table.Td>{formatDate(p.onDate)}</Table.Td>
                        <Table.Td>{fmt(p.value, o.unit)}</Table.Td>
                        <Table.Td>{p.note || T.none}</Table.Td>
                        {canWrite && (
                          <Table.Td>
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              color="red"
                              onClick={() => removeEntry.mutate(p.id)}
                              aria-label={`${T.removeEntry} ${formatDate(p.onDate)}`}
                            >
                              {T.removeEntry}
                            </Button>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="objective-plan">
              <Title order={2} fz="md" id="objective-plan" mb="sm">
                {T.plan}
              </Title>
              <SimpleGrid cols={1} spacing={8}>
                {facts.map(([label, value]) => (
                  <div key={label}>
                    <Text fz="xs" c="dimmed" fw={700}>
                      {label}
                    </Text>
                    <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {value}
                    </Text>
                  </div>
                ))}
              </SimpleGrid>
            </Paper>
            <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="objective-history">
              <Title order={2} fz="md" id="objective-history" mb="sm">
                {T.history}
              </Title>
              {canHistory ? (
                <HistoryTimeline trail={trail} describe={describe} compact />
              ) : (
                <Text fz="sm" c="dimmed">
                  {T.historyNeedsRole}
                </Text>
              )}
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
