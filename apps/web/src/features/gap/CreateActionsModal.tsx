import { useState } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconChecklist } from '@tabler/icons-react';
import { ZGapsToActions } from '@fortytwo/domain';
import { api } from '../../api/client';
import type { Member } from '../../api/types';
import { errorMessage } from '../../ui/QueryState';
import { notifySuccess } from '../../ui/notify';
import { tasksKey, type Action } from '../tasks/api';
import { assessmentPath, gapKey } from './api';
import { GAP_TEXT as T } from './text';

/** Turns the chosen gaps into actions in one step: one per gap, with a shared owner and due date. */
export function CreateActionsModal({
  orgId,
  assessmentId,
  refs,
  members,
  opened,
  onClose,
  onCreated,
}: {
  orgId: string;
  assessmentId: string;
  refs: string[];
  members: Member[];
  opened: boolean;
  onClose: () => void;
  onCreated: () => void;
}) {
  const qc = useQueryClient();
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: { refs: string[]; ownerId: string | null; dueDate: string | null }) =>
      api.post<{ items: Action[] }>(`${assessmentPath(orgId, assessmentId)}/actions`, body),
    onSuccess: async (res) => {
      notifySuccess(T.actionsCreated(res.items.length));
      setOwnerId(null);
      setDueDate('');
      onCreated();
      await Promise.all([
        qc.invalidateQueries({ queryKey: gapKey(orgId) }),
        qc.invalidateQueries({ queryKey: tasksKey }),
      ]);
    },
    onError: (e) => setProblem(errorMessage(e)),
  });
  const owners = members.filter((m) => !m.expired).map((m) => ({ value: m.user.id, label: m.user.name }));

  return (
    <Modal opened={opened} onClose={onClose} title={T.createActionsTitle(refs.length)}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = ZGapsToActions.safeParse({ refs, ownerId, dueDate: dueDate || null });
          setProblem(parsed.success ? null : (parsed.error.issues[0]?.message ?? null));
          if (parsed.success) create.mutate(parsed.data);
        }}
      >
        <Stack gap="md">
          <Text fz="sm">{T.createActionsHint}</Text>
          <Text fz="sm" fw={600} data-testid="action-refs">
            {refs.join(', ')}
          </Text>
          {problem && (
            <Alert color="red" variant="light" role="alert">
              {problem}
            </Alert>
          )}
          <Select
            label={T.actionOwner}
            data={owners}
            value={ownerId}
            onChange={setOwnerId}
            placeholder={T.actionOwnerPlaceholder}
            searchable
            clearable
            nothingFoundMessage={T.noMember}
            data-autofocus
          />
          <TextInput
            label={T.dueDate}
            description={T.dueDateHint}
            type="date"
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {T.cancel}
            </Button>
            <Button type="submit" loading={create.isPending} leftSection={<IconChecklist size={16} />}>
              {T.createActionsTitle(refs.length)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
