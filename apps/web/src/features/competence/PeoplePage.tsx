import { useState } from 'react';
import { Anchor, Badge, Button, Group, Modal, MultiSelect, Paper, Radio, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import { PERSON_KIND_LABELS, PERSON_KINDS, ZPersonFields } from '@fortytwo/domain';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { DownloadMenu, registerDownloads } from '../../ui/DownloadMenu';
import { notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { useZodForm } from '../../ui/use-zod-form';
import { ValidatedForm } from '../../ui/ValidatedForm';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import { hrefs, paths, refreshCompetence, usePeople, type Person } from './api';
import { AI_ROLE_OPTIONS, roleNames } from './CompetencesPage';
import { COMPETENCE_TEXT as T } from './text';

function PersonModal({ onClose }: { onClose: () => void }) {
  const { orgId } = useOrg();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const form = useZodForm(ZPersonFields, {
    name: '',
    email: '',
    organization: '',
    kind: 'external',
    aiRoles: [] as string[],
  });
  const save = useMutation({
    mutationFn: (input: unknown) => api.post<Person>(paths.people(orgId), input),
    onError: (e) => form.showServerError(e),
    onSuccess: async (p) => {
      await refreshCompetence(qc, orgId);
      notifySuccess(T.created);
      onClose();
      void navigate(hrefs.person(orgId, p.id));
    },
  });
  return (
    <Modal opened onClose={onClose} title={T.addPerson} size="lg" centered>
      <ValidatedForm label={T.addPerson} form={form} save={save} gap="md" submitLabel={T.save} onCancel={onClose}>
        <TextInput {...form.field('name')} label={T.name} required maxLength={200} data-autofocus />
        <Group grow align="flex-start">
          <TextInput {...form.field('email')} label={T.email} type="email" maxLength={320} />
          <TextInput {...form.field('organization')} label={T.organization} maxLength={200} />
        </Group>
        <Radio.Group {...form.field('kind')} label={T.kind}>
          <Group gap="lg" mt={8}>
            {PERSON_KINDS.map((k) => (
              <Radio key={k} value={k} label={PERSON_KIND_LABELS[k]} />
            ))}
          </Group>
        </Radio.Group>
        <MultiSelect
          {...form.field('aiRoles')}
          label={T.aiRoles}
          description={T.personAiRolesHelp}
          data={AI_ROLE_OPTIONS}
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
        />
      </ValidatedForm>
    </Modal>
  );
}

export function PersonStatus({ p }: { p: Person }) {
  const label = p.member ? T.member : p.userId ? T.formerMember : T.noAccount;
  return (
    <Group gap={4}>
      <Badge variant="light" color={p.member ? 'blue' : 'gray'} styles={{ label: { textTransform: 'none' } }}>
        {label}
      </Badge>
      {!p.active && (
        <Badge variant="outline" color="gray" styles={{ label: { textTransform: 'none' } }}>
          {T.inactive}
        </Badge>
      )}
    </Group>
  );
}

/** People (7.2): members and people without an account, with their AI roles and RACI responsibilities. */
export function PeoplePage() {
  const { orgId, can } = useOrg();
  const people = usePeople(orgId);
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Do' }, { label: T.crumbStep }]}
        title={T.peopleTitle}
        description={T.peopleDescription}
        actions={
          <Group gap="sm">
            <DownloadMenu label={T.exportLabel} items={registerDownloads(`${paths.people(orgId)}/export`)} />
            {can('competence.write') && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
                {T.addPerson}
              </Button>
            )}
          </Group>
        }
      />
      {people.isPending ? (
        <Loading />
      ) : people.isError ? (
        <ErrorAlert error={people.error} onRetry={() => void people.refetch()} />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing="sm" data-testid="people-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{T.name}</Table.Th>
                  <Table.Th w={200}>{T.status}</Table.Th>
                  <Table.Th>{T.aiRoles}</Table.Th>
                  <Table.Th>{T.responsibilities}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {people.data.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={hrefs.person(orgId, p.id)} fz="sm" fw={600}>
                        {p.name}
                      </Anchor>
                      <Text fz="xs" c="dimmed">
                        {[p.email, p.organization, PERSON_KIND_LABELS[p.kind]].filter(Boolean).join(' · ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <PersonStatus p={p} />
                    </Table.Td>
                    <Table.Td fz="sm">{roleNames(p.aiRoles)}</Table.Td>
                    <Table.Td fz="sm">
                      {p.raciResponsibilities.map((r) => `${r.name} (${r.letter})`).join(', ') || '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {adding && <PersonModal onClose={() => setAdding(false)} />}
    </>
  );
}
