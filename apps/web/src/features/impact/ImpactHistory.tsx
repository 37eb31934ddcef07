import { Paper, Stack, Title } from '@mantine/core';
import type { AuditEvent } from '../../api/types';
import { HistoryTimeline, useAuditTrail } from '../../ui/History';
import type { ImpactAssessment } from './api';
import { differingFields, display, fieldLabel, valuesOf } from './impact-values';
import { IMPACT_TEXT as T } from './text';

// An update event holds the whole assessment before and after: read it as the form does.
function changes(e: AuditEvent) {
  if (e.action !== 'impact_assessment.updated' || !e.before || !e.after) return null;
  const [before, after] = [valuesOf(e.before as ImpactAssessment), valuesOf(e.after as ImpactAssessment)];
  return differingFields(before, after).map((f) => ({
    field: f,
    label: fieldLabel(f),
    before: display(f, before),
    after: display(f, after),
  }));
}

/** The audit trail of one assessment, newest first: who did what, when, and each field before and after. */
export function ImpactHistory({ orgId, id }: { orgId: string; id: string }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="impact-history-title">
      <Stack gap="sm">
        <Title order={2} fz="md" id="impact-history-title">
          {T.history}
        </Title>
        <HistoryTimeline
          trail={useAuditTrail(orgId, 'impact_assessment', id)}
          emptyText={T.historyEmpty}
          compact
          describe={(e) => ({ label: T.historyActions[e.action] ?? e.action, changes: changes(e) })}
        />
      </Stack>
    </Paper>
  );
}
