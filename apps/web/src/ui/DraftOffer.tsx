import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { formatDateTime } from './format';

export const DRAFT_TEXT = {
  title: 'Unsaved changes from before',
  offer: (at: string) =>
    `You left unsaved changes here (${at}). They are kept in this browser until you restore or discard them.`,
  restore: 'Restore my changes',
  discard: 'Discard them',
  restored: 'Your unsaved changes are back, on top of the saved version. Review them and save.',
};

/** The offer of a draft kept from an earlier visit (see use-draft.ts): restore it, or let it go. */
export function DraftOffer({ draft }: { draft: { at: string; restore: () => void; discard: () => void } }) {
  return (
    <Alert
      color="blue"
      variant="light"
      title={DRAFT_TEXT.title}
      icon={<IconRestore size={18} />}
      data-testid="draft-offer"
    >
      <Stack gap="xs">
        <Text fz="sm">{DRAFT_TEXT.offer(formatDateTime(draft.at))}</Text>
        <Group gap="xs">
          <Button size="xs" onClick={draft.restore}>
            {DRAFT_TEXT.restore}
          </Button>
          <Button size="xs" variant="default" onClick={draft.discard}>
            {DRAFT_TEXT.discard}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
