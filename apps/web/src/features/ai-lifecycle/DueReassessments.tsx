import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { REASSESSMENT_KIND_LABELS, ZCompleteReassessment } from '@fortytwo/domain';
import { api } from '../../api/client';
import { notifySuccess } from '../../ui/notify';
import { useZodForm } from '../../ui/use-zod-form';
import { refreshLifecycle, systemPath, useDueReassessments, type Reassessment } from './api';
import { ZodFormModal } from './FormModals';
import { LIFECYCLE_TEXT as T } from './text';

/** The re-assessments a significant change opened and that are still due; shown here and on both assessments. */
export function DueReassessments({
  orgId,
  aiSystemId,
  kind,
  canComplete,
}: {
  orgId: string;
  aiSystemId: string | null;
  kind?: Reassessment['kind'];
  canComplete: boolean;
}) {
  const due = useDueReassessments(orgId, aiSystemId);
  const [open, setOpen] = useState<Reassessment | null>(null);
  const qc = useQueryClient();
  // The form belongs to the re-assessment being completed: its version goes with the note.
  const form = useZodForm(ZCompleteReassessment, { note: '' }, ({ note }) => ({ version: open?.version, note }));
  const complete = useMutation({
    mutationFn: (input: unknown) =>
      api.post(`${systemPath(orgId, open!.aiSystemId)}/reassessments/${encodeURIComponent(open!.id)}/complete`, input),
    onSuccess: async () => {
      await refreshLifecycle(qc, orgId);
      notifySuccess(T.completed);
      setOpen(null);
      form.reset({ note: '' });
    },
    onError: (e) => form.showServerError(e),
  });
  const items = (due.data?.items ?? []).filter((r) => !kind || r.kind === kind);
  if (!items.length) return null;
  return (
    <Alert color="orange" variant="light" title={T.dueTitle} mb="md" data-testid="reassessments-due">
      <Stack gap={6}>
        {items.map((r) => (
          <Group key={r.id} justify="space-between" wrap="nowrap" align="flex-start">
            <div>
              <Text fz="sm" fw={600}>
                {r.text}
              </Text>
              <Text fz="xs" c="dimmed">
                {T.dueFor(REASSESSMENT_KIND_LABELS[r.kind], r.assignee?.name)} · {T.dueOn} {r.dueOn}
              </Text>
            </div>
            {canComplete && (
              <Button size="xs" variant="default" onClick={() => setOpen(r)}>
                {T.complete}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
      <ZodFormModal
        title={T.complete}
        opened={!!open}
        onClose={() => setOpen(null)}
        form={form}
        save={complete}
        size="md"
      >
        <Text fz="sm">{open?.text}</Text>
        <Textarea {...form.field('note')} label={T.completeNote} required />
      </ZodFormModal>
    </Alert>
  );
}
