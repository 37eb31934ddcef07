import { useState } from 'react';
import { Button, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { refreshLifecycle, systemPath, type Change } from './api';
import { FormModal } from './FormModals';
import { LIFECYCLE_TEXT as T } from './text';

export function OverrideSignificance({ orgId, c }: { orgId: string; c: Change }) {
  const qc = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const target = !c.significant;
  const backToRule = target === c.rule.significant && c.override !== null;
  const save = useMutation({
    mutationFn: () =>
      api.put<Change>(`${systemPath(orgId, c.aiSystemId)}/changes/${encodeURIComponent(c.id)}/significance`, {
        version: c.version,
        override: backToRule ? null : { significant: target, reason },
      }),
    onSuccess: async () => {
      await refreshLifecycle(qc, orgId);
      setOpened(false);
      setReason('');
    },
  });
  return (
    <>
      <Button size="xs" variant="subtle" onClick={() => setOpened(true)}>
        {backToRule ? T.followRule : T.overrideTo(target)}
      </Button>
      <FormModal
        title={backToRule ? T.followRule : T.overrideTo(target)}
        opened={opened}
        onClose={() => setOpened(false)}
        onSubmit={() => save.mutate()}
        pending={save.isPending}
        error={save.error}
        size="md"
      >
        <Text fz="sm">
          {c.title} — {T.byRule}: {c.rule.because}
        </Text>
        {!backToRule && (
          <Textarea
            label={T.overrideReason}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
          />
        )}
      </FormModal>
    </>
  );
}
