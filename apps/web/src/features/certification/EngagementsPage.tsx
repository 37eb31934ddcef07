import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  AI_ROLE_LABELS,
  AI_ROLES,
  ENGAGEMENT_STATUS_LABELS,
  ENGAGEMENT_STATUSES,
  ZEngagementFields,
  type AiRole,
  type EngagementFields,
  type EngagementStatus,
} from '@fortytwo/domain';
import { api } from '../../api/client';
import { formatDate } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { useZodForm } from '../../ui/use-zod-form';
import { ValidatedForm } from '../../ui/ValidatedForm';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import { engagementPath, engagementsKey, engagementsPath, useEngagements, type Engagement } from './api';
import { CYCLE_TEXT } from './cycle-text';
import { CERTIFICATION_TEXT as T } from './text';

type Values = {
  cbName: string;
  accreditationBody: string;
  accredited: boolean;
  accreditationRef: string;
  auditTeam: string;
  stage1Date: string;
  stage2Date: string;
  submittedScope: string;
  headcount: number;
  aiRoles: AiRole[];
  aiSystems: number;
  highRiskAiSystems: number;
  sites: number;
  status: EngagementStatus;
  notes: string;
};
const EMPTY: Values = {
  cbName: '',
  accreditationBody: '',
  accredited: false,
  accreditationRef: '',
  auditTeam: '',
  stage1Date: '',
  stage2Date: '',
  submittedScope: '',
  headcount: 0,
  aiRoles: [],
  aiSystems: 0,
  highRiskAiSystems: 0,
  sites: 1,
  status: 'planning',
  notes: '',
};
const valuesOf = (e: Engagement): Values => ({
  ...e,
  auditTeam: e.auditTeam.map((m) => (m.role ? `${m.name}, ${m.role}` : m.name)).join('\n'),
  stage1Date: e.stage1Date ?? '',
  stage2Date: e.stage2Date ?? '',
  ...e.auditTimeInputs,
});
const toInput = (v: Values) => ({
  cbName: v.cbName,
  accreditationBody: v.accreditationBody,
  accredited: v.accredited,
  accreditationRef: v.accreditationRef,
  auditTeam: v.auditTeam
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [name, ...role] = l.split(',');
      return { name: name!.trim(), role: role.join(',').trim() };
    }),
  stage1Date: v.stage1Date || null,
  stage2Date: v.stage2Date || null,
  submittedScope: v.submittedScope,
  auditTimeInputs: {
    headcount: v.headcount,
    aiRoles: v.aiRoles,
    aiSystems: v.aiSystems,
    highRiskAiSystems: v.highRiskAiSystems,
    sites: v.sites,
  },
  status: v.status,
  notes: v.notes,
});

// The audit-time inputs are nested in the body, flat on the form; an auditor's issue shows on the team.
const engagementFieldOf = (path: string[]) => (path[0] === 'auditTimeInputs' && path[1] ? path[1] : (path[0] ?? ''));

function EngagementForm({
  orgId,
  engagement,
  onClose,
}: {
  orgId: string;
  engagement: Engagement | null;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const form = useZodForm(ZEngagementFields, engagement ? valuesOf(engagement) : EMPTY, toInput, engagementFieldOf);
  const save = useMutation({
    // A change sends every field with the version read (the update schema takes them all).
    mutationFn: (input: EngagementFields) =>
      engagement
        ? api.patch<Engagement>(engagementPath(orgId, engagement.id), { ...input, version: engagement.version })
        : api.post<Engagement>(engagementsPath(orgId), input),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: engagementsKey(orgId) });
      notifySuccess(T.saved);
      onClose();
    },
    onError: (e) => form.showServerError(e),
  });
  const text = (k: 'cbName' | 'accreditationBody' | 'accreditationRef' | 'stage1Date' | 'stage2Date') => ({
    ...form.field(k),
    label: T.fields[k],
  });
  // An emptied number input gives '': it counts as 0.
  const num = (k: 'headcount' | 'aiSystems' | 'highRiskAiSystems' | 'sites') => ({
    ...form.field(k),
    label: T.fields[k],
    min: 0,
    allowDecimal: false,
    onChange: (n: number | string) => form.setValue(k, typeof n === 'number' ? n : Number(n) || 0),
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={engagement ? `${T.editEngagement} ${engagement.ref}` : T.addEngagement}
      size="lg"
    >
      <ValidatedForm form={form} save={save} submitLabel={T.save} onCancel={onClose} cancelLabel={T.cancel}>
        <TextInput {...text('cbName')} required data-autofocus />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput {...text('accreditationBody')} />
          <TextInput {...text('accreditationRef')} />
          <Checkbox {...form.checkbox('accredited')} label={T.fields.accredited} />
          <Select
            {...form.field('status')}
            label={T.fields.status}
            data={ENGAGEMENT_STATUSES.map((s) => ({ value: s, label: ENGAGEMENT_STATUS_LABELS[s] }))}
            allowDeselect={false}
          />
          <TextInput {...text('stage1Date')} type="date" />
          <TextInput {...text('stage2Date')} type="date" />
          <NumberInput {...num('headcount')} />
          <MultiSelect
            {...form.field('aiRoles')}
            label={T.fields.aiRoles}
            data={AI_ROLES.map((r) => ({ value: r, label: AI_ROLE_LABELS[r] }))}
          />
          <NumberInput {...num('aiSystems')} />
          <NumberInput {...num('highRiskAiSystems')} />
          <NumberInput {...num('sites')} />
        </SimpleGrid>
        <Textarea {...form.field('auditTeam')} label={T.fields.auditTeam} autosize minRows={2} />
        <Textarea {...form.field('submittedScope')} label={T.fields.submittedScope} autosize minRows={2} />
        <Textarea {...form.field('notes')} label={T.fields.notes} autosize minRows={2} />
      </ValidatedForm>
    </Modal>
  );
}

