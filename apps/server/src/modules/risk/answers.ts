import { collectOwners, type People } from '../../platform/people';
import type { DashboardOut, PlanOut } from './plan';

// The plan and the dashboard as answered: their risks name their owners by id, and `people` names
// each owner once (issue 19). The exports read the plan as built, with the owners embedded.

export function planWithPeople(plan: PlanOut) {
  const people: People = {};
  return { ...plan, risks: collectOwners(plan.risks, people), people };
}

export function dashboardWithPeople(d: DashboardOut) {
  const people: People = {};
  return {
    ...d,
    reviewOverdue: collectOwners(d.reviewOverdue, people),
    acceptancesExpiring: collectOwners(d.acceptancesExpiring, people),
    needsAttention: collectOwners(d.needsAttention, people),
    unrated: collectOwners(d.unrated, people),
    people,
  };
}
