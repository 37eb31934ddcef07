import { useState } from 'react';
import { Alert, Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  CERT_AUDIT_KIND_LABELS,
  CERT_AUDIT_KINDS,
  CERT_AUDIT_STATUS_LABELS,
  CERT_AUDIT_STATUSES,
  CERT_FINDING_GRADE_LABELS,
  CERT_FINDING_GRADES,
  type CertAuditKind,
  type CertAuditStatus,
  type CertFindingGrade,
} from '@fortytwo/domain';
import { api } from '../../api/client';
import { notifySuccess } from '../../ui/notify';
import { errorMessage } from '../../ui/QueryState';
import { useMembers } from '../members/api';
import { cyclePaths, refreshCycle } from './cycle-api';
import { CYCLE_TEXT as T } from './cycle-text';

// The three forms of the certification cycle page: a CB audit, a finding of one, the certificate.

function useSave(orgId: string, engagementId: string, send: () => Promise<unknown>, done: string, after?: () => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await refreshCycle(qc, orgId, engagementId);
      notifySuccess(done);
      after?.();
    },
  });
}

const Failure = ({ error }: { error: unknown }) =>
  error ? (
    <Alert color="red" variant="light" role="alert">
      {errorMessage(error)}
    </Alert>
  ) : null;

export function AuditForm({
  orgId,
  engagementId,
  onDone,
}: {
  orgId: string;
  engagementId: string;
  onDone: () => void;
}) {
  const [v, setV] = useState({
    kind: 'stage1' as CertAuditKind,
    status: 'done' as CertAuditStatus,
    startDate: '',
    endDate: '',
    conclusion: '',
  });
  const save = useSave(
    orgId,
    engagementId,
    () =>
      api.post(cyclePaths(orgId, engagementId).audits, {
        ...v,
        startDate: v.startDate || null,
        endDate: v.endDate || null,
      }),
    T.auditSaved,
    onDone,
  );
  return (
    <form
      noValidate
      aria-label={T.recordAudit}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        <Failure error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={T.fields.kind}
            data={CERT_AUDIT_KINDS.map((k) => ({ value: k, label: CERT_AUDIT_KIND_LABELS[k] }))}
            value={v.kind}
            onChange={(k) => k && setV((x) => ({ ...x, kind: k }))}
            allowDeselect={false}
          />
          <Select
            label={T.fields.status}
            data={CERT_AUDIT_STATUSES.map((s) => ({ value: s, label: CERT_AUDIT_STATUS_LABELS[s] }))}
            value={v.status}
            onChange={(s) => s && setV((x) => ({ ...x, status: s }))}
            allowDeselect={false}
          />
          <TextInput
            type="date"
            label={T.fields.startDate}
            value={v.startDate}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setV((x) => ({ ...x, startDate: value }));
            }}
          />
          <TextInput
            type="date"
            label={T.fields.endDate}
            value={v.endDate}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setV((x) => ({ ...x, endDate: value }));
            }}
          />
        </SimpleGrid>
        <Textarea
          label={T.fields.conclusion}
          autosize
          minRows={2}
          value={v.conclusion}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setV((x) => ({ ...x, conclusion: value }));
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {T.cancel}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {T.recordAudit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function FindingForm({
  orgId,
  engagementId,
  auditId,
  onDone,
}: {
  orgId: string;
  engagementId: string;
  auditId: string;
  onDone: () => void;
}) {
  const members = useMembers(orgId);
  const [v, setV] = useState({
    grade: 'minor' as CertFindingGrade,
    clauseRef: '',
    title: '',
    evidence: '',
    ownerId: '',
    cbDeadline: '',
  });
  // The event's target is read now: React clears it before a state updater would run.
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setV((x) => ({ ...x, [k]: value }));
  };
  const save = useSave(
    orgId,
    engagementId,
    () =>
      api.post(cyclePaths(orgId, engagementId).findings(auditId), {
        ...v,
        ownerId: v.ownerId || null,
        cbDeadline: v.cbDeadline || null,
      }),
    T.findingSaved,
    onDone,
  );
  return (
    <form
      noValidate
      aria-label={T.addFinding}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        <Failure error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={T.fields.grade}
            data={CERT_FINDING_GRADES.map((g) => ({ value: g, label: CERT_FINDING_GRADE_LABELS[g] }))}
            value={v.grade}
            onChange={(g) => g && setV((x) => ({ ...x, grade: g }))}
            allowDeselect={false}
          />
          <TextInput label={T.fields.clauseRef} required value={v.clauseRef} onChange={set('clauseRef')} />
        </SimpleGrid>
        <TextInput label={T.fields.title} required value={v.title} onChange={set('title')} />
        <Textarea label={T.fields.evidence} autosize value={v.evidence} onChange={set('evidence')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={T.fields.owner}
            clearable
            data={(members.data ?? []).map((m) => ({ value: m.user.id, label: m.user.name }))}
            value={v.ownerId || null}
            onChange={(id) => setV((x) => ({ ...x, ownerId: id ?? '' }))}
          />
          <TextInput
            type="date"
            label={T.fields.cbDeadline}
            description={T.deadlineHint}
            value={v.cbDeadline}
            onChange={set('cbDeadline')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {T.cancel}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {T.addFinding}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CertificateForm({ orgId, engagementId }: { orgId: string; engagementId: string }) {
  const today = new Date().toISOString().slice(0, 10);
  const [v, setV] = useState({ certificateNumber: '', decisionDate: today, issueDate: today });
  // The event's target is read now: React clears it before a state updater would run.
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setV((x) => ({ ...x, [k]: value }));
  };
  const save = useSave(
    orgId,
    engagementId,
    () => api.post(cyclePaths(orgId, engagementId).certificate, v),
    T.certified,
  );
  return (
    <form
      noValidate
      aria-label={T.recordCertificate}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        <Failure error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={T.fields.certificateNumber}
            required
            value={v.certificateNumber}
            onChange={set('certificateNumber')}
          />
          <TextInput type="date" label={T.fields.decisionDate} value={v.decisionDate} onChange={set('decisionDate')} />
          <TextInput type="date" label={T.fields.issueDate} value={v.issueDate} onChange={set('issueDate')} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {T.recordCertificate}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
