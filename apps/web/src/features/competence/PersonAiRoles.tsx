import { useState } from 'react';
import { Button, Group, MultiSelect } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { notifyError, notifySuccess } from '../../ui/notify';
import { useOrg } from '../shell/org-context';
import { paths, refreshCompetence, type PersonDetail } from './api';
import { AI_ROLE_OPTIONS } from './CompetencesPage';
import { COMPETENCE_TEXT as T } from './text';

export function AiRolesEditor({ person }: { person: PersonDetail }) {
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
