import { lacks, PASS, r, verdictOf, type ReadinessReason, type ReadinessRule } from './readiness-rule';

// Readiness rules on the Statement of Applicability (6.1.3 d; checklist S8).
export const SOA_RULES: ReadinessRule[] = [
  {
    id: 'soa-approved',
    stage: 1,
    ref: '6.1.3 d',
    checklist: 'S8',
    title: 'The Statement of Applicability is approved',
    grade: 'blocking',
    check: (s) => {
      if (!s.soa) return lacks('No SoA yet', '/soa');
      if (s.soa.approvedVersion === null) return verdictOf([r('The SoA was never approved', '/soa')]);
      if (s.soa.changedSinceApproval)
        return verdictOf([r(`The SoA changed since version ${s.soa.approvedVersion} was approved`, '/soa')]);
      return PASS;
    },
  },
  {
    id: 'soa-covers-annex-a',
    stage: 1,
    ref: '6.1.3 d',
    checklist: 'S8',
    title: 'The SoA decides every Annex A control',
    grade: 'blocking',
    check: (s) => {
      if (!s.soa?.items.length) return lacks('No SoA yet', '/soa');
      const undecided = s.soa.items.filter((i) => i.included === null);
      return verdictOf(
        undecided.length
          ? [
              r(
                `${undecided.length} controls undecided in the SoA: ${undecided
                  .slice(0, 5)
                  .map((i) => i.ref)
                  .join(', ')}${undecided.length > 5 ? '…' : ''}`,
                '/soa',
              ),
            ]
          : [],
      );
    },
  },
  {
    id: 'soa-exclusions-justified',
    stage: 1,
    ref: '6.1.3 d',
    checklist: 'S8',
    title: 'Every excluded control has a justification',
    grade: 'concern',
    check: (s) => {
      if (!s.soa?.items.length) return lacks('No SoA yet', '/soa');
      return verdictOf(
        s.soa.items
          .filter((i) => i.included === false && !i.justification.trim())
          .map((i) => r(`Control ${i.ref} is excluded without a justification`, `/soa`)),
      );
    },
  },
  {
    id: 'soa-includes-treatment-controls',
    stage: 1,
    ref: '6.1.3 c–d',
    checklist: 'S8',
    title: 'Every control a risk treatment uses is included in the SoA',
    grade: 'concern',
    check: (s) => {
      if (!s.soa?.items.length) return lacks('No SoA yet', '/soa');
      if (!s.risks?.some((x) => x.treatmentControlRefs.length))
        return lacks('No risk treatment names a control yet', '/risks');
      const byRef = new Map(s.soa.items.map((i) => [i.ref, i]));
      const reasons: ReadinessReason[] = [];
      for (const x of s.risks)
        for (const ref of x.treatmentControlRefs)
          if (byRef.get(ref)?.included === false)
            reasons.push(r(`${x.ref} is treated with control ${ref}, which the SoA excludes`, '/soa'));
      return verdictOf(reasons);
    },
  },
];
