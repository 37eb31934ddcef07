import { Badge } from '@mantine/core';
import type { ThresholdState } from '@fortytwo/domain';
import { METRICS_TEXT as T } from './text';

export function StateBadge({ state }: { state: ThresholdState | null }) {
  if (!state)
    return (
      <Badge variant="outline" color="gray">
        {T.noMeasurement}
      </Badge>
    );
  return (
    <Badge variant="light" color={state === 'within' ? 'teal' : 'red'}>
      {T.state[state]}
    </Badge>
  );
}
