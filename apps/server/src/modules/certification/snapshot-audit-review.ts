import {
  AIMS_CLAUSES,
  covers,
  missingInputs,
  nonconformityOverdue,
  type NonconformityStatus,
  type ReadinessSnapshot,
  type ReviewInput,
} from '@fortytwo/domain';
import type { Db } from '../../platform/db/connect';
import { pendingReassessments } from '../ai-lifecycle/reassessments';
import { auditRef } from '../audits/service';
import { ncRef } from '../nonconformities/service';
import { latestNoChangeConfirmations } from './no-change';

// The readiness check's view of steps 4c and 5: AI system changes awaiting re-assessment, internal
// audits, management reviews and nonconformities, read from their own modules' tables. A list is
// empty (and its rule fails) once the module is in use; AI system changes stay undefined ("lacks
// data") until the organization has recorded a release or a change, or confirmed for each in-scope
// AI system that nothing changed significantly (no-change.ts).

type Step5 = Pick<
  ReadinessSnapshot,
  'internalAudits' | 'managementReviews' | 'nonconformities' | 'pendingReassessments' | 'noChangeConfirmations'
>;

const json = <T>(s: string | null, fallback: T): T => {
  try {
    return s ? (JSON.parse(s) as T) : fallback;
  } catch {
    return fallback;
  }
};

export async function loadAuditAndReview(db: Db, orgId: string, today: string): Promise<Step5> {
  const [audits, reviews, ncs, openActions, changes, due, unchanged] = await Promise.all([
    db
      .selectFrom('audits')
      .select(['id', 'number', 'status', 'scope', 'completedAt', 'independenceWarnings'])
      .where('orgId', '=', orgId)
      .execute(),
    db
      .selectFrom('managementReviews')
      .select(['id', 'number', 'status', 'meetingDate', 'attendance', 'pack'])
      .where('orgId', '=', orgId)
      .execute(),
    db
      .selectFrom('nonconformities')
      .select(['id', 'number', 'status', 'rootCause', 'ownerId', 'responseDue', 'reviewDue'])
      .where('orgId', '=', orgId)
      .execute(),
    db
      .selectFrom('actions')
      .select(['sourceId', 'dueDate'])
      .where('orgId', '=', orgId)
      .where('sourceType', '=', 'nonconformity')
      .where('status', '!=', 'done')
      .execute(),
    db
      .selectFrom('aiChanges')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('orgId', '=', orgId)
      .executeTakeFirstOrThrow(),
    pendingReassessments(db, orgId),
    latestNoChangeConfirmations(db, orgId),
  ]);

  const overdueActionOf = new Set(
    openActions.filter((a) => a.sourceId && a.dueDate && a.dueDate < today).map((a) => a.sourceId!),
  );

  // One entry per change still awaiting a re-assessment, saying which of the two is still due.
  const byChange = new Map<string, NonNullable<Step5['pendingReassessments']>[number]>();
  for (const r of due) {
    const entry = byChange.get(r.changeId) ?? {
      aiSystemId: r.aiSystemId,
      changeRef: `“${r.change.title}”`,
      changedOn: r.change.occurredOn,
      riskAssessmentRerun: true,
      impactAssessmentRerun: true,
    };
    if (r.kind === 'risk_assessment') entry.riskAssessmentRerun = false;
    else entry.impactAssessmentRerun = false;
    byChange.set(r.changeId, entry);
  }

  return {
    internalAudits: audits
      .filter((a) => a.status !== 'cancelled')
      .map((a) => {
        const refs = json<{ refs?: string[] }>(a.scope, {}).refs ?? [];
        return {
          id: a.id,
          ref: auditRef(a.number),
          completedOn: a.status === 'completed' && a.completedAt ? a.completedAt.slice(0, 10) : null,
          // An auditor who audits their own work was warned at planning and went on with a justification.
          auditorIndependent: json<unknown[]>(a.independenceWarnings, []).length === 0,
          coversAims: AIMS_CLAUSES.every((clause) => covers(refs, clause)),
        };
      }),
    managementReviews: reviews.map((m) => {
      const held = m.status === 'held' || m.status === 'signed_off';
      const attendance = json<{ topManagement: boolean }[]>(m.attendance, []);
      return {
        id: m.id,
        ref: `MR-${m.number}`,
        heldOn: held ? m.meetingDate : null,
        byTopManagement: attendance.some((a) => a.topManagement),
        missingInputs: held
          ? missingInputs(json<ReviewInput[]>(m.pack, [])).map((i) => `${i.title} (${i.clause})`)
          : [],
      };
    }),
    nonconformities:
      !ncs.length && !audits.some((a) => a.status === 'completed')
        ? undefined
        : ncs.map((n) => ({
            id: n.id,
            ref: ncRef(n.number),
            status: n.status,
            rootCause: n.rootCause,
            ownerId: n.ownerId,
            dueDate: n.responseDue,
            correctiveActionOverdue:
              overdueActionOf.has(n.id) ||
              nonconformityOverdue(
                { status: n.status as NonconformityStatus, responseDue: n.responseDue, reviewDue: n.reviewDue },
                today,
              ),
          })),
    pendingReassessments: Number(changes.n) > 0 ? [...byChange.values()] : undefined,
    noChangeConfirmations: unchanged,
    // Nonconformities mostly come from audits: with neither, the register was never used (lacks data).
  };
}
