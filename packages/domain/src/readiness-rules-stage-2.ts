import { addMonths } from './dates';
import { lacks, r, verdictOf, type ReadinessReason, type ReadinessRule } from './readiness-rule';

// Readiness rules checked only for stage 2: the AIMS operating over time (checklist O1–O5).

/** The operating period CERTIFICATION.md §3 uses as a warning threshold before stage 2 (months). */
export const OPERATING_PERIOD_MONTHS = 3;

export const STAGE_2_RULES: ReadinessRule[] = [
  {
    id: 'monitoring-over-period',
    stage: 2,
    ref: '9.1',
    checklist: 'O1',
    title: `Monitoring records span the operating period (at least ${OPERATING_PERIOD_MONTHS} months)`,
    grade: 'concern',
    check: (s) => {
      const measured = (s.metrics ?? []).filter((m) => m.measurements > 0 && m.firstAt);
      if (!measured.length) return lacks('No metric has measurements yet', '/metrics');
      const first = measured.map((m) => m.firstAt!.slice(0, 10)).sort()[0]!;
      return verdictOf(
        addMonths(first, OPERATING_PERIOD_MONTHS) > s.today
          ? [
              r(
                `Monitoring records start on ${first}: less than ${OPERATING_PERIOD_MONTHS} months of operation`,
                '/metrics',
              ),
            ]
          : [],
      );
    },
  },
  {
    id: 'controls-operating',
    stage: 2,
    ref: '8.1, 6.1.3',
    checklist: 'O2',
    title: 'Every included control operates and has recorded occurrences',
    grade: 'concern',
    check: (s) => {
      const included = (s.soa?.items ?? []).filter((i) => i.included);
      if (!included.length) return lacks('No control included in the SoA yet', '/soa');
      if (!s.controls) return lacks('No control implementation recorded yet', '/controls');
      const byRef = new Map(s.controls.map((c) => [c.ref, c]));
      const reasons: ReadinessReason[] = [];
      for (const i of included) {
        const c = byRef.get(i.ref);
        if (!c || c.status !== 'operating')
          reasons.push(
            r(
              `Control ${i.ref} is included but ${c ? c.status.replace(/_/g, ' ') : 'not implemented'}`,
              `/controls/${i.ref}`,
            ),
          );
        else if (!c.occurrences)
          reasons.push(r(`Control ${i.ref} operates but no occurrence is recorded`, `/controls/${i.ref}`));
      }
      return verdictOf(reasons);
    },
  },
  {
    id: 'evidence-current',
    stage: 2,
    ref: '7.5.3',
    checklist: 'O3',
    title: 'No evidence has expired',
    grade: 'concern',
    check: (s) => {
      if (!s.evidence?.length) return lacks('No evidence in the library yet', '/evidence');
      return verdictOf(
        s.evidence
          .filter((e) => e.expiresOn && e.expiresOn < s.today)
          .map((e) => r(`${e.ref} "${e.title}" expired on ${e.expiresOn}`, `/evidence/${e.id}`)),
      );
    },
  },
  {
    id: 'training-complete',
    stage: 2,
    ref: '7.2, 7.3',
    checklist: 'O4',
    title: 'No assigned training is overdue',
    grade: 'concern',
    check: (s) => {
      if (!s.trainings?.length) return lacks('No training assigned yet', '/trainings');
      return verdictOf(
        s.trainings
          .filter((t) => t.status === 'open' && t.dueOn && t.dueOn < s.today)
          .map((t) => r(`${t.personName}: "${t.title}" was due on ${t.dueOn}`, '/trainings')),
      );
    },
  },
  {
    id: 'corrective-actions-on-time',
    stage: 2,
    ref: '10.2',
    checklist: 'O5',
    title: 'No corrective action is overdue',
    grade: 'concern',
    check: (s) => {
      if (!s.nonconformities) return lacks('Nonconformities are not recorded in Fortytwo yet', '/nonconformities');
      return verdictOf(
        s.nonconformities
          .filter((n) => n.status !== 'closed' && n.correctiveActionOverdue)
          .map((n) => r(`${n.ref} has an overdue corrective action`, `/nonconformities/${n.id}`)),
      );
    },
  },
];
