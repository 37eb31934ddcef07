import { isEvidenceSubjectType, type EvidenceSubjectType, type ExpiryState } from '@fortytwo/domain';
import type { Actor, AuditInput } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import { AppError, notFound } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { builtinCatalog } from '../catalog/builtin';

// The records evidence can be attached to (see the contract in links.ts), and the shapes shared by linking and reading.

export type EvidenceSummary = {
  id: string;
  number: number;
  reference: string;
  title: string;
  kind: 'file' | 'link';
  fileName: string | null;
  url: string | null;
  expiresOn: string | null;
  expiryState: ExpiryState;
};
export type AuditFn = (e: AuditInput) => Promise<void>;
export type LinkInput = {
  orgId: string;
  evidenceId: string;
  subjectType: EvidenceSubjectType;
  subjectId: string;
  by: Actor;
  audit: AuditFn;
};

export const evidenceReference = (number: number) => `EV-${number}`;
export const today = () => nowIso().slice(0, 10);

type SubjectRow = { id: string; label: string };
type Subject = {
  /** The records of these ids that exist in the organization, with a label to show. */
  find?: (db: Db | Tx, orgId: string, ids: string[]) => Promise<SubjectRow[]>;
  /** The ISO/IEC 42001 ref each record stands for, if any (for the crosswalks). */
  catalogRef?: (db: Db | Tx, orgId: string, ids: string[]) => Promise<Map<string, string>>;
};

export const iso = () => builtinCatalog();
const isIsoRef = (ref: string) => iso().item('iso42001', ref) !== undefined;

