import { Stack } from '@mantine/core';
import { IconClipboardList } from '@tabler/icons-react';
import { FirstVisit } from '../../ui/FirstVisit';
import { NewAssessmentForm } from './NewAssessmentForm';
import { GAP_TEXT as T } from './text';

/** The first visit: what a gap analysis is, why it comes first, and the form to start one. */
export function GapEmpty({ orgId, canWrite }: { orgId: string; canWrite: boolean }) {
  return (
    <FirstVisit
      icon={<IconClipboardList size={32} />}
      title={T.emptyTitle}
      body={T.emptyBody}
      why={T.emptyWhy}
      readOnlyNote={canWrite ? undefined : T.emptyReadOnly}
      width={640}
      actions={
        canWrite && (
          <Stack w={400} maw="100%" mx="auto" ta="left">
            <NewAssessmentForm orgId={orgId} />
          </Stack>
        )
      }
    />
  );
}
