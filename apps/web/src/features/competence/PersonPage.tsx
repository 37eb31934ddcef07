import { useState } from 'react';
import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import { PERSON_KIND_LABELS } from '@fortytwo/domain';
import { useParams } from 'react-router';
import { api } from '../../api/client';
import { evidenceFileHref } from '../evidence/api';
import { formatDate } from '../../ui/format';
import { HistoryTimeline, useAuditTrail } from '../../ui/History';
import { notifyError } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import { hrefs, paths, refreshCompetence, usePerson, type Assignment } from './api';
import { PersonStatus } from './PeoplePage';
import { AwarenessBadge, StateBadge } from './StateBadge';
import { AWARENESS_LABELS, COMPETENCE_TEXT as T } from './text';
import { AssignmentStatusBadge, completionText } from './TrainingsPage';
import { AssignModal, CompleteModal } from './PersonTrainingModals';
import { AiRolesEditor } from './PersonAiRoles';

/** One person: AI roles and responsibilities, their row of the matrix, awareness, training records, history. */
export function PersonPage() {
  const { id = '' } = useParams();
  const { orgId, can } = useOrg();
  const qc = useQueryClient();
  const person = usePerson(orgId, id);
  const history = useAuditTrail(orgId, 'person', id, can('audit_event.read'));
  const [assigning, setAssigning] = useState(false);
  const [completing, setCompleting] = useState<Assignment | null>(null);
  const canWrite = can('competence.write');
  const p = person.data;
  const toggleActive = async () => {
    try {
      await api.patch(`${paths.people(orgId)}/${id}`, { version: p!.version, active: !p!.active });
      await refreshCompetence(qc, orgId);
    } catch (e) {
      notifyError(e);
    }
  };
  if (person.isPending) return <Loading />;
  if (person.isError) return <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />;
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Do' }, { label: T.peopleTitle, to: hrefs.people(orgId) }]}
        title={p!.name}
        description={[p!.email, p!.organization, PERSON_KIND_LABELS[p!.kind]].filter(Boolean).join(' · ')}
        badge={<PersonStatus p={p!} />}
        actions={
          canWrite && (
            <Group gap="sm">
              <Button variant="default" onClick={() => void toggleActive()}>
                {p!.active ? T.markInactive : T.markActive}
              </Button>
              {p!.active && (
                <Button leftSection={<IconPlus size={16} />} onClick={() => setAssigning(true)}>
                  {T.assign}
                </Button>
              )}
            </Group>
          )
        }
      />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Paper withBorder radius="md" p="md">
            <Stack gap="sm">
              <AiRolesEditor key={p!.version} person={p!} />
              <div>
                <Text fz="sm" fw={500}>
                  {T.responsibilities}
                </Text>
                <Text fz="sm" c={p!.raciResponsibilities.length ? undefined : 'dimmed'}>
                  {p!.raciResponsibilities
                    .map((r) => `${r.name} (${r.letter === 'A' ? 'Accountable' : 'Responsible'})`)
                    .join(', ') || '—'}
                </Text>
              </div>
            </Stack>
          </Paper>
          <Paper withBorder radius="md" p="md">
            <Text fz="sm" fw={500}>
              {T.awareness}
            </Text>
            <Group mt={6}>
              <AwarenessBadge awareness={p!.awareness} />
            </Group>
            <Text fz="xs" c="dimmed" mt={6}>
              {p!.awareness.state === 'no_account' ? `${AWARENESS_LABELS.no_account}. ` : ''}
              {T.awarenessHelp}
            </Text>
          </Paper>
        </SimpleGrid>

        <div>
          <Title order={2} fz="h4" mb="sm">
            {T.competenceRow}
          </Title>
          <Paper withBorder radius="md">
            <Table verticalSpacing="xs" data-testid="person-competences">
              <Table.Tbody>
                {p!.matrix.map((c) => (
                  <Table.Tr key={c.competenceId} data-competence={c.competence}>
                    <Table.Td fz="sm" fw={500}>
                      {c.competence}
                      <Text fz="xs" c="dimmed">
                        {T.because(c.because)}
                      </Text>
                    </Table.Td>
                    <Table.Td w={260}>
                      <StateBadge cell={c} competence={c.competence} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </div>

        <div>
          <Title order={2} fz="h4" mb="sm">
            {T.records}
          </Title>
          {!p!.assignments.length ? (
            <Text c="dimmed">{T.noRecords}</Text>
          ) : (
            <Paper withBorder radius="md">
              <Table.ScrollContainer minWidth={720}>
                <Table verticalSpacing="sm" data-testid="person-records">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{T.developmentAction}</Table.Th>
                      <Table.Th w={120}>{T.dueOn}</Table.Th>
                      <Table.Th w={140}>{T.status}</Table.Th>
                      <Table.Th>Completion</Table.Th>
                      {canWrite && <Table.Th w={170} />}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {p!.assignments.map((a) => (
                      <Table.Tr key={a.id} data-action={a.action.title}>
                        <Table.Td fz="sm">
                          {a.action.title}
                          <Text fz="xs" c="dimmed">
                            {T.assignedBy} {a.assignedBy.name}, {formatDate(a.assignedAt)}
                          </Text>
                        </Table.Td>
                        <Table.Td fz="sm">{a.dueOn ? formatDate(`${a.dueOn}T12:00:00`) : '—'}</Table.Td>
                        <Table.Td>
                          <AssignmentStatusBadge a={a} />
                        </Table.Td>
                        <Table.Td fz="sm">
                          {completionText(a)}
                          {a.completions[0]?.evidence.map((e) => (
                            <Anchor key={e.id} href={evidenceFileHref(orgId, e.id)} fz="xs" display="block">
                              {e.reference} {e.fileName ?? e.title}
                            </Anchor>
                          ))}
                        </Table.Td>
                        {canWrite && (
                          <Table.Td>
                            {a.status === 'open' && (
                              <Button size="xs" variant="light" onClick={() => setCompleting(a)}>
                                {T.complete}
                              </Button>
                            )}
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          )}
        </div>

        {can('audit_event.read') && (
          <div>
            <Title order={2} fz="h4" mb="sm">
              {T.history}
            </Title>
            <HistoryTimeline
              trail={history}
              describe={(e) => ({
                label: e.action.endsWith('created') ? 'Recorded' : e.action.endsWith('deleted') ? 'Deleted' : 'Changed',
              })}
            />
          </div>
        )}
      </Stack>
      {assigning && <AssignModal person={p!} onClose={() => setAssigning(false)} />}
      {completing && <CompleteModal assignment={completing} onClose={() => setCompleting(null)} />}
    </>
  );
}