/** How each subject type is found and named. Add your module's entry here (see the note in links.ts). */
export const SUBJECTS: Record<EvidenceSubjectType, Subject> = {
  requirement: {
    // A requirement as assessed in one gap assessment (its item); the ref is the clause or control.
    find: async (db, orgId, ids) =>
      (
        await db
          .selectFrom('gapAssessmentItems')
          .innerJoin('gapAssessments', 'gapAssessments.id', 'gapAssessmentItems.assessmentId')
          .select(['gapAssessmentItems.id', 'gapAssessmentItems.ref', 'gapAssessments.name'])
          .where('gapAssessmentItems.orgId', '=', orgId)
          .where('gapAssessmentItems.id', 'in', ids)
          .execute()
      ).map((r) => ({
        id: r.id,
        label: `${r.ref} ${iso().item('iso42001', r.ref)?.title ?? ''} (${r.name})`.replace(/\s+\(/, ' ('),
      })),
    catalogRef: async (db, orgId, ids) =>
      new Map(
        (
          await db
            .selectFrom('gapAssessmentItems')
            .select(['id', 'ref'])
            .where('orgId', '=', orgId)
            .where('id', 'in', ids)
            .execute()
        ).map((r) => [r.id, r.ref]),
      ),
  },
  control: {
    // A control by its ref: an Annex A control, or a custom control of the organization (modules/controls).
    find: async (db, orgId, ids) => {
      const custom = await db
        .selectFrom('customControls')
        .select(['ref', 'title'])
        .where('orgId', '=', orgId)
        .where('ref', 'in', ids)
        .execute();
      return [
        ...ids.filter(isIsoRef).map((id) => ({ id, label: `${id} ${iso().item('iso42001', id)!.title}` })),
        ...custom.map((c) => ({ id: c.ref, label: `${c.ref} ${c.title}` })),
      ];
    },
    catalogRef: (_db, _orgId, ids) => Promise.resolve(new Map(ids.filter(isIsoRef).map((id) => [id, id]))),
  },
  control_occurrence: {
    // One recorded run of a control (modules/controls/occurrences.ts); it serves the control's ref.
    find: async (db, orgId, ids) =>
      (
        await db
          .selectFrom('controlOccurrences')
          .select(['id', 'ref', 'performedOn'])
          .where('orgId', '=', orgId)
          .where('id', 'in', ids)
          .execute()
      ).map((r) => ({ id: r.id, label: `${r.ref} run of ${r.performedOn}` })),
    catalogRef: async (db, orgId, ids) =>
      new Map(
        (
          await db
            .selectFrom('controlOccurrences')
            .select(['id', 'ref'])
            .where('orgId', '=', orgId)
            .where('id', 'in', ids)
            .execute()
        )
          .filter((r) => isIsoRef(r.ref))
          .map((r) => [r.id, r.ref]),
      ),
  },
  risk: {
    find: async (db, orgId, ids) =>
      (
        await db
          .selectFrom('risks')
          .select(['id', 'number', 'title'])
          .where('orgId', '=', orgId)
          .where('id', 'in', ids)
          .execute()
      ).map((r) => ({ id: r.id, label: `R-${r.number} ${r.title}` })),
  },
  treatment: {
    find: async (db, orgId, ids) =>
      (
        await db
          .selectFrom('riskTreatments')
          .innerJoin('risks', 'risks.id', 'riskTreatments.riskId')
          .select(['riskTreatments.id', 'riskTreatments.option', 'risks.number'])
          .where('riskTreatments.orgId', '=', orgId)
          .where('riskTreatments.id', 'in', ids)
          .execute()
      ).map((r) => ({ id: r.id, label: `R-${r.number} treatment (${r.option})` })),
  },
  document: {
    find: async (db, orgId, ids) =>
      (
        await db
          .selectFrom('documents')
          .select(['id', 'title'])
          .where('orgId', '=', orgId)
          .where('id', 'in', ids)
          .execute()
      ).map((r) => ({ id: r.id, label: r.title })),
  },
  finding: {
    // An internal audit finding (modules/audits), named by its number and audit.
    find: async (db, orgId, ids) =>
      (
        await db
          .selectFrom('auditFindings')
          .innerJoin('audits', 'audits.id', 'auditFindings.auditId')
          .select([
            'auditFindings.id',
            'auditFindings.number',
            'audits.number as auditNumber',
            'auditFindings.statement',
          ])
          .where('auditFindings.orgId', '=', orgId)
          .where('auditFindings.id', 'in', ids)
          .execute()
      ).map((f) => ({ id: f.id, label: `AUD-${f.auditNumber} F-${f.number} ${f.statement.slice(0, 80)}` })),
  },
  training_completion: {
    // A completion of a training assignment (competence module): named by its action and person.
    find: async (db, orgId, ids) =>
      (
        await db
          .selectFrom('trainingCompletions')
          .innerJoin('developmentActions', 'developmentActions.id', 'trainingCompletions.actionId')
          .leftJoin('people', (j) =>
            j
              .onRef('people.orgId', '=', 'trainingCompletions.orgId')
              .onRef('people.id', '=', 'trainingCompletions.personId'),
          )
          .leftJoin('users', 'users.id', 'trainingCompletions.personId')
          .select([
            'trainingCompletions.id',
            'trainingCompletions.completedOn',
            'developmentActions.title',
            'people.name as personName',
            'users.name as userName',
          ])
          .where('trainingCompletions.orgId', '=', orgId)
          .where('trainingCompletions.id', 'in', ids)
          .execute()
      ).map((r) => ({
        id: r.id,
        label: `Training completion: ${r.title}, ${r.userName ?? r.personName ?? 'a person'} (${r.completedOn})`,
      })),
  },
  objective: {},
  measurement: {},
  data_set: {
    // A data set (A.7): its licence, consent or contract evidence.
    find: async (db, orgId, ids) =>
      (
        await db
          .selectFrom('dataSets')
          .select(['id', 'number', 'name'])
          .where('orgId', '=', orgId)
          .where('id', 'in', ids)
          .execute()
      ).map((r) => ({ id: r.id, label: `DS-${r.number} ${r.name}` })),
  },
  supplier: {
    // A supplier of AI components or services (A.10): due-diligence answers, contracts, reviews.
    find: async (db, orgId, ids) =>
      (
        await db
          .selectFrom('suppliers')
          .select(['id', 'number', 'name'])
          .where('orgId', '=', orgId)
          .where('id', 'in', ids)
          .execute()
      ).map((r) => ({ id: r.id, label: `SUP-${r.number} ${r.name}` })),
  },
};

/** Refuses a subject that is not a record of this organization (when its module registered how to find it). */
export async function assertSubject(db: Db | Tx, orgId: string, subjectType: string, subjectId: string): Promise<void> {
  if (!isEvidenceSubjectType(subjectType))
    throw new AppError('VALIDATION', `Subject type "${subjectType}" is not one evidence can be attached to.`);
  const find = SUBJECTS[subjectType].find;
  if (find && (await find(db, orgId, [subjectId])).length === 0)
    throw notFound(`The ${subjectType.replace(/_/g, ' ')} to attach evidence to`);
}
