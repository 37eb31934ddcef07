import { Badge, Button, Group, Paper, Stack, Table, Text, Timeline } from '@mantine/core';
import { IconCircleCheck, IconGauge, IconPencil, IconPlus, IconShieldCheck, IconTrash } from '@tabler/icons-react';
import { RISK_LEVEL_LABELS, TREATMENT_OPTION_LABELS, type RiskLevel, type TreatmentOption } from '@fortytwo/domain';
import type { AuditEvent } from '../../api/types';
import { formatDate, formatDateTime, formatRelative } from '../../ui/format';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import { useRiskHistory } from './api';
import { RISK_TEXT as T } from './text';

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (v && typeof v === 'object' ? (v as Rec) : {});
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const level = (v: unknown) => (typeof v === 'string' && v in RISK_LEVEL_LABELS ? RISK_LEVEL_LABELS[v as RiskLevel] : '');
const rating = (l: unknown, c: unknown, lv: unknown) => (typeof l === 'number' && typeof c === 'number' ? `${l} × ${c}${level(lv) ? ` (${level(lv)})` : ''}` : '—');
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
  return fields.filter(([f]) => JSON.stringify(before[f]) !== JSON.stringify(after[f])).map(([f, label, show]) => ({ field: f, label, before: show(before) || '—', after: show(after) || '—' }));
}

/** One line saying what happened, and the detail below it. */
function describe(e: AuditEvent): { title: string; detail: string | null; icon: typeof IconPlus; color: string } {
  const a = rec(e.after);
  const b = rec(e.before);
  switch (e.action) {
    case 'risk.created':
      return { title: T.historyLabels.created, detail: `${T.inherent}: ${rating(a.likelihood, a.consequence, a.inherentLevel)}`, icon: IconPlus, color: 'teal' };
    case 'risk.reassessed':
      return { title: T.historyLabels.reassessed, detail: `${rating(b.likelihood, b.consequence, b.level)} → ${rating(a.likelihood, a.consequence, a.level)}${str(a.note) ? ` · ${str(a.note)}` : ''}`, icon: IconGauge, color: 'blue' };
    case 'risk.deleted':
      return { title: T.historyLabels.deleted, detail: null, icon: IconTrash, color: 'red' };
    case 'risk_treatment.created': {
      const refs = Array.isArray(a.controlRefs) ? a.controlRefs.join(', ') : '';
      return { title: `${T.historyLabels.treatmentAdded}: ${TREATMENT_OPTION_LABELS[a.option as TreatmentOption] ?? ''}`, detail: [refs, a.residualLevel ? `${T.residual}: ${rating(a.residualLikelihood, a.residualConsequence, a.residualLevel)}` : ''].filter(Boolean).join(' · ') || null, icon: IconShieldCheck, color: 'teal' };
    }
    case 'risk_treatment.deleted':
      return { title: `${T.historyLabels.treatmentRemoved}: ${TREATMENT_OPTION_LABELS[b.option as TreatmentOption] ?? ''}`, detail: null, icon: IconTrash, color: 'red' };
    case 'risk_treatment.updated':
      return { title: T.historyLabels.treatmentChanged, detail: null, icon: IconPencil, color: 'blue' };
    case 'risk_acceptance.created':
      return { title: T.historyLabels.accepted, detail: `${level(a.level)} · ${T.expiresAt.toLowerCase()} ${str(a.expiresAt) ? formatDate(str(a.expiresAt)) : '—'}${str(a.rationale) ? ` · ${str(a.rationale)}` : ''}`, icon: IconCircleCheck, color: 'teal' };
    default:
      return { title: e.action.endsWith('.updated') ? T.historyLabels.updated : e.action, detail: null, icon: IconPencil, color: 'blue' };
  }
}

function Changes({ e }: { e: AuditEvent }) {
  const rows = changes(e);
  if (rows.length === 0) return null;
  return (
    <Table withTableBorder fz="sm" mt={6} maw={820} layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={200}>{T.historyField}</Table.Th>
          <Table.Th>{T.historyBefore}</Table.Th>
          <Table.Th>{T.historyAfter}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((c) => (
          <Table.Tr key={c.field} data-field={c.field}>
            <Table.Td fw={600} style={{ verticalAlign: 'top' }}>
              {c.label}
            </Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap', verticalAlign: 'top' }}>
              <Text fz="sm" td="line-through" c="dimmed" component="span">
                {c.before}
              </Text>
            </Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap', verticalAlign: 'top' }}>{c.after}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The audit trail of a risk with its treatments and acceptances, newest first. */
export function RiskHistory({ riskId }: { riskId: string }) {
  const { orgId, can } = useOrg();
  const allowed = can('audit_event.read');
  const history = useRiskHistory(orgId, riskId, allowed);
  if (!allowed) return <Text fz="sm" c="dimmed">{T.historyNeedsRole}</Text>;
  if (history.isPending) return <Loading />;
  if (history.isError) return <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />;
  if (history.events.length === 0) return <Text fz="sm">{T.noHistory}</Text>;
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Timeline bulletSize={28} lineWidth={2}>
          {history.events.map((e) => {
            const d = describe(e);
            return (
              <Timeline.Item
                key={e.id}
                bullet={<d.icon size={14} />}
                data-testid="history-entry"
                data-action={e.action}
                title={
                  <Group gap="xs">
                    <Text fw={600} fz="sm">
                      {e.actor.name}
                    </Text>
                    <Badge size="sm" variant="light" color={d.color} tt="none">
                      {d.title}
                    </Badge>
                    <Text fz="xs" c="dimmed">
                      {formatDateTime(e.at)} · {formatRelative(e.at)}
                    </Text>
                  </Group>
                }
              >
                {d.detail && (
                  <Text fz="sm" mt={4}>
                    {d.detail}
                  </Text>
                )}
                {e.action.endsWith('.updated') && <Changes e={e} />}
              </Timeline.Item>
            );
          })}
        </Timeline>
        {history.hasNextPage && (
          <Button variant="default" onClick={history.fetchNextPage} loading={history.isFetchingNextPage} w="fit-content">
            {T.historyMore}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
