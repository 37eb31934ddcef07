import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Grid,
  Group,
  List,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { LineChart } from '@mantine/charts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZMeasurementInput } from '@fortytwo/domain';
import { useParams } from 'react-router';
import { api, isApiError } from '../../api/client';
import { useMe } from '../../api/session';
import type { AuditEvent } from '../../api/types';
import { formatDateTime } from '../../ui/format';
import { HistoryTimeline, useAuditTrail, type EntryView } from '../../ui/History';
import { notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useZodForm } from '../../ui/use-zod-form';
import { upload } from '../gap/api';
import { numberOrNull } from '../objectives/ObjectiveForm';
import { useOrg } from '../shell/org-context';
import {
  metricPath,
  metricsHref,
  refreshMetrics,
  useMeasurements,
  useMetric,
  type ImportSummary,
  type Measurement,
  type Metric,
} from './api';
import { MetricForm } from './MetricForm';
import { StateBadge } from './StateBadge';
import { METRICS_TEXT as T } from './text';

const fmt = (n: number | null, unit = '') => (n === null ? T.none : `${n}${unit ? ` ${unit}` : ''}`);

function MeasurementChart({ m, items }: { m: Metric; items: Measurement[] }) {
  if (!items.length)
    return (
      <Text c="dimmed" fz="sm">
        {T.chartEmpty}
      </Text>
    );
  const data = items.map((x, i) => ({ point: `${i + 1}`, day: x.at.slice(0, 10), value: x.value }));
  const dayOf = new Map(data.map((d) => [d.point, d.day]));
  const lines = [
    ...(m.lowerThreshold !== null
      ? [{ y: m.lowerThreshold, label: `${T.lower} ${m.lowerThreshold}`, color: 'red.7', strokeDasharray: '6 4' }]
      : []),
    ...(m.upperThreshold !== null
      ? [{ y: m.upperThreshold, label: `${T.upper} ${m.upperThreshold}`, color: 'red.7', strokeDasharray: '6 4' }]
      : []),
    ...(m.target !== null ? [{ y: m.target, label: `${T.target} ${m.target}`, color: 'teal.7' }] : []),
  ];
  const values = [...items.map((x) => x.value), ...lines.map((l) => l.y)];
  const pad = (Math.max(...values) - Math.min(...values)) * 0.1 || 1;
  const outside = items.filter((x) => x.state !== 'within').length;
  return (
    <LineChart
      h={280}
      data={data}
      dataKey="point"
      series={[{ name: 'value', label: m.name, color: 'indigo.7' }]}
      referenceLines={lines}
      curveType="linear"
      dotProps={{ r: 4, strokeWidth: 2 }}
      yAxisProps={{
        domain: [Math.min(...values) - pad, Math.max(...values) + pad],
        width: 56,
        tickFormatter: (v: number) => String(Math.round(v * 1000) / 1000),
      }}
      xAxisProps={{ tickFormatter: (v: string) => dayOf.get(v) ?? v, interval: 'preserveStartEnd' }}
      gridAxis="y"
      role="img"
      aria-label={T.chartAria(
        `${items.length} measurements from ${items[0]!.at.slice(0, 10)} to ${items.at(-1)!.at.slice(0, 10)}, latest ${items.at(-1)!.value}; ${outside} outside the thresholds`,
      )}
      data-testid="metric-chart"
      data-points={items.length}
    />
  );
}

