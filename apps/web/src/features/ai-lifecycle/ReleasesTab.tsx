import { Stack, Text } from '@mantine/core';
import type { RiskTier } from '@fortytwo/domain';
import { Changes } from './ChangesPanel';
import { DueReassessments } from './DueReassessments';
import { Releases } from './ReleasesPanel';
import { LIFECYCLE_TEXT as T } from './text';

// Risk and impact pages import the due re-assessments from here too.
export { DueReassessments };

/** The AI system page's "Releases and changes" tab. */
export function ReleasesTab({
  orgId,
  aiSystemId,
  riskTier,
  canWrite,
  canReassess,
}: {
  orgId: string;
  aiSystemId: string;
  riskTier: RiskTier;
  canWrite: boolean;
  canReassess: boolean;
}) {
  return (
    <Stack gap="lg">
      <DueReassessments orgId={orgId} aiSystemId={aiSystemId} canComplete={canReassess} />
      <Changes orgId={orgId} aiSystemId={aiSystemId} riskTier={riskTier} canWrite={canWrite} />
      <Releases orgId={orgId} aiSystemId={aiSystemId} canWrite={canWrite} />
      <Text fz="xs" c="dimmed">
        {T.ciHint}
      </Text>
    </Stack>
  );
}
