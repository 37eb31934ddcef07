import { Paper } from '@mantine/core';
import type { AuditEvent } from '../../api/types';
import { HistoryTimeline } from '../../ui/History';
import { useMemberName } from '../members/api';
import { useAiSystemHistory } from './api';
import { fieldChanges, verbOf } from './history';
import { displayValue } from './labels';
import { PROFILE_FIELD_LABELS, PROFILE_TEXT } from './profile-text';
import { displayPart, PROFILE_FIELDS } from './profile-values';
import { fieldLabel, INVENTORY_TEXT as T } from './text';

// A profile save (resources & use) changes other parts than the inventory row: its own words for them.
const PROFILE_ACTION = 'ai_system.profile_updated';

/** The history of an AI system: its details and its A.4 profile, field by field. */
export function AiSystemHistory({ orgId, id }: { orgId: string; id: string }) {
  const trail = useAiSystemHistory(orgId, id);
  const memberName = useMemberName(orgId);
  const changes = (e: AuditEvent) =>
    e.action === PROFILE_ACTION
      ? fieldChanges(e, PROFILE_FIELDS).map((c) => ({
          field: c.field,
          label: (PROFILE_FIELD_LABELS as Record<string, string>)[c.field] ?? c.field,
          before: displayPart(c.field, c.before),
          after: displayPart(c.field, c.after),
        }))
      : fieldChanges(e).map((c) => ({
          field: c.field,
          label: fieldLabel(c.field),
          before: displayValue(c.field, c.before, memberName),
          after: displayValue(c.field, c.after, memberName),
        }));
  return (
    <Paper withBorder radius="md" p="lg">
      <HistoryTimeline
        trail={trail}
        emptyText={T.historyEmpty}
        describe={(e) => {
          const verb = verbOf(e.action);
          if (verb === 'created') return { label: T.historyCreated };
          if (verb === 'deleted') return { label: T.historyDeleted };
          return {
            label: e.action === PROFILE_ACTION ? PROFILE_TEXT.historyUpdated : T.historyUpdated,
            tone: 'changed',
            changes: changes(e),
          };
        }}
      />
    </Paper>
  );
}
