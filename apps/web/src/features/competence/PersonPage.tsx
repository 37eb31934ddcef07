import { useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  Modal,
  MultiSelect,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import {
  COMPLETION_RESULT_LABELS,
  COMPLETION_RESULTS,
  PERSON_KIND_LABELS,
  type CompletionEvidenceKind,
  type CompletionResult,
} from '@fortytwo/domain';
import { useParams } from 'react-router';
import { api } from '../../api/client';
import { useMe } from '../../api/session';
import { evidenceBase, evidenceFileHref, postForm } from '../evidence/api';
import { formatDate } from '../../ui/format';
import { HistoryTimeline, useAuditTrail } from '../../ui/History';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, errorMessage, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import {
  hrefs,
  paths,
  refreshCompetence,
  useDevelopmentActions,
  usePerson,
  type Assignment,
  type PersonDetail,
} from './api';
import { AI_ROLE_OPTIONS } from './CompetencesPage';
import { PersonStatus } from './PeoplePage';
import { AwarenessBadge, StateBadge } from './StateBadge';
import { AWARENESS_LABELS, COMPETENCE_TEXT as T } from './text';
import { AssignmentStatusBadge, completionText } from './TrainingsPage';

const todayIso = () => new Date().toISOString().slice(0, 10);

function AssignModal({ person, onClose }: { person: PersonDetail; onClose: () => void }) {
  const { orgId } = useOrg();
  const qc = useQueryClient();
  const actions = useDevelopmentActions(orgId);
  const [actionId, setActionId] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState('');
  const save = useMutation({
    mutationFn: () => api.post(paths.assignments(orgId), { personId: person.id, actionId, dueOn: dueOn || null }),
    onSuccess: async () => {
      await refreshCompetence(qc, orgId);
      notifySuccess(T.assigned);
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={`${T.assign}: ${person.name}`} centered>
      <form
        aria-label={T.assign}
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="md">
          {save.isError && <Alert color="red">{errorMessage(save.error)}</Alert>}
          <Select
            label={T.developmentAction}
            required
            data={(actions.data ?? []).map((a) => ({
              value: a.id,
              label: `${a.title}${a.competences.length ? ` (${a.competences.map((c) => c.name).join(', ')})` : ''}`,
            }))}
            value={actionId}
            onChange={setActionId}
            searchable
            comboboxProps={{ withinPortal: true }}
            data-autofocus
          />
          <TextInput
            type="date"
            label={T.dueOn}
            value={dueOn}
            onChange={(e) => setDueOn(e.currentTarget.value)}
            w={220}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {T.cancel}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {T.assign}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function CompleteModal({ assignment, onClose }: { assignment: Assignment; onClose: () => void }) {
  const { orgId } = useOrg();
  const qc = useQueryClient();
  const [completedOn, setCompletedOn] = useState(todayIso());
  const [result, setResult] = useState<CompletionResult>('passed');
  const [evidenceKind, setEvidenceKind] = useState<CompletionEvidenceKind>('certificate');
  const [attestation, setAttestation] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const me = useMe();
  const save = useMutation({
    // The certificate goes into the one evidence library first; the completion then attaches it in its own transaction.
    mutationFn: async () => {
      const evidenceId =
        evidenceKind === 'certificate' && file
          ? (
              await postForm<{ id: string }>(
                `${evidenceBase(orgId)}/files`,
                file,
                {
                  title: `Certificate: ${assignment.action.title}, ${assignment.person.name}`,
                  effectiveOn: completedOn,
                  expiresOn: expiresOn || null,
                },
                me.data?.csrfToken,
              )
            ).id
          : null;
      return api.post(`${paths.assignments(orgId)}/${assignment.id}/completions`, {
        version: assignment.version,
        completedOn,
        result,
        evidenceKind,
        attestation,
        expiresOn: expiresOn || null,
        evidenceId,
      });
    },
    onSuccess: async () => {
      await refreshCompetence(qc, orgId);
      notifySuccess(T.completed);
      onClose();
    },
  });
  const heading = `${T.complete}: ${assignment.action.title}`;
  return (
    <Modal opened onClose={onClose} title={heading} size="lg" centered>
      <form
        aria-label={T.complete}
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="md">
          {save.isError && <Alert color="red">{errorMessage(save.error)}</Alert>}
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={T.completedOn}
              required
              value={completedOn}
              onChange={(e) => setCompletedOn(e.currentTarget.value)}
            />
            <Select
              label={T.result}
              required
              data={COMPLETION_RESULTS.map((r) => ({ value: r, label: COMPLETION_RESULT_LABELS[r] }))}
              value={result}
              onChange={(v) => v && setResult(v)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          </Group>
          <Radio.Group label={T.evidence} value={evidenceKind} onChange={(v) => setEvidenceKind(v)}>
            <Group gap="lg" mt={8}>
              <Radio value="certificate" label={T.certificate} />
              <Radio value="attestation" label={T.attestation} />
            </Group>
          </Radio.Group>
          {evidenceKind === 'certificate' && (
            <FileInput
              label={T.certificateFile}
              description={T.certificateHelp}
              required
              value={file}
              onChange={setFile}
              clearable
              accept=".pdf,.png,.jpg,.jpeg,.txt,.docx"
            />
          )}
          {evidenceKind === 'attestation' && (
            <Textarea
              label={T.attestationText}
              description={T.attestationHelp}
              required
              value={attestation}
              onChange={(e) => setAttestation(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={2000}
            />
          )}
          <TextInput
            type="date"
            label={T.expiresOn}
            description={T.expiresOnHelp}
            value={expiresOn}
            onChange={(e) => setExpiresOn(e.currentTarget.value)}
            w={300}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {T.cancel}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {T.complete}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function AiRolesEditor({ person }: { person: PersonDetail }) {
  const { orgId, can } = useOrg();
  const qc = useQueryClient();
  const [roles, setRoles] = useState(person.aiRoles);
  const save = useMutation({
    mutationFn: () => api.patch(`${paths.people(orgId)}/${person.id}`, { version: person.version, aiRoles: roles }),
    onSuccess: async () => {
      await refreshCompetence(qc, orgId);
      notifySuccess(T.created);
    },
    onError: (e) => notifyError(e),
  });
  const changed = roles.join() !== person.aiRoles.join();
  return (
    <Group align="flex-end" gap="sm">
      <MultiSelect
        label={T.aiRoles}
        description={T.personAiRolesHelp}
        data={AI_ROLE_OPTIONS}
        value={roles}
        onChange={setRoles}
        searchable
        clearable
        disabled={!can('competence.write')}
        w={420}
        maw="100%"
        comboboxProps={{ withinPortal: true }}
      />
      {changed && (
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          {T.save}
        </Button>
      )}
    </Group>
  );
}

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
