import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../api/client';
import { notifySuccess } from '../../ui/notify';
import { errorMessage } from '../../ui/QueryState';
import { workspaceKey, workspacePath, type EvidenceRequest } from './api';
import { AUDITOR_WORKSPACE_TEXT as T } from './text';

/** The external auditor asks for more evidence; the organization gets a task. */
export function RequestForm({ orgId, onClose }: { orgId: string; onClose: () => void }) {
  const qc = useQueryClient();
  const [v, setV] = useState({ title: '', detail: '', ref: '', dueOn: '' });
  const save = useMutation({
    mutationFn: () =>
      api.post<EvidenceRequest>(`${workspacePath(orgId)}/requests`, {
        title: v.title,
        detail: v.detail,
        ref: v.ref.trim() || null,
        ...(v.dueOn ? { dueOn: v.dueOn } : {}),
      }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: workspaceKey(orgId) });
      notifySuccess(T.sent);
      onClose();
    },
  });
  // Field-level errors: the server names the field in its message and in the issue path.
  const fieldError = (field: string) =>
    save.error && isApiError(save.error)
      ? save.error.issues.find((i) => i.path === field || i.path.endsWith(`.${field}`))?.message
      : undefined;
  // Read the value now: React clears currentTarget once the handler returns, before the updater runs.
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setV((x) => ({ ...x, [k]: value }));
  };
  return (
    <Modal opened onClose={onClose} title={T.newRequest} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          {save.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(save.error)}
            </Alert>
          )}
          <TextInput
            label={T.fields.title}
            value={v.title}
            onChange={set('title')}
            required
            data-autofocus
            error={fieldError('title')}
          />
          <Textarea label={T.fields.detail} value={v.detail} onChange={set('detail')} autosize minRows={3} />
          <Group grow>
            <TextInput label={T.fields.ref} value={v.ref} onChange={set('ref')} placeholder="A.6.2.4" />
            <TextInput label={T.fields.dueOn} value={v.dueOn} onChange={set('dueOn')} type="date" />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {T.send}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
