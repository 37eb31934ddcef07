import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  CERT_AUDIT_KIND_LABELS,
  CERT_AUDIT_KINDS,
  CERT_AUDIT_STATUS_LABELS,
  CERT_AUDIT_STATUSES,
  CERT_FINDING_GRADE_LABELS,
  CERT_FINDING_GRADES,
  ZCertAuditFields,
  ZCertFindingFields,
  ZCertificateFields,
} from '@fortytwo/domain';
import { api } from '../../api/client';
import { notifySuccess } from '../../ui/notify';
import { useZodForm, type ZodForm } from '../../ui/use-zod-form';
import { ValidatedForm } from '../../ui/ValidatedForm';
import { useMembers } from '../members/api';
import { cyclePaths, refreshCycle } from './cycle-api';
import { CYCLE_TEXT as T } from './cycle-text';

// The three forms of the certification cycle page: a CB audit, a finding of one, the certificate.

/** Saves a form's parsed input; a refusal lands on the form's fields (or on top of it). */
function useSave<V extends Record<string, unknown>>(
  orgId: string,
  engagementId: string,
  form: ZodForm<V>,
  send: (input: unknown) => Promise<unknown>,
  done: string,
  after?: () => void,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await refreshCycle(qc, orgId, engagementId);
      notifySuccess(done);
      after?.();
    },
    onError: (e) => form.showServerError(e),
  });
}

// An empty date field is no date.
const auditInput = (v: { startDate: string; endDate: string }) => ({
  ...v,
  startDate: v.startDate || null,
  endDate: v.endDate || null,
});
const findingInput = (v: { ownerId: string | null; cbDeadline: string }) => ({
  ...v,
  cbDeadline: v.cbDeadline || null,
});

export function AuditForm({
  orgId,
  engagementId,
  onDone,
}: {
  orgId: string;
  engagementId: string;
  onDone: () => void;
}) {
  const form = useZodForm(
    ZCertAuditFields,
    {
      kind: 'stage1',
      status: 'done',
      startDate: '',
      endDate: '',
      conclusion: '',
    },
    auditInput,
  );
  const save = useSave(
    orgId,
    engagementId,
    form,
    (input) => api.post(cyclePaths(orgId, engagementId).audits, input),
    T.auditSaved,
    onDone,
  );
  return (
    <ValidatedForm form={form} save={save} label={T.recordAudit} submitLabel={T.recordAudit} onCancel={onDone}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          {...form.field('kind')}
          label={T.fields.kind}
          data={CERT_AUDIT_KINDS.map((k) => ({ value: k, label: CERT_AUDIT_KIND_LABELS[k] }))}
          allowDeselect={false}
        />
        <Select
          {...form.field('status')}
          label={T.fields.status}
          data={CERT_AUDIT_STATUSES.map((s) => ({ value: s, label: CERT_AUDIT_STATUS_LABELS[s] }))}
          allowDeselect={false}
        />
        <TextInput {...form.field('startDate')} type="date" label={T.fields.startDate} />
        <TextInput {...form.field('endDate')} type="date" label={T.fields.endDate} />
      </SimpleGrid>
      <Textarea {...form.field('conclusion')} label={T.fields.conclusion} autosize minRows={2} />
    </ValidatedForm>
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
  const form = useZodForm(
    ZCertFindingFields,
    {
      grade: 'minor',
      clauseRef: '',
      title: '',
      evidence: '',
      ownerId: null as string | null,
      cbDeadline: '',
    },
    findingInput,
  );
  const save = useSave(
    orgId,
    engagementId,
    form,
    (input) => api.post(cyclePaths(orgId, engagementId).findings(auditId), input),
    T.findingSaved,
    onDone,
  );
  return (
    <ValidatedForm form={form} save={save} label={T.addFinding} submitLabel={T.addFinding} onCancel={onDone}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          {...form.field('grade')}
          label={T.fields.grade}
          data={CERT_FINDING_GRADES.map((g) => ({ value: g, label: CERT_FINDING_GRADE_LABELS[g] }))}
          allowDeselect={false}
        />
        <TextInput {...form.field('clauseRef')} label={T.fields.clauseRef} required />
      </SimpleGrid>
      <TextInput {...form.field('title')} label={T.fields.title} required />
      <Textarea {...form.field('evidence')} label={T.fields.evidence} autosize />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          {...form.field('ownerId')}
          label={T.fields.owner}
          clearable
          data={(members.data ?? []).map((m) => ({ value: m.user.id, label: m.user.name }))}
        />
        <TextInput {...form.field('cbDeadline')} type="date" label={T.fields.cbDeadline} description={T.deadlineHint} />
      </SimpleGrid>
    </ValidatedForm>
  );
}

export function CertificateForm({ orgId, engagementId }: { orgId: string; engagementId: string }) {
  const today = new Date().toISOString().slice(0, 10);
  const form = useZodForm(ZCertificateFields, { certificateNumber: '', decisionDate: today, issueDate: today });
  const save = useSave(
    orgId,
    engagementId,
    form,
    (input) => api.post(cyclePaths(orgId, engagementId).certificate, input),
    T.certified,
  );
  return (
    <ValidatedForm form={form} save={save} label={T.recordCertificate} submitLabel={T.recordCertificate}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput {...form.field('certificateNumber')} label={T.fields.certificateNumber} required />
        <TextInput {...form.field('decisionDate')} type="date" label={T.fields.decisionDate} />
        <TextInput {...form.field('issueDate')} type="date" label={T.fields.issueDate} />
      </SimpleGrid>
    </ValidatedForm>
  );
}
