import { EmptyState, Paper, Stack, Text } from '@mantine/core';
import { IconClipboardList } from '@tabler/icons-react';
import { NewAssessmentForm } from './NewAssessmentForm';
import { GAP_TEXT as T } from './text';

/** The first visit: what a gap analysis is, why it comes first, and the form to start one. */
export function GapEmpty({ orgId, canWrite }: { orgId: string; canWrite: boolean }) {
  return (
    <Paper withBorder radius="md" p="xl">
      <EmptyState
        size="lg"
        variant="light"
        icon={<IconClipboardList size={32} />}
        title={T.emptyTitle}
        description={
          <Stack gap="sm" maw={640} mx="auto">
            <Text fz="sm">{T.emptyBody}</Text>
            <Text fz="sm">{T.emptyWhy}</Text>
            {!canWrite && (
              <Text fz="sm" fw={500}>
                {T.emptyReadOnly}
              </Text>
            )}
          </Stack>
        }
      >
        {canWrite && (
          <EmptyState.Actions>
            <Stack w={400} maw="100%" mx="auto" ta="left">
              <NewAssessmentForm orgId={orgId} />
            </Stack>
          </EmptyState.Actions>
        )}
      </EmptyState>
    </Paper>
  );
}
