import { useState } from 'react';
import { Anchor, Button, Group, Modal, MultiSelect, Paper, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import { AI_SUB_ROLE_LABELS, ZCompetenceFields } from '@fortytwo/domain';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { confirmDanger } from '../../ui/confirm';
import { DownloadMenu, registerDownloads } from '../../ui/DownloadMenu';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { useZodForm } from '../../ui/use-zod-form';
import { ValidatedForm } from '../../ui/ValidatedForm';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import { hrefs, paths, refreshCompetence, useCompetences, useRaciActivities, type Competence } from './api';
import { COMPETENCE_TEXT as T } from './text';

export const AI_ROLE_OPTIONS = Object.entries(AI_SUB_ROLE_LABELS).map(([value, label]) => ({ value, label }));
export const roleNames = (ids: string[]) => ids.map((r) => AI_SUB_ROLE_LABELS[r] ?? r).join(', ') || '—';

function CompetenceModal({ competence, onClose }: { competence: Competence | null; onClose: () => void }) {
  const { orgId } = useOrg();
  const qc = useQueryClient();
  const raci = useRaciActivities(orgId);
  const form = useZodForm(ZCompetenceFields, {
    name: competence?.name ?? '',
    description: competence?.description ?? '',
    aiRoles: competence?.aiRoles ?? [],
    raciActivityIds: competence?.raciActivities.map((a) => a.id) ?? [],
  });
  const save = useMutation({
    mutationFn: (input: object) =>
      competence
        ? api.patch(`${paths.competences(orgId)}/${competence.id}`, { version: competence.version, ...input })
        : api.post(paths.competences(orgId), input),
    onSuccess: async () => {
      await refreshCompetence(qc, orgId);
      notifySuccess(T.created);
      onClose();
    },
    onError: (e) => form.showServerError(e),
  });
  const title = competence ? T.editCompetence : T.addCompetence;
  return (
    <Modal opened onClose={onClose} title={title} size="lg" centered>
      <ValidatedForm label={title} form={form} save={save} gap="md" submitLabel={T.save} onCancel={onClose}>
        <TextInput {...form.field('name')} label={T.name} required maxLength={200} data-autofocus />
        <Textarea {...form.field('description')} label={T.description} autosize minRows={2} maxLength={2000} />
        <MultiSelect
          {...form.field('aiRoles')}
          label={T.aiRoles}
          description={T.aiRolesHelp}
          data={AI_ROLE_OPTIONS}
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <MultiSelect
          {...form.field('raciActivityIds')}
          label={T.raci}
          description={T.raciHelp}
          data={(raci.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
        />
      </ValidatedForm>
    </Modal>
  );
}

/** The competences the organization requires (7.2 a), per AI role and RACI responsibility. */
export function CompetencesPage() {
  const { orgId, can } = useOrg();
  const qc = useQueryClient();
  const list = useCompetences(orgId);
  const [editing, setEditing] = useState<Competence | null | 'new'>(null);
  const canWrite = can('competence.write');
  const remove = async (c: Competence) => {
    if (
      !(await confirmDanger({
        title: `${T.delete} "${c.name}"?`,
        message: 'The competence leaves the matrix. This is recorded in the history.',
        confirmLabel: T.delete,
      }))
    )
      return;
    try {
      await api.delete(`${paths.competences(orgId)}/${c.id}`);
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
        title={T.competencesTitle}
        description={T.competencesDescription}
        actions={
          <Group gap="sm">
            <DownloadMenu label={T.exportLabel} items={registerDownloads(`${paths.competences(orgId)}/export`)} />
            {canWrite && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
                {T.addCompetence}
              </Button>
            )}
          </Group>
        }
      />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data.length ? (
        <Text c="dimmed">{T.noCompetences}</Text>
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing="sm" data-testid="competences-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{T.name}</Table.Th>
                  <Table.Th>{T.aiRoles}</Table.Th>
                  <Table.Th>{T.raci}</Table.Th>
                  <Table.Th>{T.gives.replace('Competences given', 'Given by')}</Table.Th>
                  {canWrite && <Table.Th w={150} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Text fz="sm" fw={600}>
                        {c.name}
                      </Text>
                      {c.description && (
                        <Text fz="xs" c="dimmed">
                          {c.description}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td fz="sm">{roleNames(c.aiRoles)}</Table.Td>
                    <Table.Td fz="sm">{c.raciActivities.map((a) => a.name).join(', ') || '—'}</Table.Td>
                    <Table.Td fz="sm">
                      {c.givenBy.length ? (
                        c.givenBy.map((a) => a.title).join(', ')
                      ) : (
                        <Anchor component={Link} to={hrefs.trainings(orgId)} fz="sm">
                          No action gives it yet
                        </Anchor>
                      )}
                    </Table.Td>
                    {canWrite && (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Button
                            size="xs"
                            variant="subtle"
                            onClick={() => setEditing(c)}
                            aria-label={`${T.edit} ${c.name}`}
                          >
                            {T.edit}
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            onClick={() => void remove(c)}
                            aria-label={`${T.delete} ${c.name}`}
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
      {editing && <CompetenceModal competence={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
