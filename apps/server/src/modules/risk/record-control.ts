import { ROLE_LABELS, type Role } from '@fortytwo/domain';
import type { Db } from '../../platform/db/connect';
import {
  nextReviewDate,
  personWithRole,
  type ChangeLogEntry,
  type ControlBlock,
} from '../../platform/documents/control-block';
import { readSettings } from '../documents/settings';
import { documentType } from '../documents/types';
import { readCriteriaInForce } from './criteria';
import { today } from '../../platform/clock';

// The document-control block of the step-4 exports (risk register, treatment plan, SoA), rendered
// from the records' own approval data until they are issued as controlled documents.

type Approval = {
  number: number;
  approvedAt: string;
  approvedBy: string | null;
  approvedByName: string;
  content: string;
};

async function common(db: Db, orgId: string) {
  const [org, settings, members, scope, criteria] = await Promise.all([
    db.selectFrom('organizations').select('name').where('id', '=', orgId).executeTakeFirstOrThrow(),
    readSettings(db, orgId),
    db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.userId')
      .select(['users.id', 'users.name', 'memberships.role'])
      .where('memberships.orgId', '=', orgId)
      .execute(),
    db
      .selectFrom('scopeRevisions')
      .select(['revision', 'approvedAt'])
      .where('orgId', '=', orgId)
      .orderBy('revision', 'desc')
      .executeTakeFirst(),
    readCriteriaInForce(db, orgId),
  ]);
  const byId = new Map(members.map((m) => [m.id, m]));
  const withRole = (id: string | null, name: string) =>
    personWithRole(name, id && byId.get(id) ? ROLE_LABELS[byId.get(id)!.role as Role] : null);
  const owner =
    settings.defaultOwnerId && byId.get(settings.defaultOwnerId)
      ? withRole(settings.defaultOwnerId, byId.get(settings.defaultOwnerId)!.name)
      : null;
  const derivedFrom: [string, string][] = [
    [
      'scope',
      scope ? `revision ${scope.revision}, approved ${scope.approvedAt.slice(0, 10)}` : 'no approved scope yet',
    ],
    [
      'risk criteria',
      `no. ${criteria.number} (${criteria.status === 'approved' ? `approved ${criteria.approvedAt?.slice(0, 10) ?? ''}` : 'draft, not approved'})`,
    ],
  ];
  return { organization: org.name, prefix: settings.codePrefix, owner, withRole, derivedFrom };
}

const ackNote = (content: string) => {
  const ack = (JSON.parse(content) as { acknowledgement?: { text: string; warnings: unknown[] } | null })
    .acknowledgement;
  return ack
    ? `; approved past ${ack.warnings.length} warning${ack.warnings.length === 1 ? '' : 's'}: “${ack.text}”`
    : '';
};
const changeLog = (rows: Approval[], what: string): ChangeLogEntry[] =>
  rows.map((r) => ({
    version: String(r.number),
    date: r.approvedAt.slice(0, 10),
    by: r.approvedByName,
    change: `${what} ${r.number} approved${ackNote(r.content)}`,
  }));

async function planApprovals(db: Db, orgId: string) {
  return db
    .selectFrom('riskPlanApprovals')
    .select(['number', 'approvedAt', 'approvedBy', 'approvedByName', 'content'])
    .where('orgId', '=', orgId)
    .orderBy('number', 'desc')
    .execute();
}

/** The SoA's block: `shown` is the version the file shows (approved, or the draft of the next one). */
export async function soaControlBlock(
  db: Db,
  orgId: string,
  shown: { version: number; approved: boolean },
): Promise<ControlBlock> {
  const [c, versions, plans] = await Promise.all([
    common(db, orgId),
    db
      .selectFrom('soaVersions')
      .select(['number', 'approvedAt', 'approvedBy', 'approvedByName', 'content'])
      .where('orgId', '=', orgId)
      .orderBy('number', 'desc')
      .execute(),
    planApprovals(db, orgId),
  ]);
  const mine = shown.approved ? versions.find((v) => v.number === shown.version) : undefined;
  return {
    organization: c.organization,
    documentId: `${c.prefix}-SOA`,
    version: shown.approved ? `${shown.version} (approved)` : `draft of ${shown.version}, not approved`,
    owner: c.owner,
    approver: mine ? c.withRole(mine.approvedBy, mine.approvedByName) : null,
    approvedAt: mine?.approvedAt ?? null,
    nextReview: nextReviewDate(mine?.approvedAt ?? null, documentType('statement-of-applicability').reviewMonths),
    derivedFrom: [
      ...c.derivedFrom,
      [
        'treatment plan',
        plans[0] ? `no. ${plans[0].number}, approved ${plans[0].approvedAt.slice(0, 10)}` : 'not approved yet',
      ],
    ],
    changeLog: changeLog(
      versions.filter((v) => v.number <= shown.version),
      'Version',
    ),
  };
}

export async function planControlBlock(
  db: Db,
  orgId: string,
  shown: { number: number; approved: boolean },
): Promise<ControlBlock> {
  const [c, plans] = await Promise.all([common(db, orgId), planApprovals(db, orgId)]);
  const mine = shown.approved ? plans.find((p) => p.number === shown.number) : undefined;
  return {
    organization: c.organization,
    documentId: `${c.prefix}-RTP`,
    version: shown.approved ? `${shown.number} (approved)` : `draft of ${shown.number}, not approved`,
    owner: c.owner,
    approver: mine ? c.withRole(mine.approvedBy, mine.approvedByName) : null,
    approvedAt: mine?.approvedAt ?? null,
    nextReview: nextReviewDate(mine?.approvedAt ?? null, documentType('risk-treatment-plan').reviewMonths),
    derivedFrom: c.derivedFrom,
    changeLog: changeLog(plans, 'Plan'),
  };
}

