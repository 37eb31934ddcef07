import { lacks, r, verdictOf, type ReadinessReason, type ReadinessRule } from './readiness-rule';

// Readiness rules on AI objectives and support: competence and documented information (6.2, 7.2, 7.3,
// 7.5; checklist S10–S12).
export const OBJECTIVES_AND_SUPPORT_RULES: ReadinessRule[] = [
  {
    id: 'objectives-measurable',
    stage: 1,
    ref: '6.2',
    checklist: 'S10',
    title: 'AI objectives are measurable and owned',
    grade: 'concern',
    check: (s) => {
      if (!s.objectives?.length) return lacks('No AI objective yet', '/objectives');
      const reasons: ReadinessReason[] = [];
      for (const o of s.objectives.filter((x) => x.status !== 'cancelled')) {
        if (!o.measurable)
          reasons.push(r(`${o.ref} "${o.title}" has no target to measure against`, `/objectives/${o.id}`));
        if (!o.ownerId) reasons.push(r(`${o.ref} "${o.title}" has no owner`, `/objectives/${o.id}`));
      }
      return verdictOf(reasons);
    },
  },
  {
    id: 'competence-per-ai-role',
    stage: 1,
    ref: '7.2, 7.3',
    checklist: 'S11',
    title: 'Everyone in an AI role has evidence of competence',
    grade: 'concern',
    check: (s) => {
      const inRoles = (s.people ?? []).filter((p) => p.active && p.aiRoles.length);
      if (!inRoles.length) return lacks('No person with an AI role recorded', '/people');
      return verdictOf(
        inRoles
          .filter((p) => p.validCompletions === 0)
          .map((p) =>
            r(`${p.name} (${p.aiRoles.join(', ')}) has no valid training or competence record`, `/people/${p.id}`),
          ),
      );
    },
  },
  {
    id: 'mandatory-documents-approved',
    stage: 1,
    ref: '7.5',
    checklist: 'S12',
    title: 'Every mandatory documented-information item exists and is approved',
    grade: 'concern',
    check: (s) => {
      const items = (s.documents ?? []).filter((d) => d.mandatory);
      if (!items.length) return lacks('No documented information yet', '/documentation');
      return verdictOf(
        items
          .filter((d) => !['approved', 'published', 'records'].includes(d.state))
          .map((d) =>
            r(`"${d.title}" is ${d.state === 'missing' ? 'missing' : d.state.replace(/_/g, ' ')}`, '/documentation'),
          ),
      );
    },
  },
  {
    id: 'documents-reviewed',
    stage: 1,
    ref: '7.5.2',
    checklist: 'S12',
    title: 'No document is overdue for review',
    grade: 'concern',
    check: (s) => {
      const dated = (s.documents ?? []).filter((d) => d.nextReviewAt);
      if (!dated.length) return lacks('No approved document with a review date yet', '/documentation');
      return verdictOf(
        dated
          .filter((d) => d.nextReviewAt!.slice(0, 10) < s.today)
          .map((d) => r(`"${d.title}" was due for review on ${d.nextReviewAt!.slice(0, 10)}`, '/documentation')),
      );
    },
  },
];
