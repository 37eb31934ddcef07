import { Paper, Text } from '@mantine/core';
import {
  cadenceLabel,
  CONTROL_STATUS_LABELS,
  OCCURRENCE_OUTCOME_LABELS,
  type ControlStatus,
  type OccurrenceOutcome,
} from '@fortytwo/domain';
import type { AuditEvent } from '../../api/types';
import { formatDate } from '../../ui/format';
import { HistoryTimeline, useAuditTrail, type EntryView } from '../../ui/History';
import { useOrg } from '../shell/org-context';
import { CONTROLS_TEXT as T } from './text';

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (v && typeof v === 'object' ? (v as Rec) : {});
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const status = (v: unknown) =>
  typeof v === 'string' && v in CONTROL_STATUS_LABELS ? CONTROL_STATUS_LABELS[v as ControlStatus] : '—';
const FIELDS: [string, string, (x: Rec) => string][] = [
  ['status', T.fields.status, (x) => status(x.status)],
  ['owner', T.fields.ownerId, (x) => str(rec(x.owner).name) || '—'],
  ['description', T.fields.description, (x) => str(x.description) || '—'],
  [
    'documents',
    T.fields.documentIds,
    (x) => (Array.isArray(x.documents) ? x.documents.map((d) => str(rec(d).title)).join(', ') : '') || '—',
  ],
  ['dueOn', T.fields.dueOn, (x) => (str(x.dueOn) ? formatDate(str(x.dueOn)) : '—')],
  [
    'cadenceMonths',
    T.fields.cadenceMonths,
    (x) => cadenceLabel(typeof x.cadenceMonths === 'number' ? x.cadenceMonths : null),
  ],
];
const changes = (e: AuditEvent) => {
  const b = rec(e.before);
  const a = rec(e.after);
  return FIELDS.filter(([f]) => f in a && JSON.stringify(b[f]) !== JSON.stringify(a[f])).map(([f, label, show]) => ({
    field: f,
    label,
    before: show(b),
    after: show(a),
  }));
};

function describe(e: AuditEvent): EntryView {
  const a = rec(e.after);
  const b = rec(e.before);
  const run = (x: Rec) =>
    `${formatDate(str(x.performedOn))} · ${OCCURRENCE_OUTCOME_LABELS[x.outcome as OccurrenceOutcome] ?? ''} · ${str(x.performedBy)}${str(x.notes) ? ` · ${str(x.notes)}` : ''}`;
  switch (e.action) {
    case 'control_implementation.created':
      return a.via
        ? { label: T.historyLabels.viaSoa, detail: status(a.status), tone: 'added' }
        : { label: T.historyLabels.created, detail: status(a.status), tone: 'added' };
    case 'control_implementation.updated':
      return a.via
        ? { label: T.historyLabels.viaSoa, detail: `${status(b.status)} → ${status(a.status)}`, tone: 'changed' }
        : { label: T.historyLabels.updated, tone: 'changed', changes: changes(e) };
    case 'control_occurrence.created':
      return { label: T.historyLabels.occurrence, detail: run(a), tone: 'added' };
    case 'control_occurrence.deleted':
      return { label: T.historyLabels.occurrenceDeleted, detail: run(b), tone: 'removed' };
    default:
      return { label: e.action, tone: 'changed' };
  }
}

/** The audit trail of one control: implementation changes and recorded runs, newest first. */
export function ControlHistory({ controlRef }: { controlRef: string }) {
  const { orgId, can } = useOrg();
  const allowed = can('audit_event.read');
  const trail = useAuditTrail(orgId, 'control', controlRef, allowed);
  if (!allowed)
    return (
      <Text fz="sm" c="dimmed">
        {T.historyNeedsRole}
      </Text>
    );
  return (
    <Paper withBorder radius="md" p="lg">
      <HistoryTimeline trail={trail} emptyText={T.noHistory} describe={describe} />
    </Paper>
  );
}
