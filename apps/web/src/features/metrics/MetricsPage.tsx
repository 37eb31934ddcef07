import { useState } from 'react';
import { Anchor, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { DownloadMenu } from '../../ui/DownloadMenu';
import { formatDate, formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import { metricDownloads, metricHref, useMetrics } from './api';
import { personOf } from '../../api/people';
import { MetricForm } from './MetricForm';
import { StateBadge } from './StateBadge';
import { METRICS_TEXT as T } from './text';

/** The metrics register (9.1): what is watched, its latest value and state, when it is next due. */
export function MetricsPage() {
  const { orgId, can } = useOrg();
  const list = useMetrics(orgId);
  const [adding, setAdding] = useState(false);
  const canWrite = can('metric.write');
  const today = new Date().toISOString().slice(0, 10);
  const add = canWrite && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
      {T.add}
    </Button>
  );
  return (
    <>
      <PageHeader
        title={T.title}
        description={T.description}
        actions={
          <>
            <DownloadMenu label={T.export} items={metricDownloads(orgId)} />
            {add}
          </>
        }
      />
      {canWrite && <MetricForm orgId={orgId} opened={adding} onClose={() => setAdding(false)} />}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <Stack gap="sm" align="flex-start" maw={640}>
            <Title order={2} fz="lg">
              {T.emptyTitle}
            </Title>
            <Text c="dimmed">{T.emptyBody}</Text>
            {add}
          </Stack>
        </Paper>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover aria-label={T.title}>
            <Table.Thead>
              <Table.Tr>
                {Object.values(T.columns).map((c) => (
                  <Table.Th key={c}>{c}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{m.ref}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={metricHref(orgId, m.id)}>
                      {m.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{[m.aiSystem?.name, m.controlRef].filter(Boolean).join(' · ') || T.none}</Table.Td>
                  <Table.Td>{T.frequency[m.frequency]}</Table.Td>
                  <Table.Td>
                    {m.latest
                      ? `${m.latest.value}${m.unit ? ` ${m.unit}` : ''} (${formatDateTime(m.latest.at)})`
                      : T.none}
                  </Table.Td>
                  <Table.Td>
                    <StateBadge state={m.latest?.state ?? null} />
                  </Table.Td>
                  <Table.Td c={m.nextDueOn < today ? 'red' : undefined}>{formatDate(m.nextDueOn)}</Table.Td>
                  <Table.Td>{personOf(list.data.people, m.ownerId)?.name ?? T.none}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
