import { describe, expect, it } from 'vitest';
import { AUDITS_TEXT } from '../audits/text';
import { COMPETENCE_TEXT } from '../competence/text';
import { CONTEXT_TEXT, PARTIES_TEXT } from '../context/text';
import { CONTROLS_TEXT } from '../controls/text';
import { GAP_TEXT } from '../gap/text';
import { GOVERNANCE_TEXT, RACI_TEXT } from '../governance/text';
import { IMPACT_TEXT } from '../impact/text';
import { METRICS_TEXT } from '../metrics/text';
import { NC_TEXT } from '../nonconformities/text';
import { OBJECTIVES_TEXT } from '../objectives/text';
import { REVIEWS_TEXT } from '../reviews/text';
import { RISK_TEXT } from '../risk/text';
import { SCOPE_TEXT } from '../scope/text';
import { SOA_TEXT } from '../soa/text';
import { TASKS_TEXT } from '../tasks/text';
import { THIRD_PARTY_TEXT } from '../third-parties/text';
import { NAV_LABELS } from './nav-labels';

describe('navigation labels', () => {
  it("say what each feature's own text says", () => {
    const { openTasks, ...labels } = NAV_LABELS;
    expect(labels).toEqual({
      audits: AUDITS_TEXT.nav,
      competences: COMPETENCE_TEXT.competencesTitle,
      competenceMatrix: COMPETENCE_TEXT.matrixTitle,
      people: COMPETENCE_TEXT.peopleTitle,
      trainings: COMPETENCE_TEXT.trainingsTitle,
      context: CONTEXT_TEXT.title,
      controls: CONTROLS_TEXT.nav,
      governance: GOVERNANCE_TEXT.title,
      impact: IMPACT_TEXT.title,
      metrics: METRICS_TEXT.title,
      nonconformities: NC_TEXT.nav,
      objectives: OBJECTIVES_TEXT.title,
      parties: PARTIES_TEXT.title,
      raci: RACI_TEXT.title,
      reviews: REVIEWS_TEXT.title,
      riskCriteria: RISK_TEXT.criteriaTitle,
      riskTreatmentPlan: RISK_TEXT.planTitle,
      riskRegister: RISK_TEXT.registerTitle,
      scope: SCOPE_TEXT.title,
      soa: SOA_TEXT.title,
      tasks: TASKS_TEXT.nav,
      suppliers: THIRD_PARTY_TEXT.suppliers.nav,
      gapOverall: GAP_TEXT.overall,
    });
    for (const n of [0, 1, 2, 140]) expect(openTasks(n)).toBe(TASKS_TEXT.count(n));
  });
});
