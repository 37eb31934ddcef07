import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconCamera } from '@tabler/icons-react';
import { api } from '../../api/client';
import { errorMessage } from '../../ui/QueryState';
import { notifySuccess } from '../../ui/notify';
import { assessmentPath, gapKey, type GapAssessmentSummary } from './api';
import { GAP_TEXT as T } from './text';

/** Freezes the working assessment as a read-only snapshot, optionally named. */
export function SnapshotButton({
  orgId,
  assessment,
  size = 'sm',
}: {
  orgId: string;
  assessment: { id: string; name: string };
  size?: 'xs' | 'sm';
}) {
  const qc = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState('');
  const take = useMutation({
    mutationFn: () =>
      api.post<GapAssessmentSummary>(
        `${assessmentPath(orgId, assessment.id)}/snapshots`,
        name.trim() ? { name: name.trim() } : {},
      ),
    onSuccess: async (s) => {
      notifySuccess(T.snapshotTaken(s.name));
      setOpened(false);
      setName('');
      await qc.invalidateQueries({ queryKey: gapKey(orgId), predicate: (q) => q.queryKey[2] !== 'one' });
    },
  });
  const close = () => {
    setOpened(false);
    take.reset();
  };
  return (
    <>
      <Button
        variant="default"
        size={size}
        leftSection={<IconCamera size={size === 'xs' ? 14 : 16} />}
        onClick={() => setOpened(true)}
      >
        {T.takeSnapshot}
      </Button>
      <Modal opened={opened} onClose={close} title={T.snapshotTitle}>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            take.mutate();
          }}
        >
          <Stack gap="md">
            <Text fz="sm">{T.snapshotHint}</Text>
            {take.isError && (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(take.error)}
              </Alert>
            )}
            <TextInput
              label={T.snapshotName}
              description={T.snapshotNameHint}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              placeholder={`${assessment.name} — ${new Date().toISOString().slice(0, 10)}`}
              maxLength={200}
              data-autofocus
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {T.cancel}
              </Button>
              <Button type="submit" loading={take.isPending} leftSection={<IconCamera size={16} />}>
                {T.snapshotCreate}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
