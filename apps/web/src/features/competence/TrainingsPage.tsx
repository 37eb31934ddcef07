import { useState } from 'react';
import {
  Badge,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
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
  DEVELOPMENT_ACTION_KIND_LABELS,
  DEVELOPMENT_ACTION_KINDS,
  ZDevelopmentActionFields,
} from '@fortytwo/domain';
import { api } from '../../api/client';
import { confirmDanger } from '../../ui/confirm';
import { DownloadMenu, registerDownloads } from '../../ui/DownloadMenu';
import { formatDate } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { useZodForm } from '../../ui/use-zod-form';
import { ValidatedForm } from '../../ui/ValidatedForm';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import {
  paths,
  refreshCompetence,
  useAssignments,
  useCompetences,
  useDevelopmentActions,
  type Assignment,
  type DevelopmentAction,
} from './api';
import { COMPETENCE_TEXT as T } from './text';
import { TrainingRecords } from './TrainingRecords';

// An empty NumberInput ('') is "does not expire".
const actionInput = (v: { validityMonths: number | string }) => ({
  ...v,
  validityMonths: v.validityMonths === '' ? null : Number(v.validityMonths),
});

function ActionModal({ action, onClose }: { action: DevelopmentAction | null; onClose: () => void }) {
  const { orgId } = useOrg();
  const qc = useQueryClient();
  const competences = useCompetences(orgId);
  const form = useZodForm(
    ZDevelopmentActionFields,
    {
      title: action?.title ?? '',
      kind: action?.kind ?? 'course',
      provider: action?.provider ?? '',
      description: action?.description ?? '',
      competenceIds: action?.competences.map((c) => c.id) ?? [],
      validityMonths: action?.validityMonths ?? '',
    },
    actionInput,
  );
  const save = useMutation({
    mutationFn: (input: object) =>
      action
        ? api.patch(`${paths.actions(orgId)}/${action.id}`, { version: action.version, ...input })
        : api.post(paths.actions(orgId), input),
    onError: (e) => form.showServerError(e),
    onSuccess: async () => {
      await refreshCompetence(qc, orgId);
      notifySuccess(T.created);
      onClose();
    },
  });
  const heading = action ? T.editAction : T.addAction;
  return (
    <Modal opened onClose={onClose} title={heading} size="lg" centered>
      <ValidatedForm label={heading} form={form} save={save} gap="md" submitLabel={T.save} onCancel={onClose}>
        <TextInput {...form.field('title')} label={T.title} required maxLength={200} data-autofocus />
        <Group grow align="flex-start">
          <Select
            {...form.field('kind')}
            label={T.actionKind}
            required
            data={DEVELOPMENT_ACTION_KINDS.map((k) => ({ value: k, label: DEVELOPMENT_ACTION_KIND_LABELS[k] }))}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput {...form.field('provider')} label={T.provider} maxLength={200} />
        </Group>
        <MultiSelect
          {...form.field('competenceIds')}
          label={T.gives}
          data={(competences.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <NumberInput
          {...form.field('validityMonths')}
          label={T.validity}
          description={T.validityHelp}
          min={1}
          max={600}
          allowDecimal={false}
          w={260}
        />
        <Textarea {...form.field('description')} label={T.description} autosize minRows={2} maxLength={2000} />
      </ValidatedForm>
    </Modal>
  );
}

export function AssignmentStatusBadge({ a }: { a: Assignment }) {
  if (a.overdue)
    return (
      <Badge color="red" variant="light" styles={{ label: { textTransform: 'none' } }}>
        {T.overdue}
      </Badge>
    );
  const color = a.status === 'completed' ? 'green' : a.status === 'open' ? 'blue' : 'gray';
  return (
    <Badge color={color} variant="light" styles={{ label: { textTransform: 'none' } }} data-status={a.status}>
      {a.status === 'completed' ? 'Completed' : a.status === 'open' ? 'Open' : 'Cancelled'}
    </Badge>
  );
}

export const completionText = (a: Assignment) => {
  const c = a.completions[0];
  if (!c) return '—';
  return `${COMPLETION_RESULT_LABELS[c.result]} ${formatDate(`${c.completedOn}T12:00:00`)} · ${c.evidenceKind === 'certificate' ? T.certificate : T.attestation}${c.expiresOn ? ` · valid until ${formatDate(`${c.expiresOn}T12:00:00`)}` : ''}`;
};

/** Development actions (7.2 c) and the training records (7.2 d). */
export function TrainingsPage() {
  const { orgId, can } = useOrg();
  const qc = useQueryClient();
  const actions = useDevelopmentActions(orgId);
  const records = useAssignments(orgId);
  const [editing, setEditing] = useState<DevelopmentAction | null | 'new'>(null);
  const canWrite = can('competence.write');
  const remove = async (a: DevelopmentAction) => {
    if (
      !(await confirmDanger({
        title: `${T.delete} "${a.title}"?`,
        message: 'Only an action never assigned can be deleted.',
        confirmLabel: T.delete,
      }))
    )
      return;
    try {
      await api.delete(`${paths.actions(orgId)}/${a.id}`);
      await refreshCompetence(qc, orgId);
      notifySuccess(T.deleted);
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Do' }, { label: T.crumbStep }]}
        title={T.trainingsTitle}
        description={T.trainingsDescription}
        actions={
          <Group gap="sm">
            <DownloadMenu
              label={T.exportLabel}
              items={[
                ...registerDownloads(`${paths.actions(orgId)}/export`),
                ...registerDownloads(`${paths.assignments(orgId)}/export`).map((d) => ({
                  ...d,
                  label: `${T.records}: ${d.label}`,
                })),
              ]}
            />
            {canWrite && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
                {T.addAction}
              </Button>
            )}
          </Group>
        }
      />
      {actions.isPending ? (
        <Loading />
      ) : actions.isError ? (
        <ErrorAlert error={actions.error} onRetry={() => void actions.refetch()} />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing="sm" data-testid="actions-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{T.title}</Table.Th>
                  <Table.Th w={120}>{T.actionKind}</Table.Th>
                  <Table.Th>{T.gives}</Table.Th>
                  <Table.Th w={130}>{T.validity}</Table.Th>
                  <Table.Th w={90}>Open</Table.Th>
                  {canWrite && <Table.Th w={150} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {actions.data.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Text fz="sm" fw={600}>
                        {a.title}
                      </Text>
                      {a.provider && (
                        <Text fz="xs" c="dimmed">
                          {a.provider}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td fz="sm">{DEVELOPMENT_ACTION_KIND_LABELS[a.kind]}</Table.Td>
                    <Table.Td fz="sm">{a.competences.map((c) => c.name).join(', ') || '—'}</Table.Td>
                    <Table.Td fz="sm">{a.validityMonths ? `${a.validityMonths} months` : T.doesNotExpire}</Table.Td>
                    <Table.Td fz="sm">{a.openAssignments}</Table.Td>
                    {canWrite && (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Button
                            size="xs"
                            variant="subtle"
                            onClick={() => setEditing(a)}
                            aria-label={`${T.edit} ${a.title}`}
                          >
                            {T.edit}
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            onClick={() => void remove(a)}
                            aria-label={`${T.delete} ${a.title}`}
                          >
                            {T.delete}
                          </Button>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <Title order={2} fz="h4" mt="xl" mb="sm">
        {T.records}
      </Title>
      {records.isPending ? (
        <Loading />
      ) : records.isError ? (
        <ErrorAlert error={records.error} onRetry={() => void records.refetch()} />
      ) : (
        <TrainingRecords orgId={orgId} records={records.data} />
      )}
      {editing && <ActionModal action={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
