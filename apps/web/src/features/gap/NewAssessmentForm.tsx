import { Button, Group, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconPlayerPlay } from '@tabler/icons-react';
import { ZCreateGapAssessment } from '@fortytwo/domain';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { notifySuccess } from '../../ui/notify';
import { useZodForm } from '../../ui/use-zod-form';
import { ValidatedForm } from '../../ui/ValidatedForm';
import { assessmentKey, assessmentsPath, gapHref, gapKey, type GapAssessment } from './api';
import { GAP_TEXT as T } from './text';

/** Names and starts a working assessment, then opens its questionnaire at the first requirement. */
export function NewAssessmentForm({
  orgId,
  onCancel,
  autoFocus,
}: {
  orgId: string;
  onCancel?: () => void;
  autoFocus?: boolean;
}) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const initial: { name: string } = { name: T.nameDefault };
  const form = useZodForm(ZCreateGapAssessment, initial);
  const create = useMutation({
    mutationFn: (body: { name: string }) => api.post<GapAssessment>(assessmentsPath(orgId), body),
    onSuccess: async (a) => {
      qc.setQueryData(assessmentKey(orgId, a.id), a);
      notifySuccess(T.created(a.name));
      await qc.invalidateQueries({ queryKey: gapKey(orgId), predicate: (q) => q.queryKey[2] !== 'one' });
      void navigate(gapHref(orgId, a.id, a.items[0]?.ref));
    },
    onError: (e) => form.showServerError(e),
  });
  return (
    <ValidatedForm label={T.newTitle} form={form} save={create} gap="md">
      <TextInput
        {...form.field('name')}
        label={T.name}
        required
        data-autofocus={autoFocus || undefined}
        maxLength={250}
      />
      <Group justify="flex-end" gap="sm">
        {onCancel && (
          <Button variant="default" onClick={onCancel}>
            {T.cancel}
          </Button>
        )}
        <Button type="submit" loading={create.isPending} leftSection={<IconPlayerPlay size={16} />}>
          {T.create}
        </Button>
      </Group>
    </ValidatedForm>
  );
}
