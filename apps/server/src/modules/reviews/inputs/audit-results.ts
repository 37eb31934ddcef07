import { FINDING_GRADE_LABELS, FINDING_GRADES } from '@fortytwo/domain';
import { auditResultsSince } from '../../audits/summary';
import type { InputProvider } from './types';
import { count, figure, period } from './types';

// 9.3.2 d: results of internal audits (modules/audits), completed in the period the review looks at.

export const auditResults: InputProvider = {
  key: 'audit_results',
  async compile({ db, orgId, since }) {
    const r = await auditResultsSince(db, orgId, since ?? '0000-01-01');
    if (!r.completed && !r.openAudits)
      return {
        key: 'audit_results',
        state: 'missing',
        summary: `No internal audit completed ${period(since)}.`,
        figures: [],
        items: [],
        reason: 'no internal audit recorded yet',
      };
    const graded = FINDING_GRADES.map((g) => `${r.findingsByGrade[g]} ${FINDING_GRADE_LABELS[g].toLowerCase()}`);
    return {
      key: 'audit_results',
      // Audits planned but none completed: the input is there, with nothing to report yet.
      state: r.completed ? 'present' : 'empty',
      summary: r.completed
        ? `${count(r.completed, 'internal audit')} completed ${period(since)}: ${graded.join(', ')}.`
        : `No internal audit completed ${period(since)}; ${count(r.openAudits, 'audit')} planned or under way.`,
      figures: [
        figure('Audits completed', r.completed),
        figure('Planned or under way', r.openAudits),
        ...FINDING_GRADES.map((g) => figure(FINDING_GRADE_LABELS[g], r.findingsByGrade[g])),
      ],
      items: r.audits.map(
        (a) =>
          `${a.ref} ${a.title}, completed ${a.completedAt.slice(0, 10)}: ${FINDING_GRADES.map((g) => `${a.findings[g]} ${FINDING_GRADE_LABELS[g].toLowerCase()}`).join(', ')}`,
      ),
      reason: r.completed ? null : 'audits planned, none completed yet',
    };
  },
};
