import { useState } from 'react';
import { Button, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZSignificanceDecision } from '@fortytwo/domain';
import { api } from '../../api/client';
import { useZodForm } from '../../ui/use-zod-form';
import { refreshLifecycle, systemPath, type Change } from './api';
import { ZodFormModal } from './FormModals';
import { LIFECYCLE_TEXT as T } from './text';

// The override's issues (override.reason) show on the reason, the form's only field.
const reasonField = (path: string[]) => (path[0] === 'override' ? 'reason' : (path[0] ?? ''));

export function OverrideSignificance({ orgId, c }: { orgId: string; c: Change }) {
  const qc = useQueryClient();
  const [opened, setOpened] = useState(false);
  const target = !c.significant;
  const backToRule = target === c.rule.significant && c.override !== null;
  const form = useZodForm(
    ZSignificanceDecision,
    { reason: '' },
    ({ reason }) => ({ version: c.version, override: backToRule ? null : { significant: target, reason } }),
    reasonField,
  );
  const save = useMutation({
    mutationFn: (input: unknown) =>
      api.put<Change>(`${systemPath(orgId, c.aiSystemId)}/changes/${encodeURIComponent(c.id)}/significance`, input),
    onSuccess: async () => {
      await refreshLifecycle(qc, orgId);
      setOpened(false);
      form.reset({ reason: '' });
    },
    onError: (e) => form.showServerError(e),
  });
  const title = backToRule ? T.followRule : T.overrideTo(target);
  return (
    <>
      <Button size="xs" variant="subtle" onClick={() => setOpened(true)}>
        {title}
      </Button>
      <ZodFormModal title={title} opened={opened} onClose={() => setOpened(false)} form={form} save={save} size="md">
        <Text fz="sm">
          {c.title} — {T.byRule}: {c.rule.because}
        </Text>
        {!backToRule && <Textarea {...form.field('reason')} label={T.overrideReason} required />}
      </ZodFormModal>
    </>
  );
}
