import { Badge } from '@mantine/core';
import { currentWorking, useAssessments } from './api';
import { formatPercent } from './format';
import { NAV_LABELS } from '../shell/nav-labels';

/** Step 1's progress in the navigation: the current assessment's overall readiness. */
export function GapNavBadge({ orgId }: { orgId: string }) {
  const list = useAssessments(orgId);
  const current = list.data ? currentWorking(list.data) : undefined;
  if (!current || current.overall === null) return null;
  return (
    <Badge
      size="sm"
      variant="light"
      color="teal"
      aria-label={`${NAV_LABELS.gapOverall} ${formatPercent(current.overall)}`}
    >
      {`${Math.round(current.overall)}%`}
    </Badge>
  );
}
