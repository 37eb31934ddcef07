import { HistoryTimeline, useAuditTrail } from '../../ui/History';
import { changesOf, verbOf } from './history';
import { COMMON_TEXT as T } from './text';
import type { ContextEntityType } from './types';

const VERBS: Record<string, string> = { created: T.historyCreated, deleted: T.historyDeleted };

/** The audit trail of one context record, newest first, with what each save changed. */
export function RecordHistory({
  orgId,
  entityType,
  entityId,
}: {
  orgId: string;
  entityType: ContextEntityType;
  entityId: string;
}) {
  return (
    <HistoryTimeline
      trail={useAuditTrail(orgId, entityType, entityId)}
      describe={(e) => {
        const verb = verbOf(e.action);
        return {
          label: VERBS[verb] ?? T.historyUpdated,
          changes:
            verb === 'updated'
              ? changesOf(entityType, e).map((c) => ({
                  field: c.key,
                  label: c.label,
                  before: c.before,
                  after: c.after,
                }))
              : null,
        };
      }}
    />
  );
}