function RecordMeasurement({ orgId, m }: { orgId: string; m: Metric }) {
  const qc = useQueryClient();
  const now = () => new Date().toISOString().slice(0, 10);
  const form = useZodForm(ZMeasurementInput, { value: '', at: now(), note: '' }, (v) => ({
    ...v,
    value: numberOrNull(v.value) ?? '',
    at: v.at || undefined,
  }));
  const save = useMutation({
    mutationFn: (input: unknown) =>
      api.post<{ breach: 'open' | 'close' | 'none'; duplicate: boolean }>(
        `${metricPath(orgId, m.id)}/measurements`,
        input,
      ),
    onSuccess: async (r) => {
      await refreshMetrics(qc, orgId);
      notifySuccess(
        r.duplicate
          ? T.duplicate
          : r.breach === 'open'
            ? T.openedBreach
            : r.breach === 'close'
              ? T.closedBreach
              : T.recorded,
      );
      form.reset({ value: '', at: now(), note: '' });
    },
    onError: (e) => form.showServerError(e),
  });
  return (
    <form
      noValidate
      aria-label={T.record}
      onSubmit={(e) => {
        e.preventDefault();
        const input = form.validate();
        if (input) save.mutate({ ...input, at: form.values.at || undefined });
      }}
    >
      <Stack gap="xs">
        {form.formError && (
          <Alert color="red" variant="light" role="alert">
            {form.formError}
          </Alert>
        )}
        <Group align="flex-start" gap="sm">
          <TextInput
            {...form.field('value')}
            label={`${T.value}${m.unit ? ` (${m.unit})` : ''}`}
            inputMode="decimal"
            w={140}
          />
          <TextInput {...form.field('at')} label={T.at} type="date" w={170} />
          <TextInput {...form.field('note')} label={T.note} style={{ flex: 1, minWidth: 160 }} />
          <Button type="submit" mt={25} loading={save.isPending}>
            {T.record}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type Issue = { line: number; field: string; message: string };

function ImportCsv({ orgId, m }: { orgId: string; m: Metric }) {
  const qc = useQueryClient();
  const me = useMe();
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<ImportSummary | null>(null);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: ({ f, dryRun }: { f: File; dryRun: boolean }) =>
      upload<ImportSummary>(`${metricPath(orgId, m.id)}/measurements/import?dryRun=${dryRun}`, f, me.data?.csrfToken),
    onSuccess: async (s) => {
      setIssues([]);
      setError(null);
      if (s.dryRun) return setChecked(s);
      setChecked(null);
      setFile(null);
      await refreshMetrics(qc, orgId);
      notifySuccess(`${T.imported(s.count, s.skipped)}${s.breach === 'open' ? `. ${T.openedBreach}` : ''}`);
    },
    onError: (e) => {
      setChecked(null);
      if (isApiError(e, 'IMPORT_REJECTED'))
        setIssues(((e.details as { issues?: Issue[] } | undefined)?.issues ?? []).slice(0, 20));
      setError(e instanceof Error ? e.message : String(e));
    },
  });
  return (
    <Stack gap="xs">
      <Text fz="sm" c="dimmed">
        {T.importHelp}
      </Text>
      <Group align="flex-end" gap="sm">
        <FileInput
          label={T.file}
          accept=".csv,text/csv"
          value={file}
          onChange={(f) => {
            setFile(f);
            setChecked(null);
            setIssues([]);
            setError(null);
          }}
          w={260}
          clearable
        />
        <Button
          variant="default"
          disabled={!file}
          loading={run.isPending && run.variables?.dryRun}
          onClick={() => file && run.mutate({ f: file, dryRun: true })}
        >
          {T.check}
        </Button>
        {checked && file && (
          <Button
            loading={run.isPending && !run.variables?.dryRun}
            onClick={() => run.mutate({ f: file, dryRun: false })}
          >
            {T.apply(checked.count)}
          </Button>
        )}
      </Group>
      {checked && (
        <Alert color="blue" variant="light" role="status">
          {T.checked(checked)}
        </Alert>
      )}
      {error && (
        <Alert color="red" variant="light" role="alert" title={issues.length ? T.rowErrors : undefined}>
          {issues.length ? (
            <List size="sm">
              {issues.map((i) => (
                <List.Item key={`${i.line}-${i.field}`}>
                  {T.line(i.line)}, {i.field}: {i.message}
                </List.Item>
              ))}
            </List>
          ) : (
            error
          )}
        </Alert>
      )}
    </Stack>
  );
}

const describe = (e: AuditEvent): EntryView => {
  const a = e.after as { value?: number; at?: string; count?: number } | null;
  switch (e.action) {
    case 'metric.created':
      return { label: 'Metric added', tone: 'added' };
    case 'metric.measurement_recorded':
      return {
        label: 'Measurement recorded',
        detail: a ? `${a.value} at ${formatDateTime(a.at ?? null)}` : null,
        tone: 'added',
      };
    case 'metric.measurements_imported':
      return { label: 'Measurements imported', detail: a ? `${a.count} from a CSV file` : null, tone: 'added' };
    case 'metric.breach_opened':
      return { label: 'Breach opened, action created', tone: 'removed' };
    case 'metric.breach_closed':
      return { label: 'Breach ended', tone: 'approved' };
    default:
      return { label: 'Metric changed', tone: 'changed' };
  }
};

