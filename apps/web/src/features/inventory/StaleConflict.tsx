import type { AiSystem } from '../../api/types';
import { formatDateTime } from '../../ui/format';
import { StaleConflictAlert } from '../../ui/StaleConflictAlert';
import { differingFields, valuesOf, type AiSystemFormValues } from './form-values';
import { displayValue } from './labels';
import { fieldLabel, INVENTORY_TEXT as T } from './text';

export type Conflict = { base: AiSystem; current: AiSystem; mine: AiSystemFormValues };

/** 409 STALE_VERSION on an AI system: their saved values next to yours, field by field. */
export function StaleConflict({
  conflict,
  memberName,
  onReapply,
  onDiscard,
}: {
  conflict: Conflict;
  memberName: (id: string) => string;
  onReapply: () => void;
  onDiscard: () => void;
}) {
  const { base, current, mine } = conflict;
  const theirs = valuesOf(current);
  const startedFrom = valuesOf(base);
  const fields = [...new Set([...differingFields(startedFrom, theirs), ...differingFields(startedFrom, mine)])];
  const who = `The saved version is ${current.version} (you started from ${base.version}), last saved ${formatDateTime(current.updatedAt)}.`;
  return (
    <StaleConflictAlert
      conflict={conflict}
      title={T.staleTitle}
      body={T.staleBody(who)}
      rows={fields.map((f) => ({ field: f, label: fieldLabel(f), theirs: displayValue(f, theirs[f], memberName), yours: displayValue(f, mine[f], memberName) }))}
      labels={{ field: T.staleField, theirs: T.staleTheirs, yours: T.staleYours, reapply: T.staleReapply, discard: T.staleDiscard }}
      onReapply={onReapply}
      onDiscard={onDiscard}
    />
  );
}
