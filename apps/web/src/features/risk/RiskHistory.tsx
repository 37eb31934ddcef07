import { Paper, Text } from '@mantine/core';
import { RISK_LEVEL_LABELS, TREATMENT_OPTION_LABELS, type RiskLevel, type TreatmentOption } from '@fortytwo/domain';
import type { AuditEvent } from '../../api/types';
import { formatDate } from '../../ui/format';
import { HistoryTimeline, useAuditTrail, type EntryView } from '../../ui/History';
import { useOrg } from '../shell/org-context';
import { RISK_TEXT as T } from './text';

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (v && typeof v === 'object' ? (v as Rec) : {});
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const level = (v: unknown) =>
  typeof v === 'string' && v in RISK_LEVEL_LABELS ? RISK_LEVEL_LABELS[v as RiskLevel] : '';
const rating = (l: unknown, c: unknown, lv: unknown) =>
  typeof l === 'number' && typeof c === 'number' ? `${l} × ${c}${level(lv) ? ` (${level(lv)})` : ''}` : '—';
const nameOf = (v: unknown) => str(rec(v).name) || '—';

// The fields of a change worth showing, with how each reads.
const RISK_FIELDS: [string, string, (x: Rec) => string][] = [
  ['title', T.fields.title, (x) => str(x.title)],
  ['aiSystemId', T.fields.aiSystem, (x) => (x.aiSystem ? nameOf(x.aiSystem) : T.filters.orgWide)],
  ['source', T.fields.source, (x) => str(x.sourceLabel) || str(x.source)],
  ['description', T.fields.description, (x) => str(x.description)],
  ['consequencesOrganization', T.fields.consequencesOrganization, (x) => str(x.consequencesOrganization)],
  ['consequencesIndividuals', T.fields.consequencesIndividuals, (x) => str(x.consequencesIndividuals)],
  ['consequencesSociety', T.fields.consequencesSociety, (x) => str(x.consequencesSociety)],
  ['ownerId', T.fields.owner, (x) => (x.owner ? nameOf(x.owner) : '—')],
  ['reviewDate', T.fields.reviewDate, (x) => (str(x.reviewDate) ? formatDate(str(x.reviewDate)) : '—')],
  ['status', T.fields.status, (x) => (x.status === 'closed' ? T.statuses.closed : T.statuses.open)],
];
const TREATMENT_FIELDS: [string, string, (x: Rec) => string][] = [
  ['option', T.option, (x) => TREATMENT_OPTION_LABELS[x.option as TreatmentOption] ?? str(x.option)],
  ['description', T.treatmentDescription, (x) => str(x.description)],
  ['controlRefs', T.controls, (x) => (Array.isArray(x.controlRefs) ? x.controlRefs.join(', ') : '') || '—'],
  ['residualScore', T.residual, (x) => rating(x.residualLikelihood, x.residualConsequence, x.residualLevel)],
  ['verification', T.verification, (x) => str(x.verification)],
  ['effectiveness', T.effectiveness, (x) => T.effectivenessLabels[str(x.effectiveness)] ?? '—'],
];

function changes(e: AuditEvent) {
  const before = rec(e.before);
  const after = rec(e.after);
  const fields = e.action.startsWith('risk_treatment.') ? TREATMENT_FIELDS : RISK_FIELDS;
  return fields
    .filter(([f]) => JSON.stringify(before[f]) !== JSON.stringify(after[f]))
    .map(([f, label, show]) => ({ field: f, label, before: show(before) || '—', after: show(after) || '—' }));
}

/** One line saying what happened, and the detail below it. */
function describe(e: AuditEvent): EntryView {
  const a = rec(e.after);
  const b = rec(e.before);
  switch (e.action) {
    case 'risk.created':
      return {
        label: T.historyLabels.created,
        detail: `${T.inherent}: ${rating(a.likelihood, a.consequence, a.inherentLevel)}`,
        tone: 'added',
      };
    case 'risk.reassessed':
      return {
        label: T.historyLabels.reassessed,
        detail: `${rating(b.likelihood, b.consequence, b.level)} → ${rating(a.likelihood, a.consequence, a.level)}${str(a.note) ? ` · ${str(a.note)}` : ''}`,
        tone: 'changed',
      };
    case 'risk.deleted':
      return { label: T.historyLabels.deleted, detail: null, tone: 'removed' };
    case 'risk_treatment.created': {
      const refs = Array.isArray(a.controlRefs) ? a.controlRefs.join(', ') : '';
      return {
        label: `${T.historyLabels.treatmentAdded}: ${TREATMENT_OPTION_LABELS[a.option as TreatmentOption] ?? ''}`,
        detail:
          [
            refs,
            a.residualLevel
              ? `${T.residual}: ${rating(a.residualLikelihood, a.residualConsequence, a.residualLevel)}`
              : '',
          ]
            .filter(Boolean)
            .join(' · ') || null,
        tone: 'added',
      };
    }
    case 'risk_treatment.deleted':
      return {
        label: `${T.historyLabels.treatmentRemoved}: ${TREATMENT_OPTION_LABELS[b.option as TreatmentOption] ?? ''}`,
        detail: null,
        tone: 'removed',
      };
    case 'risk_treatment.updated':
      return { label: T.historyLabels.treatmentChanged, detail: null, tone: 'changed' };
    case 'risk_acceptance.created':
      return {
        label: T.historyLabels.accepted,
        detail: `${level(a.level)} · ${T.expiresAt.toLowerCase()} ${str(a.expiresAt) ? formatDate(str(a.expiresAt)) : '—'}${str(a.rationale) ? ` · ${str(a.rationale)}` : ''}`,
        tone: 'approved',
      };
    default:
      return {
        label: e.action.endsWith('.updated') ? T.historyLabels.updated : e.action,
        detail: null,
        tone: 'changed',
      };
  }
}

/** The audit trail of a risk with its treatments and acceptances, newest first. */
export function RiskHistory({ riskId }: { riskId: string }) {
  const { orgId, can } = useOrg();
  const allowed = can('audit_event.read');
  const trail = useAuditTrail(orgId, 'risk', riskId, allowed);
  if (!allowed)
    return (
      <Text fz="sm" c="dimmed">
        {T.historyNeedsRole}
      </Text>
    );
  return (
    <Paper withBorder radius="md" p="lg">
      <HistoryTimeline
        trail={trail}
        emptyText={T.noHistory}
        describe={(e) => ({ ...describe(e), ...(e.action.endsWith('.updated') ? { changes: changes(e) } : {}) })}
      />
    </Paper>
  );
}