export function MetricPage() {
  const { orgId, can } = useOrg();
  const { id = '' } = useParams();
  const q = useMetric(orgId, id);
  const measurements = useMeasurements(orgId, id);
  const [editing, setEditing] = useState(false);
  const canHistory = can('audit_event.read');
  const trail = useAuditTrail(orgId, 'metric', id, canHistory);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const m = q.data;
  const items = measurements.data?.items ?? [];
  const facts: [string, string][] = [
    [T.fields.description, m.description || T.none],
    [T.fields.method, m.method || T.none],
    [T.fields.frequency, T.frequency[m.frequency]],
    [T.fields.ownerId, m.owner?.name ?? T.none],
    [T.fields.target, fmt(m.target, m.unit)],
    [
      `${T.fields.lowerThreshold} / ${T.fields.upperThreshold}`,
      `${fmt(m.lowerThreshold, m.unit)} / ${fmt(m.upperThreshold, m.unit)}`,
    ],
    [T.fields.aiSystemId, m.aiSystem?.name ?? T.none],
    [T.fields.controlRef, m.controlRef ?? T.none],
  ];
  return (
    <>
      <PageHeader
        crumbs={[{ label: T.title, to: metricsHref(orgId) }, { label: m.ref }]}
        title={`${m.ref} ${m.name}`}
        badge={<StateBadge state={m.latest?.state ?? null} />}
        actions={
          can('metric.write') && (
            <Button variant="default" onClick={() => setEditing(true)}>
              {T.edit}
            </Button>
          )
        }
      />
      {can('metric.write') && (
        <MetricForm key={m.version} orgId={orgId} metric={m} opened={editing} onClose={() => setEditing(false)} />
      )}
      {m.openBreach && (
        <Alert
          color="red"
          variant="light"
          mb="lg"
          title={T.breachOpen(formatDateTime(m.openBreach.openedAt))}
          data-testid="open-breach"
        >
          {T.breachRow(m.openBreach)}.{' '}
          {m.openBreach.actionId && (
            <Anchor href={`/orgs/${orgId}/tasks`} fz="sm">
              {T.openedBreach}
            </Anchor>
          )}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="metric-chart">
              <Stack gap="sm">
                <Title order={2} fz="md" id="metric-chart">
                  {T.chartTitle}
                </Title>
                {measurements.isError ? (
                  <ErrorAlert error={measurements.error} />
                ) : (
                  <MeasurementChart m={m} items={items} />
                )}
                {can('measurement.write') && <RecordMeasurement orgId={orgId} m={m} />}
              </Stack>
            </Paper>
            {can('measurement.write') && (
              <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="metric-import">
                <Title order={2} fz="md" id="metric-import" mb="xs">
                  {T.importTitle}
                </Title>
                <ImportCsv orgId={orgId} m={m} />
              </Paper>
            )}
            {items.length > 0 && (
              <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="metric-table">
                <Title order={2} fz="md" id="metric-table" mb="xs">
                  {T.measurementsTable}
                </Title>
                <Table.ScrollContainer minWidth={500} mah={360}>
                  <Table aria-labelledby="metric-table">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{T.at}</Table.Th>
                        <Table.Th>{T.value}</Table.Th>
                        <Table.Th>State</Table.Th>
                        <Table.Th>{T.note}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {[...items]
                        .reverse()
                        .slice(0, 200)
                        .map((x) => (
                          <Table.Tr key={x.id}>
                            <Table.Td>{formatDateTime(x.at)}</Table.Td>
                            <Table.Td>{fmt(x.value, m.unit)}</Table.Td>
                            <Table.Td>
                              <StateBadge state={x.state} />
                            </Table.Td>
                            <Table.Td>
                              {x.note || T.none}{' '}
                              <Badge size="xs" variant="outline" color="gray">
                                {T.source[x.source]}
                              </Badge>
                            </Table.Td>
                          </Table.Tr>
                        ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="metric-about">
              <Title order={2} fz="md" id="metric-about" mb="sm">
                {T.about}
              </Title>
              <Stack gap={8}>
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
              </Stack>
            </Paper>
            <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="metric-breaches">
              <Title order={2} fz="md" id="metric-breaches" mb="sm">
                {T.breaches}
              </Title>
              {(measurements.data?.breaches ?? []).length === 0 ? (
                <Text fz="sm" c="dimmed">
                  {T.noBreaches}
                </Text>
              ) : (
                <List size="sm">
                  {measurements.data!.breaches.map((b) => (
                    <List.Item key={b.id}>{T.breachRow(b)}</List.Item>
                  ))}
                </List>
              )}
            </Paper>
            <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="metric-history">
              <Title order={2} fz="md" id="metric-history" mb="sm">
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
