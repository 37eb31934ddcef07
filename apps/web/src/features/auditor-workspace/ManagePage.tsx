import { useState } from 'react';
import { Button, Modal, MultiSelect, Paper, Select, Stack, Switch, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ZAnswerEvidenceRequest } from '@fortytwo/domain';
import { api } from '../../api/client';
import { formatDate } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { useZodForm } from '../../ui/use-zod-form';
import { ValidatedForm } from '../../ui/ValidatedForm';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useEvidenceList } from '../evidence/api';
import { useMembers } from '../members/api';
import { useOrg } from '../shell/org-context';
import { useAccessLog, useShares, useWorkspace, workspaceKey, workspacePath, type EvidenceRequest } from './api';
import { AUDITOR_WORKSPACE_TEXT as T } from './text';
import { RequestStatus } from './WorkspacePage';

// For owners and managers: what the external auditors see (the evidence shared), their requests
// to assign and answer, and the log of every view and download.

function AnswerModal({ orgId, r, onClose }: { orgId: string; r: EvidenceRequest; onClose: () => void }) {
  const qc = useQueryClient();
  const library = useEvidenceList(orgId);
  const form = useZodForm(ZAnswerEvidenceRequest, { answer: '', evidenceIds: [] as string[] }, (v) => ({
    ...v,
    version: r.version,
  }));
  const save = useMutation({
    mutationFn: (input: unknown) => api.post(`${workspacePath(orgId)}/requests/${r.id}/answer`, input),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: workspaceKey(orgId) });
      notifySuccess(T.answered);
      onClose();
    },
    onError: (e) => form.showServerError(e),
  });
  return (
    <Modal opened onClose={onClose} title={`${T.answer} ${r.ref}`} size="lg">
      <ValidatedForm form={form} save={save} submitLabel={T.answerSend}>
        <Text fz="sm">{r.detail || r.title}</Text>
        <MultiSelect
          {...form.field('evidenceIds')}
          label={T.answerEvidence}
          data={(library.data ?? []).map((e) => ({ value: e.id, label: `${e.reference} ${e.title}` }))}
          searchable
          required
        />
        <Textarea {...form.field('answer')} label={T.answerText} autosize />
      </ValidatedForm>
    </Modal>
  );
}

export function ManagePage() {
  const { orgId } = useOrg();
  const qc = useQueryClient();
  const ws = useWorkspace(orgId);
  const shares = useShares(orgId);
  const log = useAccessLog(orgId);
  const library = useEvidenceList(orgId);
  const members = useMembers(orgId);
  const [answering, setAnswering] = useState<EvidenceRequest | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: workspaceKey(orgId) });
  const toggle = useMutation({
    mutationFn: ({ id, on }: { id: string; on: boolean }) =>
      on ? api.put(`${workspacePath(orgId)}/shares/${id}`, {}) : api.delete(`${workspacePath(orgId)}/shares/${id}`),
    onSuccess: refresh,
    onError: (e) => notifyError(e),
  });
  const assign = useMutation({
    mutationFn: ({ r, assigneeId }: { r: EvidenceRequest; assigneeId: string | null }) =>
      api.patch(`${workspacePath(orgId)}/requests/${r.id}`, { version: r.version, assigneeId }),
    onSuccess: refresh,
    onError: (e) => notifyError(e),
  });
  if (ws.isPending || shares.isPending || library.isPending) return <Loading />;
  if (ws.isError) return <ErrorAlert error={ws.error} />;
  const shared = new Set((shares.data ?? []).map((s) => s.evidenceId));
  const people = (members.data ?? [])
    .filter((m) => !m.expired && m.role !== 'external_auditor' && m.role !== 'viewer')
    .map((m) => ({ value: m.user.id, label: m.user.name }));
  return (
    <>
      <PageHeader
        title={T.manageTitle}
        description={T.manageDescription}
        actions={
          <Button component={Link} to={`/orgs/${orgId}/auditor-workspace`} variant="default">
            {T.preview}
          </Button>
        }
      />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="mg-requests">
          <Title order={2} fz="lg" id="mg-requests" mb="sm">
            {T.requests}
          </Title>
          {ws.data.requests.length === 0 ? (
            <Text c="dimmed">{T.noRequests}</Text>
          ) : (
            <Table>
              <Table.Tbody>
                {ws.data.requests.map((r) => (
                  <Table.Tr key={r.id} aria-label={`${r.ref} ${r.title}`}>
                    <Table.Td>
                      <RequestStatus r={r} />
                    </Table.Td>
                    <Table.Td>
                      <Text fw={600}>
                        {r.ref} {r.title}
                      </Text>
                      <Text fz="sm" c="dimmed">
                        {r.requestedByName} · {formatDate(r.createdAt)}
                        {r.subjectRef ? ` · ${r.subjectRef}` : ''}
                        {r.dueOn ? ` · due ${formatDate(r.dueOn)}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={`${T.assign} ${r.ref}`}
                        placeholder={T.unassigned}
                        data={people}
                        value={r.assignee?.id ?? null}
                        disabled={r.status !== 'open'}
                        onChange={(v) => assign.mutate({ r, assigneeId: v })}
                        clearable
                      />
                    </Table.Td>
                    <Table.Td>
                      {r.status === 'open' ? (
                        <Button size="xs" onClick={() => setAnswering(r)}>
                          {T.answer}
                        </Button>
                      ) : (
                        <Text fz="sm">{r.evidence.map((e) => e.reference).join(', ')}</Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="mg-library">
          <Title order={2} fz="lg" id="mg-library" mb="sm">
            {T.library}
          </Title>
          <Table>
            <Table.Tbody>
              {(library.data ?? []).map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    {e.reference} {e.title}
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      label={T.share}
                      aria-label={`${T.share}: ${e.reference} ${e.title}`}
                      checked={shared.has(e.id)}
                      onChange={(ev) => toggle.mutate({ id: e.id, on: ev.currentTarget.checked })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="mg-log">
          <Title order={2} fz="lg" id="mg-log" mb="sm">
            {T.accessLog}
          </Title>
          {log.isError ? (
            <ErrorAlert error={log.error} />
          ) : (log.data ?? []).length === 0 ? (
            <Text c="dimmed">{T.noAccess}</Text>
          ) : (
            <Table aria-label={T.accessLog}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Auditor</Table.Th>
                  <Table.Th>What</Table.Th>
                  <Table.Th>Record</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(log.data ?? []).map((l, i) => (
                  <Table.Tr key={`${l.at}-${i}`}>
                    <Table.Td>{new Date(l.at).toLocaleString()}</Table.Td>
                    <Table.Td>{l.auditor}</Table.Td>
                    <Table.Td>{T.kind[l.kind]}</Table.Td>
                    <Table.Td>{l.label}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      </Stack>
      {answering && <AnswerModal orgId={orgId} r={answering} onClose={() => setAnswering(null)} />}
    </>
  );
}
