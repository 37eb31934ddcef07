import { z } from 'zod';
import {
  CONTROL_STATUSES,
  OCCURRENCE_OUTCOMES,
  operationFacts,
  type ControlStatus,
  type SoaItem,
} from '@fortytwo/domain';
import type { Db, Tx } from '../../platform/db/connect';
import { notFound } from '../../platform/errors';
import { today } from '../risk/read';
import { soaItems } from '../soa/service';
import { evidenceFor, evidenceForMany } from '../evidence/links';
import {
  documentTitles,
  factsOf,
  findImplementation,
  listImplementations,
  occurrenceFact,
  occurrenceFactsByRef,
  occurrencesOf,
  peopleOf,
  type ImplementationRow,
} from './repository';
import { ZPeople, type Owned, type PersonRef } from '../../platform/people';

// The controls register (what the API and the exports return): every control the SoA includes, and
// any other that already has an implementation, with the computed facts of its operation.

export const ZControlOut = z.object({
  ref: z.string(),
  title: z.string(),
  kind: z.enum(['annex_a', 'custom']),
  group: z.string(),
  included: z.boolean().nullable().describe('the SoA decision: true included, false excluded, null undecided'),
  id: z.string().nullable().describe("the implementation's id; null before anyone set it up"),
  status: z.enum(CONTROL_STATUSES).nullable().describe('null: nothing recorded yet (not started)'),
  statusSince: z.string().nullable(),
  ownerId: z.string().nullable().describe('who runs it: a key of the answer’s `people`'),
  description: z.string().describe('how the control is implemented'),
  documents: z.array(z.object({ id: z.string(), title: z.string() })),
  dueOn: z.string().nullable().describe('when the implementation is due (YYYY-MM-DD)'),
  cadenceMonths: z.number().nullable().describe('how often it runs once operating, in months; null for none'),
  operatingSince: z.string().nullable().describe('computed: the first recorded run while operating'),
  lastPerformed: z.string().nullable().describe('computed: the latest recorded run'),
  nextDue: z.string().nullable().describe('computed: one cadence after the last run of the current operating stretch'),
  overdue: z.boolean().describe('computed: the next run, or the implementation due date before it operates, is past'),
  occurrenceCount: z.number(),
  version: z.number().describe("the implementation's version (0 before it exists)"),
  updatedAt: z.string().nullable(),
});
/** A control as the reads build it: its owner embedded (the exports print it); answers carry `people`. */
export type ControlOut = z.infer<typeof ZControlOut> & Owned;

// The evidence library's summary of a piece of evidence (modules/evidence/links.ts), as attached here.
const ZEvidenceSummary = z.object({
  id: z.string(),
  number: z.number(),
  reference: z.string(),
  title: z.string(),
  kind: z.enum(['file', 'link']),
  fileName: z.string().nullable(),
  url: z.string().nullable(),
  expiresOn: z.string().nullable(),
  expiryState: z.string(),
});

export const ZOccurrenceOut = z.object({
  id: z.string(),
  performedOn: z.string(),
  performedBy: z.object({ id: z.string().nullable(), name: z.string() }),
  outcome: z.enum(OCCURRENCE_OUTCOMES),
  notes: z.string(),
  createdAt: z.string(),
  evidence: z.array(ZEvidenceSummary).describe('evidence attached to this run (subject type control_occurrence)'),
});
export type OccurrenceOut = z.infer<typeof ZOccurrenceOut>;

export const ZControlDetail = ZControlOut.extend({
  justification: z.string().describe("the SoA's reasons for including it"),
  evidence: z.array(ZEvidenceSummary).describe('evidence attached to the control (subject type control, id = ref)'),
  occurrences: z.array(ZOccurrenceOut),
});
/** One control's answer: the control and the person who owns it, in `people` (issue 19). */
export const ZControlAnswer = ZControlDetail.extend({ people: ZPeople });

export const ZControlFilter = z.object({
  status: z
    .enum([...CONTROL_STATUSES, 'none'], { error: `status must be one of: ${CONTROL_STATUSES.join(', ')}, none` })
    .optional(),
  ownerId: z.string().max(64).optional(),
  overdue: z.enum(['true', 'false'], { error: 'overdue must be true or false' }).optional(),
  kind: z.enum(['annex_a', 'custom'], { error: 'kind must be annex_a or custom' }).optional(),
});
export type ControlFilter = z.infer<typeof ZControlFilter>;

