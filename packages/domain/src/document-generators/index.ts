import { doc, para, placeholder, type RichDoc } from '../rich-text';
import { aiPolicy } from './ai-policy';
import { aimsManual } from './aims-manual';
import { communicationPlan } from './communication-plan';
import { competenceProcedure } from './competence-procedure';
import { dataManagementProcedure } from './data-management-procedure';
import { documentControlProcedure } from './document-control-procedure';
import type { DocumentAnswers, DocumentFacts } from './facts';
import { impactAssessmentProcedure } from './impact-assessment-procedure';
import { incidentCommunicationProcedure } from './incident-communication-procedure';
import { internalAuditProcedure } from './internal-audit-procedure';
import { lifecycleProcedure } from './lifecycle-procedure';
import { managementReviewProcedure } from './management-review-procedure';
import { nonconformityProcedure } from './nonconformity-procedure';
import { riskMethodology } from './risk-methodology';
import { thirdPartyProcedure } from './third-party-procedure';

export * from './facts';

type Generator = (facts: DocumentFacts, answers: DocumentAnswers) => Record<string, RichDoc>;

/** The first-draft writers of the shipped narrative types, by type id. */
export const GENERATORS: Record<string, Generator> = {
  'ai-policy': aiPolicy,
  'aims-manual': aimsManual,
  'communication-plan': communicationPlan,
  'competence-procedure': competenceProcedure,
  'data-management-procedure': dataManagementProcedure,
  'document-control-procedure': documentControlProcedure,
  'impact-assessment-procedure': impactAssessmentProcedure,
  'incident-communication-procedure': incidentCommunicationProcedure,
  'internal-audit-procedure': internalAuditProcedure,
  'lifecycle-procedure': lifecycleProcedure,
  'management-review-procedure': managementReviewProcedure,
  'nonconformity-procedure': nonconformityProcedure,
  'risk-methodology': riskMethodology,
  'third-party-procedure': thirdPartyProcedure,
};

/** What a generator needs of a document type: its sections and the questions' suggestions. */
export type GeneratedType = {
  id: string;
  sections: {
    key: string;
    title: string;
    guidance: string;
    questions: { key: string; suggestion?: string | string[] | undefined }[];
  }[];
};

/**
 * A first draft of every section of a type: the generator's text where it has one, and otherwise
 * a placeholder carrying the section's guidance (which blocks approval until someone writes it).
 * Unanswered questions take the type's suggested answer, which the wizard showed.
 */
export function generateDraft(
  type: GeneratedType,
  facts: DocumentFacts,
  answers: DocumentAnswers,
): { key: string; title: string; body: RichDoc }[] {
  const suggested: DocumentAnswers = {};
  for (const q of type.sections.flatMap((s) => s.questions))
    if (q.suggestion !== undefined) suggested[q.key] = q.suggestion;
  const given = Object.fromEntries(
    Object.entries(answers).filter(([, v]) => (Array.isArray(v) ? v.some((x) => x.trim()) : v.trim() !== '')),
  );
  const written = GENERATORS[type.id]?.(facts, { ...suggested, ...given }) ?? {};
  return type.sections.map((s) => ({
    key: s.key,
    title: s.title,
    body: written[s.key] ?? doc(para(placeholder(s.guidance))),
  }));
}
