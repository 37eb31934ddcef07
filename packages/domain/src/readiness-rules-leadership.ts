import { lacks, PASS, r, verdictOf, type ReadinessReason, type ReadinessRule } from './readiness-rule';

// Readiness rules on leadership: roles and the AI policy (5.2, 5.3; checklist S3, S4).
export const LEADERSHIP_RULES: ReadinessRule[] = [
  {
    id: 'roles-assigned',
    stage: 1,
    ref: '5.3, A.3.2',
    checklist: 'S4',
    title: 'Top management and AIMS responsibilities are assigned',
    grade: 'blocking',
    check: (s) => {
      if (!s.roles) return lacks('No governance roles recorded', '/governance');
      const reasons: ReadinessReason[] = [];
      if (!s.roles.topManagement) reasons.push(r('No member is marked as top management', '/members'));
      if (!s.roles.pillarOwners && !s.roles.raciAssigned)
        reasons.push(r('No governance pillar has an owner and no RACI activity is assigned', '/governance'));
      return verdictOf(reasons);
    },
  },
  {
    id: 'ai-policy-approved',
    stage: 1,
    ref: '5.2, A.2.2',
    checklist: 'S3',
    title: 'The AI policy is approved by top management',
    grade: 'blocking',
    check: (s) => {
      if (!s.documents) return lacks('No documented information yet', '/documentation');
      const policy = s.documents.find((d) => d.key === 'ai-policy');
      if (!policy || policy.state === 'missing')
        return verdictOf([r('The AI policy does not exist', '/documentation')]);
      if (!['approved', 'published'].includes(policy.state))
        return verdictOf([r(`The AI policy is ${policy.state.replace(/_/g, ' ')}, not approved`, '/documentation')]);
      if (policy.approvedByTopManagement === false)
        return verdictOf([r('The AI policy was approved by someone who is not top management', '/documentation')]);
      return PASS;
    },
  },
  {
    id: 'ai-policy-communicated',
    stage: 1,
    ref: '5.2, A.2.3',
    checklist: 'S3',
    title: 'The AI policy is published to the people it concerns',
    grade: 'concern',
    check: (s) => {
      const policy = s.documents?.find((d) => d.key === 'ai-policy');
      if (!policy || !['approved', 'published'].includes(policy.state))
        return lacks('No approved AI policy to communicate', '/documentation');
      return verdictOf(
        policy.state === 'published' ? [] : [r('The AI policy is approved but not published', '/documentation')],
      );
    },
  },
];
