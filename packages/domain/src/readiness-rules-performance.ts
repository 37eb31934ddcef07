import { lacks, PASS, r, verdictOf, type ReadinessReason, type ReadinessRule } from './readiness-rule';

// Readiness rules on operation, evaluation and improvement: operating records, internal audit, management
// review, nonconformities (8.1, 9.1–9.3, 10.2; checklist S13–S16).
export const PERFORMANCE_RULES: ReadinessRule[] = [
  {
    id: 'operating-evidence',
    stage: 1,
    ref: '8.1, 9.1',
    checklist: 'S13',
    title: 'The AIMS has operated: monitoring results or control records exist',
    grade: 'blocking',
    check: (s) => {
      if (!s.metrics && !s.controls) return lacks('No metric and no control implementation yet', '/metrics');
      const measured = (s.metrics ?? []).some((m) => m.measurements > 0);
      const performed = (s.controls ?? []).some((c) => c.occurrences > 0);
      return verdictOf(
        measured || performed
          ? []
          : [r('No measurement and no recorded control occurrence: nothing shows the AIMS operating', '/metrics')],
      );
    },
  },
  {
    id: 'internal-audit-done',
    stage: 1,
    ref: '9.2',
    checklist: 'S14',
    title: 'At least one internal audit, by an independent auditor, covering the AIMS',
    grade: 'blocking',
    check: (s) => {
      if (!s.internalAudits) return lacks('Internal audits are not recorded in Fortytwo yet', '/internal-audit');
      const done = s.internalAudits.filter((a) => a.completedOn);
      if (!done.length) return verdictOf([r('No internal audit completed', '/internal-audit')]);
      if (!done.some((a) => a.auditorIndependent && a.coversAims))
        return verdictOf(
          done.map((a) =>
            r(
              `${a.ref} ${!a.auditorIndependent ? 'was done by an auditor auditing their own work' : 'does not cover the whole AIMS'}`,
              `/audits/${a.id}`,
            ),
          ),
        );
      return PASS;
    },
  },
  {
    id: 'management-review-held',
    stage: 1,
    ref: '9.3',
    checklist: 'S15',
    title: 'At least one management review held by top management',
    grade: 'blocking',
    check: (s) => {
      if (!s.managementReviews)
        return lacks('Management reviews are not recorded in Fortytwo yet', '/management-reviews');
      const held = s.managementReviews.filter((m) => m.heldOn);
      if (!held.length) return verdictOf([r('No management review held', '/management-reviews')]);
      if (!held.some((m) => m.byTopManagement))
        return verdictOf(held.map((m) => r(`${m.ref} was held without top management`, `/management-reviews/${m.id}`)));
      return PASS;
    },
  },
  {
    id: 'management-review-inputs',
    stage: 1,
    ref: '9.3.2',
    checklist: 'S15',
    title: 'The latest management review considered every required input',
    grade: 'concern',
    check: (s) => {
      const held = (s.managementReviews ?? []).filter((m) => m.heldOn);
      if (!held.length) return lacks('No management review held yet', '/management-reviews');
      const latest = [...held].sort((a, b) => b.heldOn!.localeCompare(a.heldOn!))[0]!;
      return verdictOf(
        latest.missingInputs.map((i) => r(`${latest.ref} did not consider: ${i}`, `/management-reviews/${latest.id}`)),
      );
    },
  },
  {
    id: 'nonconformities-handled',
    stage: 1,
    ref: '10.2',
    checklist: 'S16',
    title: 'Nonconformities have a root cause, an owner and a due date',
    grade: 'concern',
    check: (s) => {
      if (!s.nonconformities) return lacks('Nonconformities are not recorded in Fortytwo yet', '/nonconformities');
      const reasons: ReadinessReason[] = [];
      for (const n of s.nonconformities.filter((x) => x.status !== 'closed')) {
        const missing = [
          !n.rootCause.trim() && 'a root cause',
          !n.ownerId && 'an owner',
          !n.dueDate && 'a due date',
        ].filter(Boolean);
        if (missing.length) reasons.push(r(`${n.ref} has no ${missing.join(', ')}`, `/nonconformities/${n.id}`));
      }
      return verdictOf(reasons);
    },
  },
];
