import { collectOwners, type Owned, type People } from '../../platform/people';
import type { DashboardOut, PlanOut } from './plan';

// The risk answers: a risk names its owner, and each action of its treatments names its owner, by id;
// `people` names each of them once (issue 19). The exports read the risks as built, owners embedded.

type WithActions = { actions: readonly Owned[] };
type Treated = Owned & { treatments: readonly WithActions[] };
type TreatmentAnswer<T extends WithActions> = Omit<T, 'actions'> & { actions: Omit<T['actions'][number], 'owner'>[] };
type RiskAnswer<R extends Treated> = Omit<R, 'owner' | 'treatments'> & {
  treatments: TreatmentAnswer<R['treatments'][number]>[];
};

function treatmentOf<T extends WithActions>(t: T, people: People): TreatmentAnswer<T> {
  return { ...t, actions: collectOwners(t.actions, people) };
}

/** Each risk without its owner and its actions' owners, which go into `people`. */
export function collectRisks<R extends Treated>(risks: readonly R[], people: People): RiskAnswer<R>[] {
  // TypeScript cannot see through Omit over a generic that the spread replaces `treatments`.
  return collectOwners(risks, people).map(
    (r) => ({ ...r, treatments: r.treatments.map((t) => treatmentOf(t, people)) }) as RiskAnswer<R>,
  );
}

export function risksWithPeople<R extends Treated, A extends { items: readonly R[] }>(answer: A) {
  const people: People = {};
  return { ...answer, items: collectRisks(answer.items, people), people };
}

export function riskWithPeople<R extends Treated>(risk: R) {
  const people: People = {};
  const [r] = collectRisks([risk], people);
  return { ...(r as RiskAnswer<R>), people };
}

export function treatmentWithPeople<T extends WithActions>(t: T) {
  const people: People = {};
  return { ...treatmentOf(t, people), people };
}

export function planWithPeople(plan: PlanOut) {
  const people: People = {};
  return { ...plan, risks: collectRisks(plan.risks, people), people };
}

export function dashboardWithPeople(d: DashboardOut) {
  const people: People = {};
  return {
    ...d,
    reviewOverdue: collectRisks(d.reviewOverdue, people),
    acceptancesExpiring: collectRisks(d.acceptancesExpiring, people),
    needsAttention: collectRisks(d.needsAttention, people),
    unrated: collectRisks(d.unrated, people),
    people,
  };
}
