import { Badge } from '@mantine/core';
import type { ExpiryState } from '@fortytwo/domain';
import { formatDate } from '../../ui/format';
import { EXPIRY_BADGE } from './text';

/** Current, expiring (within 30 days) or expired, with the date in the tooltip text for screen readers too. */
export function ExpiryBadge({ state, expiresOn }: { state: ExpiryState; expiresOn: string | null }) {
  const b = EXPIRY_BADGE[state];
  if (state === 'current' && !expiresOn) return null;
  return (
    <Badge
      color={b.color}
      variant="light"
      size="sm"
      title={expiresOn ? `Review or expiry date: ${formatDate(expiresOn)}` : undefined}
    >
      {b.label}
      {expiresOn && state !== 'current' ? ` · ${formatDate(expiresOn)}` : ''}
    </Badge>
  );
}