/** The register is a live record: its block names the criteria it rates by and the plan that treats it. */
export async function registerControlBlock(db: Db, orgId: string): Promise<ControlBlock> {
  const [c, plans] = await Promise.all([common(db, orgId), planApprovals(db, orgId)]);
  const last = plans[0];
  return {
    organization: c.organization,
    documentId: `${c.prefix}-RR`,
    version: `live register as of ${today()} (each rating keeps its date and criteria number)`,
    owner: c.owner,
    approver: last ? c.withRole(last.approvedBy, last.approvedByName) : null,
    approvedAt: last?.approvedAt ?? null,
    nextReview: nextReviewDate(last?.approvedAt ?? null, 12),
    derivedFrom: [
      ...c.derivedFrom,
      ['treatment plan', last ? `no. ${last.number}, approved ${last.approvedAt.slice(0, 10)}` : 'not approved yet'],
    ],
    changeLog: changeLog(plans, 'Treatment plan'),
  };
}

/**
 * A gap report's block. A gap assessment is not approved: the block says so, and its change log is
 * the snapshots frozen from the same working assessment, up to the one shown.
 */
export async function gapControlBlock(
  db: Db,
  orgId: string,
  shown: {
    id: string;
    name: string;
    kind: 'working' | 'snapshot';
    sourceId: string | null;
    frozenAt: string | null;
    updatedAt: string;
  },
): Promise<ControlBlock> {
  const base = shown.kind === 'snapshot' && shown.sourceId ? shown.sourceId : shown.id;
  const [c, snapshots] = await Promise.all([
    common(db, orgId),
    db
      .selectFrom('gapAssessments')
      .leftJoin('users', 'users.id', 'gapAssessments.createdBy')
      .select([
        'gapAssessments.id',
        'gapAssessments.name',
        'gapAssessments.frozenAt',
        'gapAssessments.createdAt',
        'users.name as by',
      ])
      .where('gapAssessments.orgId', '=', orgId)
      .where('gapAssessments.kind', '=', 'snapshot')
      .where('gapAssessments.sourceId', '=', base)
      .orderBy('gapAssessments.createdAt')
      .execute(),
  ]);
  const upTo =
    shown.kind === 'snapshot' ? snapshots.slice(0, snapshots.findIndex((s) => s.id === shown.id) + 1) : snapshots;
  const day = (iso: string | null) => (iso ?? '').slice(0, 10);
  return {
    organization: c.organization,
    documentId: `${c.prefix}-GAP`,
    version:
      shown.kind === 'snapshot'
        ? `snapshot “${shown.name}”, frozen ${day(shown.frozenAt)}`
        : `working assessment as last changed ${day(shown.updatedAt)} (not frozen)`,
    owner: c.owner,
    approver: null,
    approvedAt: null,
    nextReview: null,
    derivedFrom: [
      ...c.derivedFrom,
      ['requirements', 'ISO/IEC 42001:2023, clauses 4–10 and Annex A (built-in catalogue)'],
    ],
    changeLog: upTo.map((s, i) => ({
      version: `S${i + 1}`,
      date: day(s.frozenAt ?? s.createdAt),
      by: s.by ?? 'Not named',
      change: `Snapshot “${s.name}” frozen`,
    })),
  };
}

const IMPACT_CHANGES: Record<string, string> = {
  'impact_assessment.created': 'Assessment started',
  'impact_assessment.updated': 'Assessment changed',
  'impact_assessment.signed_off': 'Signed off',
};

/** An impact assessment's block: signed off is its approval; the change log is its own audit trail. */
export async function impactControlBlock(
  db: Db,
  orgId: string,
  ia: {
    id: string;
    ref: string;
    version: number;
    status: 'draft' | 'signed_off';
    signedOffAt: string | null;
    signedOffBy: { id: string | null; name: string } | null;
    aiSystem: { name: string } | null;
  },
): Promise<ControlBlock> {
  const [c, events] = await Promise.all([
    common(db, orgId),
    db
      .selectFrom('auditEvents')
      .select(['action', 'at', 'actorName'])
      .where('orgId', '=', orgId)
      .where('entityType', '=', 'impact_assessment')
      .where('entityId', '=', ia.id)
      .orderBy('seq')
      .execute(),
  ]);
  const signed = ia.status === 'signed_off' && ia.signedOffAt !== null;
  let n = 0;
  return {
    organization: c.organization,
    documentId: `${c.prefix}-${ia.ref}`,
    version: signed ? `${ia.version} (signed off)` : `draft (edit ${ia.version}), not signed off`,
    owner: c.owner,
    approver: signed && ia.signedOffBy ? c.withRole(ia.signedOffBy.id, ia.signedOffBy.name) : null,
    approvedAt: signed ? ia.signedOffAt : null,
    // Reassessed at least yearly, sooner on a significant change (the impact assessment procedure).
    nextReview: signed ? nextReviewDate(ia.signedOffAt, 12) : null,
    derivedFrom: [...c.derivedFrom, ['AI system', ia.aiSystem?.name ?? 'deleted since']],
    changeLog: events
      .filter((e) => IMPACT_CHANGES[e.action])
      .map((e) => ({
        version: String(++n),
        date: e.at.slice(0, 10),
        by: e.actorName,
        change: IMPACT_CHANGES[e.action]!,
      })),
  };
}
