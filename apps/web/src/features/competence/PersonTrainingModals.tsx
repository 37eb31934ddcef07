import { useState } from 'react';
import { Alert, Button, FileInput, Group, Modal, Radio, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  COMPLETION_RESULT_LABELS,
  COMPLETION_RESULTS,
  type CompletionEvidenceKind,
  type CompletionResult,
} from '@fortytwo/domain';
import { api } from '../../api/client';
import { useMe } from '../../api/session';
import { evidenceBase, postForm } from '../evidence/api';
import { notifySuccess } from '../../ui/notify';
import { errorMessage } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import { paths, refreshCompetence, useDevelopmentActions, type Assignment, type PersonDetail } from './api';
import { COMPETENCE_TEXT as T } from './text';

export const todayIso = () => new Date().toISOString().slice(0, 10);

export function AssignModal({ person, onClose }: { person: PersonDetail; onClose: () => void }) {
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

export function CompleteModal({ assignment, onClose }: { assignment: Assignment; onClose: () => void }) {
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
