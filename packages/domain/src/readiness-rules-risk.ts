import { addMonths } from './dates';
import {
  inScopeSystems,
  lacks,
  nameOf,
  PASS,
  r,
  verdictOf,
  type ReadinessReason,
  type ReadinessRule,
} from './readiness-rule';

// Readiness rules on risk and impact assessment and treatment (6.1, 8.2–8.4; checklist S5–S7, S9).

/** How long a confirmation that an AI system did not change significantly holds: the surveillance year. */
export const NO_CHANGE_CONFIRMATION_MONTHS = 12;

export const RISK_RULES: ReadinessRule[] = [
  {
    id: 'risk-criteria-approved',
    stage: 1,
    ref: '6.1.1, 6.1.2',
    checklist: 'S5',
    title: 'Risk criteria were approved before risks were rated with them',
    grade: 'blocking',
    check: (s) => {
      if (!s.riskCriteria) return lacks('No risk criteria yet', '/risk-criteria');
      if (!s.riskCriteria.approvedNumbers.length)
        return verdictOf([r('The risk criteria were never approved (the defaults apply)', '/risk-criteria')]);
      const approved = new Set(s.riskCriteria.approvedNumbers);
      const reasons = (s.risks ?? [])
        .filter((x) => x.rated && x.criteriaNumber !== null && !approved.has(x.criteriaNumber))
        .map((x) =>
          r(`${x.ref} "${x.title}" is rated with criteria No. ${x.criteriaNumber}, never approved`, `/risks/${x.id}`),
        );
      return verdictOf(reasons);
    },
  },
  {
    id: 'risk-assessment-per-system',
    stage: 1,
    ref: '6.1.2, 8.2',
    checklist: 'S6',
    title: 'Every in-scope AI system has a rated risk assessment',
    grade: 'blocking',
    check: (s) => {
      const systems = inScopeSystems(s);
      if (!systems.length) return lacks('No AI system in the approved scope', '/scope');
      if (!s.risks) return lacks('No risk assessed yet', '/risks/new');
      const reasons = systems
        .filter((a) => !s.risks!.some((x) => x.aiSystemId === a.id && x.rated))
        .map((a) => r(`AI system "${a.name}" has no rated risk`, '/risks/new'));
      return verdictOf(reasons);
    },
  },
  {
    id: 'impact-assessment-per-system',
    stage: 1,
    ref: '6.1.4, 8.4, A.5.2',
    checklist: 'S9',
    title: 'Every in-scope AI system has a signed-off impact assessment',
    grade: 'blocking',
    check: (s) => {
      const systems = inScopeSystems(s);
      if (!systems.length) return lacks('No AI system in the approved scope', '/scope');
      if (!s.impactAssessments) return lacks('No impact assessment yet', '/impact-assessments/new');
      const reasons: ReadinessReason[] = [];
      for (const a of systems) {
        const own = s.impactAssessments.filter((i) => i.aiSystemId === a.id);
        if (!own.length) reasons.push(r(`AI system "${a.name}" has no impact assessment`, '/impact-assessments/new'));
        else if (!own.some((i) => i.status === 'signed_off'))
          reasons.push(r(`${own[0]!.ref} for "${a.name}" is not signed off`, `/impact-assessments/${own[0]!.id}`));
      }
      return verdictOf(reasons);
    },
  },
  {
    id: 'reassessed-after-change',
    stage: 1,
    ref: '8.2, 8.4, A.5.2',
    checklist: 'S6, S9',
    title: 'Risk and impact assessments were re-run after significant changes',
    grade: 'blocking',
    check: (s) => {
      if (!s.pendingReassessments) {
        // No change recorded anywhere: only a recent confirmation of "no significant change" for
        // every in-scope AI system says the assessments are still current; silence is not evidence.
        const systems = inScopeSystems(s);
        if (!systems.length) return lacks('No AI system in the approved scope', '/scope');
        const since = addMonths(s.today, -NO_CHANGE_CONFIRMATION_MONTHS);
        const unconfirmed = systems.filter(
          (a) => !s.noChangeConfirmations?.some((c) => c.aiSystemId === a.id && c.confirmedOn >= since),
        );
        if (!unconfirmed.length) return PASS;
        return lacks(
          `No change recorded and no "no significant change" confirmed in the last ${NO_CHANGE_CONFIRMATION_MONTHS} months for ${unconfirmed.map((a) => `"${a.name}"`).join(', ')}: record its changes, or confirm it did not change`,
          `/ai-systems/${unconfirmed[0]!.id}`,
        );
      }
      // Changes are recorded, so a system without one did not change: only open re-assessments fail.
      const reasons: ReadinessReason[] = [];
      for (const p of s.pendingReassessments) {
        const name = nameOf(s, p.aiSystemId);
        if (!p.riskAssessmentRerun)
          reasons.push(r(`Risks of "${name}" not re-assessed after change ${p.changeRef} (${p.changedOn})`, '/risks'));
        if (!p.impactAssessmentRerun)
          reasons.push(
            r(
              `Impact of "${name}" not re-assessed after change ${p.changeRef} (${p.changedOn})`,
              '/impact-assessments/new',
            ),
          );
      }
      return verdictOf(reasons);
    },
  },
  {
    id: 'treatment-plan-approved',
    stage: 1,
    ref: '6.1.3, 8.3',
    checklist: 'S7',
    title: 'The risk treatment plan is approved',
    grade: 'blocking',
    check: (s) => {
      if (!s.treatmentPlan || !s.risks?.length) return lacks('No risk to treat yet', '/risks/new');
      if (!s.treatmentPlan.approvedAt)
        return verdictOf([
          r(`Treatment plan version ${s.treatmentPlan.number} was never approved`, '/risk-treatment-plan'),
        ]);
      return PASS;
    },
  },
  {
    id: 'residual-risks-accepted',
    stage: 1,
    ref: '6.1.3, 8.3',
    checklist: 'S7',
    title: 'Every risk above the acceptance level is treated or its residual risk accepted',
    grade: 'blocking',
    check: (s) => {
      if (!s.risks?.length) return lacks('No risk assessed yet', '/risks/new');
      return verdictOf(
        s.risks
          .filter((x) => x.needsAttention)
          .map((x) =>
            r(`${x.ref} "${x.title}" is above the acceptance level with no treatment or acceptance`, `/risks/${x.id}`),
          ),
      );
    },
  },
  {
    id: 'risk-acceptance-valid',
    stage: 1,
    ref: '6.1.3, 8.3',
    checklist: 'S7',
    title: 'No residual-risk acceptance has expired',
    grade: 'concern',
    check: (s) => {
      const accepted = (s.risks ?? []).filter((x) => x.acceptanceExpiresOn !== null);
      if (!accepted.length) return lacks('No residual risk accepted yet', '/risks');
      return verdictOf(
        accepted
          .filter((x) => x.acceptanceExpiresOn! < s.today)
          .map((x) =>
            r(`The acceptance of ${x.ref} "${x.title}" expired on ${x.acceptanceExpiresOn}`, `/risks/${x.id}`),
          ),
      );
    },
  },
];
