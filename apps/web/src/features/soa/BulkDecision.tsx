import { useState } from 'react';
import { Alert, Button, Group, List, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconChecks } from '@tabler/icons-react';
import { api } from '../../api/client';
import { notifySuccess } from '../../ui/notify';
import { errorMessage } from '../../ui/QueryState';
import { refreshSoa, soaItemPath, type SoaItem } from './api';
import { SOA_TEXT as T } from './text';

type Choice = 'included' | 'excluded';

/**
 * One decision for every control the filters show (38 controls were 38 drawers, issue 18). Each is
 * saved through the item's own PATCH with the version it was read at, so a colleague's change to one
 * of them is refused for that control alone and reported, never overwritten.
 */
export function BulkDecision({
  orgId,
  items,
  open,
}: {
  orgId: string;
  items: SoaItem[];
  /** Opened from elsewhere (the register's bulk bar, for the selected rows): no button of its own. */
  open?: { onClose: () => void };
}) {
  const qc = useQueryClient();
  const [ownOpened, setOpened] = useState(false);
  const opened = open ? true : ownOpened;
  const [choice, setChoice] = useState<Choice>('included');
  const [justification, setJustification] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [failures, setFailures] = useState<string[]>([]);
  const missingReason = choice === 'excluded' && !justification.trim();
  const close = () => {
    setOpened(false);
    open?.onClose();
    setSubmitted(false);
    setFailures([]);
  };
  const apply = useMutation({
    mutationFn: async () => {
      const failed: string[] = [];
      // One after another: the server keeps one audit event per control, in order.
      for (const i of items) {
        try {
          await api.patch(soaItemPath(orgId, i.ref), {
            version: i.version,
            included: choice === 'included',
            ...(justification.trim() ? { justification: justification.trim() } : {}),
          });
        } catch (e) {
          failed.push(`${i.ref}: ${errorMessage(e)}`);
        }
      }
      return failed;
    },
    onSuccess: async (failed) => {
      await refreshSoa(qc, orgId);
      const done = items.length - failed.length;
      if (done > 0) notifySuccess(T.bulkDone(done, choice === 'included'));
      if (failed.length) setFailures(failed);
      else {
        setJustification('');
        close();
      }
    },
  });
  return (
    <>
      {!open && (
        <Button
          variant="default"
          size="compact-sm"
          leftSection={<IconChecks size={14} />}
          onClick={() => setOpened(true)}
        >
          {T.bulkButton(items.length)}
        </Button>
      )}
      <Modal opened={opened} onClose={close} title={T.bulkTitle(items.length)} size="lg">
        <form
          noValidate
          aria-label={T.bulkTitle(items.length)}
          onSubmit={(e) => {
            e.preventDefault();
            setSubmitted(true);
            if (!missingReason) apply.mutate();
          }}
        >
          <Stack gap="sm">
            <Text fz="sm" c="dimmed">
              {T.bulkHelp}
            </Text>
            <Text fz="sm" fw={600} data-testid="soa-bulk-refs">
              {items.map((i) => i.ref).join(', ')}
            </Text>
            <SegmentedControl
              aria-label={T.bulkChoice}
              value={choice}
              onChange={(v) => setChoice(v)}
              data={[
                { value: 'included', label: T.included },
                { value: 'excluded', label: T.excluded },
              ]}
              style={{ alignSelf: 'flex-start' }}
            />
            <Textarea
              label={T.bulkJustification}
              description={choice === 'excluded' ? T.bulkJustificationExcluded : T.bulkJustificationIncluded}
              required={choice === 'excluded'}
              autosize
              minRows={2}
              value={justification}
              onChange={(e) => setJustification(e.currentTarget.value)}
              error={submitted && missingReason ? T.statedRequired : undefined}
            />
            {failures.length > 0 && (
              <Alert color="red" variant="light" role="alert" title={T.bulkFailed(failures.length)}>
                <List size="sm">
                  {failures.map((f) => (
                    <List.Item key={f}>{f}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {T.bulkCancel}
              </Button>
              <Button type="submit" loading={apply.isPending}>
                {T.bulkApply(items.length)}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
