import { useState } from 'react';
import { Alert, Button, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { RELEASE_FLAG_LABELS } from '@fortytwo/domain';
import { api } from '../../api/client';
import { notifySuccess } from '../../ui/notify';
import { serverFieldError } from '../../ui/use-zod-form';
import { refreshLifecycle, systemPath, today, type Release } from './api';
import { FormModal } from './FormModals';
import { LIFECYCLE_TEXT as T } from './text';

export function RecordDeployment({ orgId, r }: { orgId: string; r: Release }) {
  const qc = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [deployedOn, setOn] = useState(today());
  const [environment, setEnv] = useState('production');
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api.post<Release>(`${systemPath(orgId, r.aiSystemId)}/releases/${encodeURIComponent(r.id)}/deployment`, {
        version: r.version,
        deployedOn,
        environment,
        note,
      }),
    onSuccess: async () => {
      await refreshLifecycle(qc, orgId);
      notifySuccess(T.deploymentRecorded);
      setOpened(false);
    },
  });
  return (
    <>
      <Button size="xs" variant="subtle" onClick={() => setOpened(true)}>
        {T.deploy}
      </Button>
      <FormModal
        title={`${T.deploy}: ${r.releaseVersion}`}
        opened={opened}
        onClose={() => setOpened(false)}
        onSubmit={() => save.mutate()}
        pending={save.isPending}
        error={save.error}
        size="md"
      >
        {!r.verification && (
          <Alert color="orange" variant="light">
            {RELEASE_FLAG_LABELS.deployed_without_verification}
          </Alert>
        )}
        <TextInput
          label={T.deployedOn}
          type="date"
          min={r.releasedOn}
          value={deployedOn}
          onChange={(e) => setOn(e.currentTarget.value)}
          error={serverFieldError(save.error, 'deployedOn')}
        />
        <TextInput label={T.environment} value={environment} onChange={(e) => setEnv(e.currentTarget.value)} />
        <Textarea label={T.decisionNote} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      </FormModal>
    </>
  );
}
