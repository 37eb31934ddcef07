import { Badge } from '@mantine/core';
import { CONTROL_STATUS_LABELS, type ControlStatus } from '@fortytwo/domain';
import { CONTROLS_TEXT as T } from './text';

const COLORS: Record<ControlStatus, string> = {
  planned: 'gray',
  implementing: 'blue',
  operating: 'teal',
  needs_rework: 'orange',
};

/** A control's implementation status; "not started" while nothing is recorded. */
export function StatusBadge({ status }: { status: ControlStatus | null }) {
  return (
    <Badge variant="light" color={status ? COLORS[status] : 'gray'} data-status={status ?? 'none'}>
      {status ? CONTROL_STATUS_LABELS[status] : T.notStarted}
    </Badge>
  );
}
