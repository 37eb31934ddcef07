import { Alert, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { RELEASE_FLAG_LABELS, VV_AREA_LABELS, VV_DECISION_LABELS } from '@fortytwo/domain';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useReleases } from './api';
import { RecordDeployment } from './RecordDeployment';
import { RecordRelease } from './RecordRelease';
import { RecordVerification } from './RecordVerification';
import { LIFECYCLE_TEXT as T } from './text';

export function Releases({ orgId, aiSystemId, canWrite }: { orgId: string; aiSystemId: string; canWrite: boolean }) {
  const releases = useReleases(orgId, aiSystemId);
  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={3} fz="lg">
          {T.releases}
        </Title>
        {canWrite && <RecordRelease orgId={orgId} aiSystemId={aiSystemId} />}
      </Group>
      {releases.isPending ? (
        <Loading />
      ) : releases.isError ? (
        <ErrorAlert error={releases.error} />
      ) : releases.data.items.length === 0 ? (
        <Text c="dimmed" fz="sm">
          {T.noReleases}
        </Text>
      ) : (
        <Stack gap="md">
          {releases.data.items.map((r) => (
            <Paper
              key={r.id}
              withBorder
              radius="sm"
              p="md"
              aria-label={`Release ${r.releaseVersion}`}
              component="section"
            >
              <Group justify="space-between" align="flex-start">
                <div>
                  <Text fw={700}>
                    {r.releaseVersion}{' '}
                    <Text span fz="sm" c="dimmed" fw={400}>
                      {r.releasedOn}
                      {r.source === 'api' ? ` · ${T.fromCi}` : ''}
                      {r.approvedBy ? ` · ${T.approvedBy} ${r.approvedBy.name}` : ''}
                    </Text>
                  </Text>
                  {r.whatChanged && <Text fz="sm">{r.whatChanged}</Text>}
                  <Text fz="xs" c="dimmed">
                    {T.modelVersion}: {r.modelVersion || '—'} · {T.dataVersion}: {r.dataVersion || '—'}
                  </Text>
                </div>
                <Group gap={4}>
                  {canWrite && <RecordVerification key={r.version} orgId={orgId} r={r} />}
                  {canWrite && !r.deployment && <RecordDeployment orgId={orgId} r={r} />}
                </Group>
              </Group>
              {r.flags.map((f) => (
                <Alert key={f} color={f === 'verification_gaps' ? 'yellow' : 'red'} variant="light" mt="xs" p="xs">
                  {RELEASE_FLAG_LABELS[f]}
                </Alert>
              ))}
              <Text fz="sm" mt="xs">
                {r.deployment ? T.deployed(r.deployment.environment, r.deployment.deployedOn) : T.notDeployed}
              </Text>
              {r.verification ? (
                <>
                  <Table mt="xs" fz="sm">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{T.vv}</Table.Th>
                        <Table.Th>{T.criterion}</Table.Th>
                        <Table.Th>{T.result}</Table.Th>
                        <Table.Th>{T.passed}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {r.verification.tests.map((t, i) => (
                        <Table.Tr key={i}>
                          <Table.Td>{VV_AREA_LABELS[t.area]}</Table.Td>
                          <Table.Td>{t.criterion}</Table.Td>
                          <Table.Td>{t.result}</Table.Td>
                          <Table.Td>
                            <Badge color={t.passed ? 'teal' : 'red'} variant="light" tt="none">
                              {t.passed ? 'Passed' : 'Failed'}
                            </Badge>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                  <Text fz="sm" mt={4}>
                    {T.decision}: {VV_DECISION_LABELS[r.verification.decision]} — {r.verification.decidedBy.name},{' '}
                    {r.verification.decidedOn}
                    {r.verification.decisionNote ? ` (${r.verification.decisionNote})` : ''}
                  </Text>
                  {r.verification.problems.map((p) => (
                    <Text key={p} fz="xs" c="red.9">
                      {p}
                    </Text>
                  ))}
                </>
              ) : (
                <Text fz="sm" c="dimmed">
                  {T.noVv}
                </Text>
              )}
            </Paper>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
