import { ZChangeFields, ZCreateRelease } from '@fortytwo/domain';
import type { Actor } from '../platform/audit';
import type { Deps } from '../platform/transaction';
import { createChange, createRelease, recordDeployment } from '../modules/ai-lifecycle/service';
import { completeReassessment } from '../modules/ai-lifecycle/reassessments';

// The life cycle of the demo lender's credit scoring model: three releases (two verified and
// deployed, the newest verified with a fairness criterion failed, not deployed yet), a monthly
// retraining (significant by rule for this high-risk system, its re-assessments done), and a new
// data source that is significant and waits for its risk and impact re-assessments.

const DAY = 86_400_000;
const isoDay = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10);

const tests = (fairnessPassed: boolean, on: number) => ({
  tests: [
    { area: 'performance', criterion: 'AUC ≥ 0.80 on the hold-out quarter', result: 'AUC 0.83', passed: true },
    {
      area: 'fairness',
      criterion: 'Approval-rate ratio over 70 / 30–50 ≥ 0.90',
      result: fairnessPassed ? '0.92' : '0.86',
      passed: fairnessPassed,
    },
    { area: 'robustness', criterion: 'AUC drop ≤ 0.02 with 5% noisy incomes', result: '0.01', passed: true },
    { area: 'security', criterion: 'No high finding in the model supply-chain scan', result: 'none', passed: true },
  ],
  decision: fairnessPassed ? 'deploy' : 'do_not_deploy',
  decisionNote: fairnessPassed ? '' : 'Retrain with the re-weighted sample first',
  decidedOn: isoDay(on),
  decidedByName: 'Priya Raman',
});

export async function seedDemoAiLifecycle(
  deps: Deps,
  actor: Actor,
  orgId: string,
  aiSystems: { id: string; name: string }[],
) {
  const credit = aiSystems.find((s) => /credit/i.test(s.name)) ?? aiSystems[0]!;
  const releases = [
    {
      version: '1.0.0',
      on: 200,
      what: 'First model in production',
      model: 'xgb-2026-05',
      data: 'loans-2025Q4',
      fair: true,
      deploy: true,
    },
    {
      version: '1.1.0',
      on: 90,
      what: 'Monthly retraining; income bands re-cut',
      model: 'xgb-2026-09',
      data: 'loans-2026Q2',
      fair: true,
      deploy: true,
    },
    {
      version: '2.0.0',
      on: 5,
      what: 'Adds open-banking cash-flow features',
      model: 'xgb-2026-11',
      data: 'loans-2026Q3+ob',
      fair: false,
      deploy: false,
    },
  ];
  const made: Record<string, string> = {};
  for (const r of releases) {
    const rel = await createRelease(
      deps,
      actor,
      orgId,
      credit.id,
      ZCreateRelease.parse({
        version: r.version,
        releasedOn: isoDay(r.on),
        whatChanged: r.what,
        modelVersion: r.model,
        dataVersion: r.data,
        approvedByName: 'Priya Raman',
        verification: tests(r.fair, r.on),
      }),
      r.version === '2.0.0' ? 'api' : 'manual',
    );
    made[r.version] = rel.id;
    if (r.deploy)
      await recordDeployment(deps, actor, orgId, credit.id, rel.id, {
        version: rel.version,
        deployedOn: isoDay(r.on - 2),
        environment: 'production',
        note: '',
      });
  }
  const retraining = await createChange(
    deps,
    actor,
    orgId,
    credit.id,
    ZChangeFields.parse({
      kind: 'retraining',
      title: 'Monthly retraining on the latest quarter',
      occurredOn: isoDay(92),
      releaseId: made['1.1.0'],
    }),
  );
  for (const r of retraining.reassessments)
    await completeReassessment(deps, actor, orgId, credit.id, r.id, {
      version: r.version,
      note:
        r.kind === 'impact_assessment'
          ? 'Same purpose and affected groups; the fairness result holds (0.92).'
          : 'Risk ratings unchanged after the retraining; no new risk source.',
    });
  await createChange(
    deps,
    actor,
    orgId,
    credit.id,
    ZChangeFields.parse({
      kind: 'new_data_source',
      title: 'Open-banking cash-flow data added',
      description: 'Applicants may share 12 months of account transactions through an aggregator.',
      occurredOn: isoDay(6),
      releaseId: made['2.0.0'],
    }),
  );
}