/** Step 6: the certification body engagements, with the audit-time estimate and date warnings. */
export function EngagementsPage() {
  const { orgId, can } = useOrg();
  const qc = useQueryClient();
  const list = useEngagements(orgId);
  const [editing, setEditing] = useState<Engagement | 'new' | null>(null);
  const canWrite = can('certification.write');
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(engagementPath(orgId, id)),
    onSuccess: () => qc.invalidateQueries({ queryKey: engagementsKey(orgId) }),
  });

  return (
    <>
      <PageHeader
        title={T.engagementsTitle}
        description={T.engagementsDescription}
        crumbs={[{ label: T.readinessTitle, to: `/orgs/${orgId}/certification` }, { label: T.engagementsTitle }]}
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {T.addEngagement}
            </Button>
          )
        }
      />
      {editing && (
        <EngagementForm
          orgId={orgId}
          engagement={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <Text c="dimmed">{T.emptyEngagements}</Text>
      ) : (
        <Stack gap="md">
          {list.data.map((e) => (
            <Paper key={e.id} withBorder radius="md" p="md" component="article" aria-label={`${e.ref} ${e.cbName}`}>
              <Stack gap="xs">
                <Group justify="space-between" wrap="wrap">
                  <Group gap="xs">
                    <Title order={2} fz="lg">
                      {e.ref} {e.cbName}
                    </Title>
                    <Badge variant="light">{ENGAGEMENT_STATUS_LABELS[e.status]}</Badge>
                    <Badge variant="outline" color={e.accredited ? 'teal' : 'gray'}>
                      {e.accredited
                        ? `Accredited${e.accreditationBody ? ` (${e.accreditationBody})` : ''}`
                        : 'Not accredited'}
                    </Badge>
                  </Group>
                  <Group gap="xs">
                    <Button
                      size="xs"
                      variant="light"
                      component={Link}
                      to={`/orgs/${orgId}/certification/engagements/${e.id}`}
                    >
                      {CYCLE_TEXT.cycleLink}
                    </Button>
                    {canWrite && (
                      <>
                        <Button size="xs" variant="default" onClick={() => setEditing(e)}>
                          {T.editEngagement}
                        </Button>
                        <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate(e.id)}>
                          {T.deleteEngagement}
                        </Button>
                      </>
                    )}
                  </Group>
                </Group>
                <Text fz="sm">
                  {T.fields.stage1Date}: {formatDate(e.stage1Date)} · {T.fields.stage2Date}: {formatDate(e.stage2Date)}
                  {e.auditTeam.length ? ` · ${e.auditTeam.map((m) => m.name).join(', ')}` : ''}
                </Text>
                {e.warnings.map((w) => (
                  <Alert key={w.code} color="orange" variant="light" icon={<IconAlertTriangle size={16} />} p="xs">
                    {w.message}
                  </Alert>
                ))}
                <Text fz="sm" fw={600}>
                  {T.estimateTitle}
                </Text>
                <Text fz="sm">{T.estimate(e.auditTimeEstimate)}</Text>
                <List size="xs" c="dimmed">
                  {e.auditTimeEstimate.basis.map((b) => (
                    <List.Item key={b}>{b}</List.Item>
                  ))}
                </List>
                {e.submittedScope && (
                  <Text fz="sm">
                    <b>{T.fields.submittedScope}:</b> {e.submittedScope}
                  </Text>
                )}
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
    </>
  );
}
