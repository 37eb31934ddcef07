import { useState } from 'react';
import { Alert, Button, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { RELEASE_FLAG_LABELS, ZDeployment } from '@fortytwo/domain';
import { api } from '../../api/client';
import { notifySuccess } from '../../ui/notify';
import { useZodForm } from '../../ui/use-zod-form';
import { refreshLifecycle, systemPath, today, type Release } from './api';
import { ZodFormModal } from './FormModals';
import { LIFECYCLE_TEXT as T } from './text';

export function RecordDeployment({ orgId, r }: { orgId: string; r: Release }) {
  const qc = useQueryClient();
  const [opened, setOpened] = useState(false);
  const form = useZodForm(ZDeployment, { deployedOn: today(), environment: 'production', note: '' }, (v) => ({
    ...v,
    version: r.version,
  }));
  const save = useMutation({
    mutationFn: (input: unknown) =>
      api.post<Release>(`${systemPath(orgId, r.aiSystemId)}/releases/${encodeURIComponent(r.id)}/deployment`, input),
    onSuccess: async () => {
      await refreshLifecycle(qc, orgId);
      notifySuccess(T.deploymentRecorded);
      setOpened(false);
    },
    // A deployment dated before the release comes back on deployedOn.
    onError: (e) => form.showServerError(e),
  });
  return (
    <>
      <Button size="xs" variant="subtle" onClick={() => setOpened(true)}>
        {T.deploy}
      </Button>
      <ZodFormModal
        title={`${T.deploy}: ${r.releaseVersion}`}
        opened={opened}
        onClose={() => setOpened(false)}
        form={form}
        save={save}
        size="md"
      >
        {!r.verification && (
          <Alert color="orange" variant="light">
            {RELEASE_FLAG_LABELS.deployed_without_verification}
          </Alert>
        )}
        <TextInput {...form.field('deployedOn')} label={T.deployedOn} type="date" min={r.releasedOn} />
        <TextInput {...form.field('environment')} label={T.environment} />
        <Textarea {...form.field('note')} label={T.decisionNote} />
      </ZodFormModal>
    </>
  );
}