function present(
  item: SoaItem,
  row: ImplementationRow | undefined,
  facts: ReturnType<typeof occurrenceFact>[],
  people: Map<string, PersonRef>,
  docs: Map<string, { id: string; title: string }>,
  now: string,
): ControlOut {
  const computed = row
    ? operationFacts(factsOf(row), facts, now)
    : { operatingSince: null, lastPerformed: null, nextDue: null, overdue: false };
  const documentIds = row ? (JSON.parse(row.documentIds) as string[]) : [];
  return {
    ref: item.ref,
    title: item.title,
    kind: item.kind,
    group: item.group,
    included: item.included,
    id: row?.id ?? null,
    status: (row?.status as ControlStatus | undefined) ?? null,
    statusSince: row?.statusSince ?? null,
    ownerId: row?.ownerId ?? null,
    owner: (row?.ownerId && people.get(row.ownerId)) || null,
    description: row?.description ?? '',
    // A linked document deleted since drops out of the list rather than showing as a dead link.
    documents: documentIds.flatMap((id) => (docs.has(id) ? [docs.get(id)!] : [])),
    dueOn: row?.dueOn ?? null,
    cadenceMonths: row?.cadenceMonths ?? null,
    ...computed,
    occurrenceCount: facts.length,
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt ?? null,
  };
}

export async function listControls(db: Db | Tx, orgId: string, filter: ControlFilter = {}): Promise<ControlOut[]> {
  const [items, rows, facts] = await Promise.all([
    soaItems(db, orgId),
    listImplementations(db, orgId),
    occurrenceFactsByRef(db, orgId),
  ]);
  const byRef = new Map(rows.map((r) => [r.ref, r]));
  const [people, docs] = await Promise.all([
    peopleOf(
      db,
      rows.map((r) => r.ownerId),
    ),
    documentTitles(
      db,
      orgId,
      rows.flatMap((r) => JSON.parse(r.documentIds) as string[]),
    ),
  ]);
  const now = today();
  return items
    .filter((i) => i.included === true || byRef.has(i.ref))
    .map((i) => present(i, byRef.get(i.ref), facts.get(i.ref) ?? [], people, docs, now))
    .filter(
      (c) =>
        (filter.status === undefined || (c.status ?? 'none') === filter.status) &&
        (filter.ownerId === undefined || c.ownerId === filter.ownerId) &&
        (filter.overdue === undefined || String(c.overdue) === filter.overdue) &&
        (filter.kind === undefined || c.kind === filter.kind),
    );
}

/** One control of the SoA (included or not) with its implementation and every recorded run, newest first. */
export async function readControl(db: Db | Tx, orgId: string, ref: string) {
  const item = (await soaItems(db, orgId)).find((i) => i.ref === ref);
  if (!item) throw notFound(`Control ${ref}`);
  const [row, occurrences, evidence] = await Promise.all([
    findImplementation(db, orgId, ref),
    occurrencesOf(db, orgId, ref),
    evidenceFor(db, orgId, 'control', ref),
  ]);
  const runEvidence = await evidenceForMany(
    db,
    orgId,
    'control_occurrence',
    occurrences.map((o) => o.id),
  );
  const [people, docs] = await Promise.all([
    peopleOf(db, [row?.ownerId ?? null]),
    documentTitles(db, orgId, row ? (JSON.parse(row.documentIds) as string[]) : []),
  ]);
  return {
    ...present(item, row, occurrences.map(occurrenceFact), people, docs, today()),
    justification: item.justification,
    evidence,
    occurrences: occurrences.map((o): OccurrenceOut => ({
      id: o.id,
      performedOn: o.performedOn,
      performedBy: { id: o.performedBy, name: o.performedByName },
      outcome: o.outcome as OccurrenceOut['outcome'],
      notes: o.notes,
      createdAt: o.createdAt,
      evidence: runEvidence.get(o.id) ?? [],
    })),
  };
}
