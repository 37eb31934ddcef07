import { GAP_STATUS_LABELS, MATURITY_LABELS } from '@fortytwo/domain';
import type { AiSystem, Member } from '../../api/types';
import { personOf, type People } from '../../api/people';
import { StaleConflictAlert } from '../../ui/StaleConflictAlert';
import type { GapItem } from './api';
import { formatDay } from './format';
import { resultLabel } from './ResultBadge';
import type { ItemConflict as Conflict, PatchField } from './use-item-saver';
import { GAP_TEXT as T } from './text';

const FIELDS: PatchField[] = [
  'result',
  'status',
  'maturity',
  'notes',
  'justification',
  'ownerId',
  'targetDate',
  'evidenceLinks',
  'aiSystemIds',
];
const LABELS: Record<PatchField, string> = {
  result: T.result,
  status: T.status,
  maturity: T.maturity,
  notes: T.notes,
  justification: T.justification,
  ownerId: T.owner,
  targetDate: T.targetDate,
  evidenceLinks: T.evidenceLinks,
  aiSystemIds: T.aiSystems,
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** 409 on a requirement: their saved values beside the change that did not go through. */
export function ItemConflict({
  conflict,
  members,
  people,
  systems,
  onResolve,
}: {
  conflict: Conflict;
  members: Member[];
  people: People;
  systems: AiSystem[];
  onResolve: (reapply: boolean) => void;
}) {
  const { base, current, mine } = conflict;
  const show = (field: PatchField, value: unknown): string => {
    switch (field) {
      case 'result':
        return resultLabel(value as GapItem['result']);
      case 'status':
        return GAP_STATUS_LABELS[value as GapItem['status']];
      case 'maturity':
        return typeof value === 'number' ? (MATURITY_LABELS[value] ?? String(value)) : T.maturityNone;
      case 'ownerId':
        return typeof value === 'string' && value
          ? (members.find((m) => m.user.id === value)?.user.name ?? personOf(people, value)?.name ?? value)
          : T.noOwner;
      case 'targetDate':
        return formatDay(value as string | null);
      case 'aiSystemIds':
        return (value as string[]).map((id) => systems.find((s) => s.id === id)?.name ?? id).join(', ') || '—';
      case 'evidenceLinks':
        return (value as string[]).join('\n') || '—';
      case 'notes':
      case 'justification':
        return (value as string) || '—';
    }
  };
  // The fields either side changed since the version this user started from.
  const fields = FIELDS.filter((f) => f in mine || !same(base[f], current[f]));
  return (
    <StaleConflictAlert
      conflict={conflict}
      title={T.staleTitle}
      body={T.staleBody(current.ref, current.version)}
      rows={fields.map((f) => ({
        field: f,
        label: LABELS[f],
        theirs: show(f, current[f]),
        yours: show(f, f in mine ? mine[f] : base[f]),
      }))}
      labels={{
        field: T.staleField,
        theirs: T.staleTheirs,
        yours: T.staleYours,
        reapply: T.staleReapply,
        discard: T.staleDiscard,
      }}
      onReapply={() => onResolve(true)}
      onDiscard={() => onResolve(false)}
    />
  );
}
