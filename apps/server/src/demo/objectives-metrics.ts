import { ZMetricFields, ZObjectiveFields } from '@fortytwo/domain';
import type { Actor } from '../platform/audit';
import type { Deps } from '../platform/transaction';
import { createObjective, recordProgress } from '../modules/objectives/service';
import { createMetric } from '../modules/metrics/service';
import { recordMeasurement } from '../modules/metrics/measurements';

// Objectives and monitoring of the demo lender: two AI objectives with a few quarters of progress,
// and metrics measured over the last months, one of which crossed its threshold last week (a
// breach with its action on the owner's task list), so the charts have history and something to do.

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const endOfQuarterAgo = (q: number) => {
  const now = new Date();
  const quarterStartMonth = Math.floor(now.getUTCMonth() / 3) * 3 - 3 * (q - 1);
  return isoDay(new Date(Date.UTC(now.getUTCFullYear(), quarterStartMonth, 0)));
};

export async function seedDemoObjectivesAndMetrics(
  deps: Deps,
  actor: Actor,
  orgId: string,
  people: { manager: string; contributor: string },
  aiSystems: { id: string; name: string }[],
) {
  const credit = aiSystems.find((s) => /credit/i.test(s.name)) ?? aiSystems[0]!;
  const assistant = aiSystems.find((s) => /assistant|chat/i.test(s.name)) ?? aiSystems[1] ?? credit;
  const inMonths = (m: number) => isoDay(new Date(Date.now() + m * 30 * DAY));

  const fairness = await createObjective(
    deps,
    actor,
    orgId,
    ZObjectiveFields.parse({
      title: 'Close the approval gap between age bands in credit scoring',
      description:
        'Applicants over 70 are approved less often than comparable younger applicants; bring the ratio of approval rates close to parity.',
      measure: 'Ratio of approval rates, applicants over 70 to applicants 30–50, on matched income and debt',
      unit: 'ratio',
      baseline: 0.72,
      target: 0.9,
      ownerId: people.manager,
      resources: 'Two data scientists for one quarter; fairness testing library; external review of the method',
      dueDate: inMonths(6),
      evaluation:
        'Measured monthly by the model risk team, reviewed quarterly by the AI committee; achieved when three consecutive months are at or above 0.90.',
      annexCRef: 'C.2.5',
      status: 'in_progress',
    }),
  );
  // Its progress is the monthly parity metric below (objectiveId): each measurement is a progress entry.

  const transparency = await createObjective(
    deps,
    actor,
    orgId,
    ZObjectiveFields.parse({
      title: 'Tell every customer when they talk to the AI assistant',
      measure: 'Share of assistant conversations that open with the AI disclosure',
      unit: '%',
      baseline: 60,
      target: 100,
      ownerId: people.contributor,
      resources: 'Front-end change in the chat widget; copy reviewed by legal',
      dueDate: inMonths(2),
      evaluation: 'Weekly sample of 200 conversations checked by the support lead.',
      annexCRef: 'C.2.11',
      status: 'in_progress',
    }),
  );
  for (const [q, value] of [
    [2, 60],
    [1, 92],
  ] as const)
    await recordProgress(deps, actor, orgId, transparency.id, { onDate: endOfQuarterAgo(q), value, note: '' });

  await createObjective(
    deps,
    actor,
    orgId,
    ZObjectiveFields.parse({
      title: 'Train every model owner in AI risk assessment',
      measure: 'Model owners with the AI risk course completed',
      unit: '%',
      baseline: 0,
      target: 100,
      ownerId: people.manager,
      dueDate: inMonths(9),
      evaluation: 'Training records checked at the management review.',
      annexCRef: 'C.2.2',
    }),
  );

  // Weekly accuracy of the credit model: steady, then a dip below the lower threshold last week.
  const accuracy = await createMetric(
    deps,
    actor,
    orgId,
    ZMetricFields.parse({
      name: 'Credit model accuracy (AUC)',
      description: 'Area under the ROC curve of the production credit model on last week’s decided applications',
      method:
        'Computed by the monitoring pipeline from decisions and 90-day outcomes; pushed with a measurements token',
      frequency: 'weekly',
      ownerId: people.manager,
      unit: 'AUC',
      target: 0.85,
      lowerThreshold: 0.8,
      aiSystemId: credit.id,
      controlRef: 'A.6.2.6',
      objectiveId: null,
    }),
  );
  const weeks = 16;
  for (let w = weeks; w >= 1; w--) {
    const value = w === 1 ? 0.78 : Math.round((0.84 + Math.sin(w) * 0.012) * 1000) / 1000;
    await recordMeasurement(
      deps,
      actor,
      orgId,
      accuracy.id,
      { value, at: daysAgo(w * 7).toISOString(), note: w === 1 ? 'After the October data refresh' : '' },
      'api',
    );
  }

  const parity = await createMetric(
    deps,
    actor,
    orgId,
    ZMetricFields.parse({
      name: 'Approval-rate ratio, over 70 vs 30–50',
      description: 'The fairness measure of the age-band objective, month by month',
      method: 'Monthly query on decided applications, matched on income and debt bands',
      frequency: 'monthly',
      ownerId: people.manager,
      unit: 'ratio',
      target: 0.9,
      lowerThreshold: 0.7,
      aiSystemId: credit.id,
      controlRef: 'A.7.4',
      objectiveId: fairness.id,
    }),
  );
  for (const [m, value, note] of [
    [6, 0.74, 'Baseline month'],
    [5, 0.76, 'Thin-file features reweighted'],
    [4, 0.79, ''],
    [3, 0.81, 'New income verification source'],
    [2, 0.83, ''],
    [1, 0.84, 'Retrained model v2.3'],
  ] as const)
    await recordMeasurement(
      deps,
      actor,
      orgId,
      parity.id,
      { value, at: daysAgo(m * 30).toISOString(), note },
      'manual',
    );

  const escalations = await createMetric(
    deps,
    actor,
    orgId,
    ZMetricFields.parse({
      name: 'Assistant conversations escalated to a person',
      description: 'Share of assistant conversations handed to a human agent',
      method: 'Daily export from the contact-centre platform',
      frequency: 'monthly',
      ownerId: people.contributor,
      unit: '%',
      target: 8,
      lowerThreshold: 2,
      upperThreshold: 15,
      aiSystemId: assistant.id,
      controlRef: 'A.9.3',
      objectiveId: null,
    }),
  );
  for (const [m, value] of [
    [5, 9.5],
    [4, 11],
    [3, 8.2],
    [2, 7.9],
    [1, 8.4],
  ] as const)
    await recordMeasurement(
      deps,
      actor,
      orgId,
      escalations.id,
      { value, at: daysAgo(m * 30).toISOString(), note: '' },
      'manual',
    );
}
