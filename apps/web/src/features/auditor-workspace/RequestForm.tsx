import { Group, Modal, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZCreateEvidenceRequest } from '@fortytwo/domain';
import { api } from '../../api/client';
import { notifySuccess } from '../../ui/notify';
import { useZodForm } from '../../ui/use-zod-form';
import { ValidatedForm } from '../../ui/ValidatedForm';
import { workspaceKey, workspacePath, type EvidenceRequest } from './api';
import { AUDITOR_WORKSPACE_TEXT as T } from './text';

type RequestValues = { title: string; detail: string; ref: string; dueOn: string };

// An empty clause says "no clause"; an empty due date leaves the default due date to the server.
const toRequest = ({ ref, dueOn, ...v }: RequestValues) => ({
  ...v,
  ref: ref.trim() || null,
  ...(dueOn ? { dueOn } : {}),
});

/** The external auditor asks for more evidence; the organization gets a task. */
export function RequestForm({ orgId, onClose }: { orgId: string; onClose: () => void }) {
  const qc = useQueryClient();
  const form = useZodForm(ZCreateEvidenceRequest, { title: '', detail: '', ref: '', dueOn: '' }, toRequest);
  const save = useMutation({
    mutationFn: (input: unknown) => api.post<EvidenceRequest>(`${workspacePath(orgId)}/requests`, input),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: workspaceKey(orgId) });
      notifySuccess(T.sent);
      onClose();
    },
    onError: (e) => form.showServerError(e),
  });
  return (
    <Modal opened onClose={onClose} title={T.newRequest} size="lg">
      <ValidatedForm form={form} save={save} submitLabel={T.send}>
        <TextInput {...form.field('title')} label={T.fields.title} required data-autofocus />
        <Textarea {...form.field('detail')} label={T.fields.detail} autosize minRows={3} />
        <Group grow>
          <TextInput {...form.field('ref')} label={T.fields.ref} placeholder="A.6.2.4" />
          <TextInput {...form.field('dueOn')} label={T.fields.dueOn} type="date" />
        </Group>
      </ValidatedForm>
    </Modal>
  );
}
