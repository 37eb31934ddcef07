import { Alert, Button, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZRaciActivityFields } from '@fortytwo/domain';
import { api, isApiError } from '../../api/client';
import { notifyError, notifySuccess } from '../../ui/notify';
import { focusFirstInvalid, useZodForm } from '../../ui/use-zod-form';
import { raciActivityPath, raciKey, raciPath } from './api';
import type { RaciActivity } from './types';
import { RACI_TEXT as T } from './text';

type Values = { name: string; description: string };
const schema = ZRaciActivityFields.pick({ name: true, description: true });

function ActivityForm({
  orgId,
  activity,
  onClose,
}: {
  orgId: string;
  activity: RaciActivity | null;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const form = useZodForm(schema, {
    name: activity?.name ?? '',
    description: activity?.description ?? '',
  } satisfies Values);
  const save = useMutation({
    mutationFn: (v: Values) => {
      if (!activity) return api.post<RaciActivity>(raciPath(orgId), v);
      const changes = Object.fromEntries(Object.entries(v).filter(([k, x]) => activity[k as keyof Values] !== x));
      return api.patch<RaciActivity>(raciActivityPath(orgId, activity.id), { version: activity.version, ...changes });
    },
    onSuccess: async (saved) => {
      notifySuccess(activity ? T.savedActivity(saved.name) : T.created(saved.name));
      onClose();
      await qc.invalidateQueries({ queryKey: raciKey(orgId) });
    },
    onError: (e) => {
      if (isApiError(e, 'STALE_VERSION')) {
        notifyError(new Error(T.stale(activity?.name ?? '')), 'Not saved');
        onClose();
        void qc.invalidateQueries({ queryKey: raciKey(orgId) });
      } else form.showServerError(e);
    },
  });
  return (
    <form
      noValidate
      aria-label={activity ? T.editTitle(activity.name) : T.newTitle}
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = form.validate();
        if (parsed) save.mutate({ name: parsed.name, description: parsed.description });
        else focusFirstInvalid(e.currentTarget);
      }}
    >
      <Stack gap="md">
        {form.formError && (
          <Alert color="red" variant="light" role="alert">
            {form.formError}
          </Alert>
        )}
        <TextInput
          {...form.field('name')}
          label={T.name}
          description={T.nameHint}
          required
          data-autofocus
          maxLength={250}
        />
        <Textarea
          {...form.field('description')}
          label={T.descriptionLabel}
          description={T.descriptionHint}
          autosize
          minRows={3}
          maxRows={8}
          maxLength={2050}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {T.cancel}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {activity ? T.save : T.create}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Add an activity, or rename and describe one. `target`: null closed, 'new', or the activity. */
export function ActivityFormModal({
  orgId,
  target,
  onClose,
}: {
  orgId: string;
  target: RaciActivity | 'new' | null;
  onClose: () => void;
}) {
  const activity = target === 'new' ? null : target;
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={activity ? T.editTitle(activity.name) : T.newTitle}
      size="lg"
    >
      {target !== null && (
        <ActivityForm key={activity?.id ?? 'new'} orgId={orgId} activity={activity} onClose={onClose} />
      )}
    </Modal>
  );
}
