import { Badge, Tooltip } from '@mantine/core';
import { VERSION_STATE_LABELS, type VersionState } from '@fortytwo/domain';
import type { DocumentOut, MasterState } from './api';

// How states read and look, the same on every page of step 3.

export const MASTER_STATE_LABELS: Record<MasterState | 'stale', string> = {
  missing: 'Missing',
  draft: 'Draft',
  in_review: 'In review',
  approved: 'Approved',
  published: 'In force',
  withdrawn: 'Withdrawn',
  records: 'Records kept',
  stale: 'Stale',
};

const COLORS: Record<MasterState | 'stale' | 'superseded', string> = {
  missing: 'red',
  draft: 'gray',
  in_review: 'blue',
  approved: 'indigo',
  published: 'teal',
  withdrawn: 'gray',
  records: 'teal',
  stale: 'orange',
  superseded: 'gray',
};

/** A line of the master list, or a document: its state in one badge. */
export function StateBadge({ state, size = 'sm' }: { state: MasterState | 'stale'; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  return (
    <Badge
      color={COLORS[state]}
      variant={state === 'missing' ? 'outline' : 'light'}
      size={size}
      tt="none"
      style={{ flexShrink: 0 }}
      data-state={state}
    >
      {MASTER_STATE_LABELS[state]}
    </Badge>
  );
}

/** One version's state: "Published" is "In force" while it is the version in use. */
export function VersionBadge({ state, size = 'sm' }: { state: VersionState; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color={COLORS[state]} variant="light" size={size} tt="none" style={{ flexShrink: 0 }} data-state={state}>
      {state === 'published' ? 'In force' : VERSION_STATE_LABELS[state]}
    </Badge>
  );
}

/** Where a document stands overall: in force (or stale), else its newest version's state. */
export function documentState(d: DocumentOut): MasterState | 'stale' {
  if (d.inForce) return d.stale ? 'stale' : 'published';
  if (d.latest.state === 'superseded') return 'withdrawn';
  return d.latest.state;
}

export function DocumentStateBadge({ doc }: { doc: DocumentOut }) {
  const state = documentState(doc);
  const badge = <StateBadge state={state} />;
  return doc.stale ? (
    <Tooltip label={`${doc.stale.count} change${doc.stale.count === 1 ? '' : 's'} since it was published`}>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}

/** "AI system", "SoA item": an audit entity type as people say it. */
export const entityWords = (t: string) =>
  t
    .replace(/_/g, ' ')
    .replace(/\bai\b/g, 'AI')
    .replace(/\bsoa\b/g, 'SoA')
    .replace(/\borg\b/g, 'organization');
