import { Anchor, Alert, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { registerDownloads, DownloadMenu } from '../../ui/DownloadMenu';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import { hrefs, paths, useMatrix } from './api';
import { AwarenessBadge, StateBadge } from './StateBadge';
import { COMPETENCE_TEXT as T } from './text';

/** The competence matrix (7.2) with awareness of the AI policy (7.3): one row per active person. */
export function MatrixPage() {
  const { orgId } = useOrg();
  const matrix = useMatrix(orgId);
  const m = matrix.data;
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Do' }, { label: T.crumbStep }]}
        title={T.matrixTitle}
        description={T.matrixDescription}
        actions={<DownloadMenu label={T.exportLabel} items={registerDownloads(`${paths.matrix(orgId)}/export`)} />}
      />
      {matrix.isPending ? (
        <Loading />
      ) : matrix.isError ? (
        <ErrorAlert error={matrix.error} onRetry={() => void matrix.refetch()} />
      ) : !m!.competences.length ? (
        <Alert color="blue" title={T.competencesTitle}>
          <Stack gap={6}>
            <Text fz="sm">{T.noCompetences}</Text>
            <Anchor component={Link} to={hrefs.competences(orgId)} fz="sm">
              {T.addCompetence}
            </Anchor>
          </Stack>
        </Alert>
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={320 + m!.competences.length * 150}>
            <Table verticalSpacing="sm" stickyHeader data-testid="competence-matrix">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={200}>{T.person}</Table.Th>
                  {m!.competences.map((c) => (
                    <Table.Th key={c.id} w={150}>
                      {c.name}
                    </Table.Th>
                  ))}
                  <Table.Th w={110}>{T.summary}</Table.Th>
                  <Table.Th w={200}>
                    <Text fz="sm" fw={700} title={T.awarenessHelp}>
                      {T.awareness}
                    </Text>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {m!.rows.map((r) => (
                  <Table.Tr key={r.person.id} data-person={r.person.name}>
                    <Table.Td>
                      <Anchor component={Link} to={hrefs.person(orgId, r.person.id)} fz="sm" fw={600}>
                        {r.person.name}
                      </Anchor>
                      <Text fz="xs" c="dimmed">
                        {r.person.member ? T.member : T.noAccount} · {r.person.kind}
                      </Text>
                    </Table.Td>
                    {r.cells.map((c) => (
                      <Table.Td
                        key={c.competenceId}
                        data-competence={m!.competences.find((x) => x.id === c.competenceId)?.name}
                      >
                        <StateBadge cell={c} competence={m!.competences.find((x) => x.id === c.competenceId)?.name} />
                      </Table.Td>
                    ))}
                    <Table.Td>
                      <Text fz="sm">{T.summaryText(r.summary)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <AwarenessBadge awareness={r.awareness} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {m && (
        <Group mt="sm">
          <Text fz="xs" c="dimmed">
            {m.policy ? `AI policy in force: ${m.policy.title}, version ${m.policy.versionLabel}. ` : ''}As of {m.today}
            .
          </Text>
        </Group>
      )}
    </>
  );
}
