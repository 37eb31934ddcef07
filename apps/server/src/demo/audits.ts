import { ZCreateAudit, ZCreateFinding } from '@fortytwo/domain';
import type { Actor } from '../platform/audit';
import type { FileStore } from '../platform/files';
import type { Deps } from '../platform/transaction';
import {
  addFinding,
  approveProgramme,
  createAudit,
  getAudit,
  getProgramme,
  updateAudit,
  updateChecklistItem,
  updateProgramme,
} from '../modules/audits/service';
import {
  addCorrectiveAction,
  getNonconformity,
  planActions,
  updateNonconformity,
} from '../modules/nonconformities/service';

// Internal audit of the demo lender: an approved programme, one completed audit of risk assessment
// and monitoring with a minor nonconformity and an opportunity for improvement, and the
// nonconformity's corrective action planned and open on Tomás's task list.

const DAY = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

export async function seedDemoAudits(
  deps: Deps,
  store: FileStore,
  orgId: string,
  people: { owner: Actor; auditor: Actor; contributor: Actor },
) {
  const { owner, auditor, contributor } = people;
  const draft = await getProgramme(deps.db, orgId);
  const saved = await updateProgramme(deps, owner, orgId, {
    version: draft.version,
    cycleStart: `${isoDay(0).slice(0, 4)}-01-01`,
    cycleYears: 3,
    approach:
      'Every clause 4–10 and every included Annex A control once in three years; risk assessment, data for AI systems and monitoring every year (high risk, regulated credit decisions); areas with nonconformities again within six months.',
  });
  await approveProgramme(deps, owner, orgId, {
    version: saved.version,
    acknowledgement: 'First cycle: the audits of the remaining clauses and controls are planned quarter by quarter.',
  });

  const audit = await createAudit(
    deps,
    auditor,
    orgId,
    ZCreateAudit.parse({
      title: 'Risk assessment and monitoring',
      objectives:
        'Confirm that AI risks are assessed with the approved criteria and that monitoring results are evaluated.',
      scope: { refs: ['6.1.2', '9.1', 'A.6.2.6'], units: ['Model risk', 'Data science'], sites: ['Head office'] },
      leadId: auditor.userId,
      auditees: ['Priya Raman (AI governance lead)', 'Tomás Ortega (data science)'],
      method: 'on_site',
      plannedStart: isoDay(-6),
      plannedEnd: isoDay(-5),
      independenceJustification:
        'Jonas has no operational role in risk assessment or monitoring; any RACI entry is for the audit function only.',
    }),
  );
  let findingItem: string | null = null;
  for (const item of audit.checklist) {
    const isFinding = item.ref === '9.1';
    if (isFinding) findingItem = item.id;
    await updateChecklistItem(deps, auditor, orgId, audit.id, item.id, {
      version: item.version,
      result: isFinding ? 'finding' : 'conforms',
      sampled: isFinding ? 'Monitoring reports of the credit scoring model' : 'Records of the item',
      sampleSize: isFinding ? 6 : 3,
      population: isFinding ? '12 monthly reports of the last year' : 'All records of the last year',
      notes: isFinding
        ? 'Two of six monthly reports show a threshold breach with no recorded evaluation or decision.'
        : 'Records complete and approved.',
    });
  }
  await addFinding(deps, auditor, orgId, audit.id, {
    ...ZCreateFinding.parse({
      grade: 'minor',
      checklistItemId: findingItem,
      requirement: 'Monitoring and measurement results are evaluated, and the evaluation is retained (9.1).',
      evidence: 'Monthly reports for March and June show the fairness ratio below threshold; no evaluation recorded.',
      statement: 'Monitoring results of the credit scoring model are not always evaluated when a threshold is crossed.',
      ownerId: contributor.userId,
    }),
    evidenceIds: [],
  });
  await addFinding(deps, auditor, orgId, audit.id, {
    ...ZCreateFinding.parse({
      grade: 'ofi',
      ref: '6.1.2',
      statement: 'Link each risk to the metrics that watch it, so a breach points straight at the risk to reassess.',
      ownerId: owner.userId,
    }),
    evidenceIds: [],
  });
  const current = await getAudit(deps, orgId, audit.id);
  await updateAudit(deps, store, auditor, orgId, audit.id, {
    version: current.version,
    status: 'completed',
    conclusion:
      'Risk assessment conforms to the approved criteria. Monitoring is in place but its results are not always evaluated (one minor nonconformity). The AIMS is effectively implemented in the audited scope.',
  });

  const ncId = current.findings.find((f) => f.grade === 'minor')!.nonconformityId!;
  let nc = await getNonconformity(deps, orgId, ncId, contributor.userId);
  nc = await updateNonconformity(deps, contributor, orgId, ncId, {
    version: nc.version,
    correction: 'Evaluated the March and June breaches; both were explained by a data delay and recorded.',
    rootCauseMethod: 'five_whys',
    whys: [
      'The breaches were not evaluated.',
      'Nobody was told when a breach happened.',
      'Breach alerts went to a shared mailbox nobody owns.',
      'The monitoring procedure names no owner for alerts.',
    ],
    rootCause: 'The monitoring procedure does not name who evaluates a threshold breach.',
    similarCases: 'Checked the other three monitored metrics: same gap for the assistant’s escalation rate.',
  });
  nc = await addCorrectiveAction(deps, contributor, orgId, ncId, {
    title: 'Name an owner for every monitored metric and route breach alerts to them',
    description: 'Update the monitoring procedure and the metrics register; brief the owners.',
    ownerId: contributor.userId!,
    dueDate: isoDay(21),
  });
  await planActions(deps, contributor, orgId, ncId, nc.version);
}
