import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Grid, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import type { AuditEvent } from '../../api/types';
import { personOf } from '../../api/people';
import { formatDateTime } from '../../ui/format';
import { HistoryTimeline, useAuditTrail, type EntryView } from '../../ui/History';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import { metricsHref, useMeasurements, useMetric } from './api';
import { MetricForm } from './MetricForm';
import { StateBadge } from './StateBadge';
import { METRICS_TEXT as T } from './text';
import { MeasurementChart } from './MeasurementChart';
import { ImportCsv, RecordMeasurement } from './MeasurementForms';

const fmt = (n: number | null, unit = '') => (n === null ? T.none : `${n}${unit ? ` ${unit}` : ''}`);

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
    [T.fields.ownerId, personOf(m.people, m.ownerId)?.name ?? T.none],
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
