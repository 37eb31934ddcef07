import {
  AI_ROLES,
  CONTEXT_CATEGORY_LABELS,
  PARTY_CATEGORY_LABELS,
  type AiRole,
  type ContextCategory,
  type PartyCategory,
} from '@fortytwo/domain';
import type { AuditEvent } from '../../api/types';
import { CLIMATE_LABELS, roleSummary } from './context-values';
import { formatDay } from './review-date';
import {
  CONTEXT_TEXT,
  ISSUE_FIELD_LABELS,
  ISSUE_KIND_LABELS,
  PARTY_FIELD_LABELS,
  PARTIES_TEXT,
  REQUIREMENT_KIND_LABELS,
  ROLE_TEXT,
} from './text';
import type { AiRoleDetermination, ContextEntityType, ContextIssue, PartyRequirement } from './types';

/** One line of an update event: a field (or a role, a requirement) before and after. */
export type Change = { key: string; label: string; before: string; after: string };

const rec = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : '—');
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function fieldChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  fields: Record<string, string>,
  show: (field: string, v: unknown) => string,
): Change[] {
  return Object.entries(fields)
    .filter(([f]) => !same(before[f], after[f]))
    .map(([f, label]) => ({ key: f, label, before: show(f, before[f]), after: show(f, after[f]) }));
}

const climate = (v: unknown) =>
  CLIMATE_LABELS[v === null || v === undefined ? 'undecided' : v ? 'relevant' : 'not_relevant'];

/** The context record: the climate fields and summary, and one line per AI role that changed. */
function contextChanges(b: Record<string, unknown>, a: Record<string, unknown>): Change[] {
  const out = fieldChanges(
    b,
    a,
    { climateRelevant: CONTEXT_TEXT.climateDecision, climateReason: CONTEXT_TEXT.climateReason },
    (f, v) => (f === 'climateRelevant' ? climate(v) : text(v)),
  );
  const roles = (v: unknown) => (Array.isArray(v) ? (v as AiRoleDetermination[]) : []);
  const [rb, ra] = [roles(b.aiRoles), roles(a.aiRoles)];
  for (const role of AI_ROLES as readonly AiRole[]) {
    const [x, y] = [rb.find((r) => r.role === role), ra.find((r) => r.role === role)];
    if (!same(x, y))
      out.push({ key: role, label: ROLE_TEXT[role].title, before: roleSummary(x), after: roleSummary(y) });
  }
  return [...out, ...fieldChanges(b, a, { summary: CONTEXT_TEXT.summary }, (_f, v) => text(v))];
}

function showIssueField(field: string, v: unknown): string {
  if (field === 'kind') return ISSUE_KIND_LABELS[v as ContextIssue['kind']] ?? text(v);
  if (field === 'category') return CONTEXT_CATEGORY_LABELS[v as ContextCategory] ?? text(v);
  if (field === 'reviewDate') return typeof v === 'string' ? formatDay(v) : '—';
  return text(v);
}

/** A requirement on one line: kind, what it asks, and the decision. */
export function requirementLine(r: PartyRequirement): string {
  const decision = r.addressed
    ? [
        PARTIES_TEXT.addressed,
        r.refs.length ? `${PARTIES_TEXT.through} ${r.refs.join(', ')}` : null,
        r.how ? `(${r.how})` : null,
      ]
        .filter(Boolean)
        .join(' ')
    : PARTIES_TEXT.notAddressed;
  return `${REQUIREMENT_KIND_LABELS[r.kind] ?? r.kind}: ${r.description} — ${decision}`;
}

/** The party's fields, then one line per requirement added, removed or changed (matched by id). */
function partyChanges(b: Record<string, unknown>, a: Record<string, unknown>): Change[] {
  const { requirements: _r, ...plain } = PARTY_FIELD_LABELS;
  const out = fieldChanges(b, a, plain, (f, v) =>
    f === 'category' ? (PARTY_CATEGORY_LABELS[v as PartyCategory] ?? text(v)) : text(v),
  );
  const reqs = (v: unknown) => (Array.isArray(v) ? (v as PartyRequirement[]) : []);
  const [rb, ra] = [reqs(b.requirements), reqs(a.requirements)];
  const ids = [...new Set([...rb.map((r) => r.id), ...ra.map((r) => r.id)])];
  for (const id of ids) {
    const [x, y] = [rb.find((r) => r.id === id), ra.find((r) => r.id === id)];
    if (!same(x, y))
      out.push({
        key: `req-${id}`,
        label: PARTY_FIELD_LABELS.requirements,
        before: x ? requirementLine(x) : '—',
        after: y ? requirementLine(y) : '—',
      });
  }
  return out;
}

/** What an update event changed, as people read it. */
/** The context record before its first save: what the first save's event compares with. */
const UNSAVED_CONTEXT = { climateRelevant: null, climateReason: '', aiRoles: [], summary: '' };

export function changesOf(entityType: ContextEntityType, e: AuditEvent): Change[] {
  const [b, a] = [rec(e.before), rec(e.after)];
  switch (entityType) {
    case 'org_context':
      return contextChanges(e.before ? b : UNSAVED_CONTEXT, a);
    case 'context_issue':
      return fieldChanges(b, a, ISSUE_FIELD_LABELS, showIssueField);
    case 'interested_party':
      return partyChanges(b, a);
  }
}

/** "context_issue.updated" → "updated"; the record is implied by the page. */
export const verbOf = (action: string) => action.split('.').at(-1) ?? action;
