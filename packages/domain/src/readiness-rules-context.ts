import { lacks, nameOf, PASS, r, verdictOf, type ReadinessReason, type ReadinessRule } from './readiness-rule';

// Readiness rules on the scope and the context of the organization (4.1, 4.3; checklist S1, S2).

/** The organizational roles an AI system's own roles imply the organization holds (4.1). */
const PRODUCING_ROLES = ['provider', 'producer', 'partner'];

export const SCOPE_AND_CONTEXT_RULES: ReadinessRule[] = [
  {
    id: 'scope-approved',
    stage: 1,
    ref: '4.3',
    checklist: 'S1',
    title: 'The AIMS scope is approved',
    grade: 'blocking',
    check: (s) => {
      if (!s.scope) return lacks('No scope written yet', '/scope');
      if (!s.scope.approved) return verdictOf([r('The scope was written but never approved', '/scope')]);
      return PASS;
    },
  },
  {
    id: 'scope-current',
    stage: 1,
    ref: '4.3, 7.5',
    checklist: 'S1',
    title: 'The scope in force matches the draft',
    grade: 'concern',
    check: (s) => {
      if (!s.scope?.approved) return lacks('No approved scope yet', '/scope');
      return verdictOf(
        s.scope.changedSinceApproval
          ? [r(`The scope changed since revision ${s.scope.approved.revision} was approved`, '/scope')]
          : [],
      );
    },
  },
  {
    id: 'scope-names-ai-systems',
    stage: 1,
    ref: '4.3, A.4.2',
    checklist: 'S1',
    title: 'The scope names the AI systems, and every AI system in use is in it or excluded with a reason',
    grade: 'blocking',
    check: (s) => {
      if (!s.scope) return lacks('No scope written yet', '/scope');
      if (!s.aiSystems.length) return lacks('The AI system inventory is empty', '/ai-systems/new');
      const reasons: ReadinessReason[] = [];
      if (!s.scope.aiSystemIds.length) reasons.push(r('The scope names no AI system', '/scope'));
      const inScope = new Set(s.scope.aiSystemIds);
      const out = new Set(s.scope.outOfScope.map((o) => o.aiSystemId));
      for (const a of s.aiSystems)
        if (a.status === 'active' && !inScope.has(a.id) && !out.has(a.id))
          reasons.push(r(`AI system "${a.name}" is in use but neither in the scope nor excluded from it`, '/scope'));
      return verdictOf(reasons);
    },
  },
  {
    id: 'scope-exclusions-justified',
    stage: 1,
    ref: '4.3',
    checklist: 'S1',
    title: 'Every exclusion from the scope has its reason',
    grade: 'concern',
    check: (s) => {
      if (!s.scope) return lacks('No scope written yet', '/scope');
      const reasons: ReadinessReason[] = [];
      for (const e of s.scope.exclusions)
        if (!e.justification.trim()) reasons.push(r(`Exclusion "${e.item}" has no justification`, '/scope'));
      for (const o of s.scope.outOfScope)
        if (!o.reason.trim())
          reasons.push(r(`AI system "${nameOf(s, o.aiSystemId)}" is out of scope without a reason`, '/scope'));
      if (!s.scope.units.length && !s.scope.sites.length)
        reasons.push(r('The scope names no organizational unit or site', '/scope'));
      return verdictOf(reasons);
    },
  },
  {
    id: 'ai-roles-declared',
    stage: 1,
    ref: '4.1',
    checklist: 'S2',
    title: "The organization's AI roles are determined",
    grade: 'blocking',
    check: (s) => {
      if (!s.context) return lacks('The context of the organization was never recorded', '/context');
      return verdictOf(s.context.aiRoles.length ? [] : [r('No AI role is declared in the context', '/context')]);
    },
  },
  {
    id: 'ai-roles-consistent',
    stage: 1,
    ref: '4.1',
    checklist: 'S2',
    title: 'The declared AI roles match what the AI systems do',
    grade: 'blocking',
    check: (s) => {
      if (!s.context?.aiRoles.length) return lacks('No AI role is declared in the context', '/context');
      if (!s.aiSystems.length) return lacks('The AI system inventory is empty', '/ai-systems/new');
      const declared = new Set(s.context.aiRoles.map((x) => x.role));
      const reasons: ReadinessReason[] = [];
      for (const a of s.aiSystems.filter((x) => x.status !== 'archived'))
        for (const role of a.aiRoles)
          if (!declared.has(role))
            reasons.push(
              r(
                `AI system "${a.name}" acts as ${role.replace(/_/g, ' ')}${PRODUCING_ROLES.includes(role) ? ' (it builds or offers AI, not only uses it)' : ''}, a role the context does not declare`,
                '/context',
              ),
            );
      return verdictOf(reasons);
    },
  },
];
