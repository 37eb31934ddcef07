import { Badge, Group, Paper, Table, Text, Title } from '@mantine/core';
import { CHANGE_KIND_LABELS, REASSESSMENT_KIND_LABELS, type RiskTier } from '@fortytwo/domain';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useChanges, type Change } from './api';
import { OverrideSignificance } from './OverrideSignificance';
import { RecordChange } from './RecordChange';
import { LIFECYCLE_TEXT as T } from './text';

function SignificanceBadge({ c }: { c: Change }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={c.significant ? 'orange' : 'gray'} variant="light" tt="none">
        {c.significant ? T.significant : T.notSignificant}
      </Badge>
      <Text fz="xs" c="dimmed">
        {c.override ? T.overridden : T.byRule}
      </Text>
    </Group>
  );
}

export function Changes({
  orgId,
  aiSystemId,
  riskTier,
  canWrite,
}: {
  orgId: string;
  aiSystemId: string;
  riskTier: RiskTier;
  canWrite: boolean;
}) {
  const changes = useChanges(orgId, aiSystemId);
  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={3} fz="lg">
          {T.changes}
        </Title>
        {canWrite && <RecordChange orgId={orgId} aiSystemId={aiSystemId} riskTier={riskTier} />}
      </Group>
      {changes.isPending ? (
        <Loading />
      ) : changes.isError ? (
        <ErrorAlert error={changes.error} />
      ) : changes.data.items.length === 0 ? (
        <Text c="dimmed" fz="sm">
          {T.noChanges}
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{T.occurredOn}</Table.Th>
              <Table.Th>{T.kind}</Table.Th>
              <Table.Th>{T.title}</Table.Th>
              <Table.Th>{T.significant}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.data.items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.occurredOn}</Table.Td>
                <Table.Td>{CHANGE_KIND_LABELS[c.kind]}</Table.Td>
                <Table.Td>
                  <Text fz="sm">{c.title}</Text>
                  <Text fz="xs" c="dimmed">
                    {c.override ? `${c.override.byName}: ${c.override.reason}` : c.rule.because}
                  </Text>
                  {c.reassessments.map((r) => (
                    <Text
                      key={r.id}
                      fz="xs"
                      fw={r.status === 'due' ? 700 : 400}
                      c={r.status === 'due' ? undefined : 'dimmed'}
                    >
                      {REASSESSMENT_KIND_LABELS[r.kind]}: {r.status}
                      {r.satisfiedBy ? ` (${r.satisfiedBy})` : ''}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>
                  <SignificanceBadge c={c} />
                </Table.Td>
                <Table.Td>{canWrite && <OverrideSignificance orgId={orgId} c={c} />}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
