import { useState } from 'react';
import { Button, Group, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZReleaseFields } from '@fortytwo/domain';
import { api } from '../../api/client';
import { notifySuccess } from '../../ui/notify';
import { useZodForm } from '../../ui/use-zod-form';
import { refreshLifecycle, systemPath, today, type Release } from './api';
import { ZodFormModal } from './FormModals';
import { LIFECYCLE_TEXT as T } from './text';

const newRelease = () => ({
  version: '',
  releasedOn: today(),
  whatChanged: '',
  modelVersion: '',
  dataVersion: '',
  approvedByName: '',
});

export function RecordRelease({ orgId, aiSystemId }: { orgId: string; aiSystemId: string }) {
  const qc = useQueryClient();
  const [opened, setOpened] = useState(false);
  const form = useZodForm(ZReleaseFields, newRelease());
  const save = useMutation({
    mutationFn: (input: unknown) => api.post<Release>(`${systemPath(orgId, aiSystemId)}/releases`, input),
    onSuccess: async (r) => {
      await refreshLifecycle(qc, orgId);
      notifySuccess(T.releaseRecorded(r.releaseVersion));
      setOpened(false);
      form.reset(newRelease());
    },
    onError: (e) => form.showServerError(e),
  });
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>
        {T.recordRelease}
      </Button>
      <ZodFormModal title={T.recordRelease} opened={opened} onClose={() => setOpened(false)} form={form} save={save}>
        <Group grow>
          <TextInput {...form.field('version')} label={T.releaseVersion} required />
          <TextInput {...form.field('releasedOn')} label={T.releasedOn} type="date" />
        </Group>
        <Textarea {...form.field('whatChanged')} label={T.whatChanged} />
        <Group grow>
          <TextInput {...form.field('modelVersion')} label={T.modelVersion} />
          <TextInput {...form.field('dataVersion')} label={T.dataVersion} />
        </Group>
        <TextInput {...form.field('approvedByName')} label={T.approvedBy} />
      </ZodFormModal>
    </>
  );
}
