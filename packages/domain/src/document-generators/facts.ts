import type { AiRole, LifecycleStage } from '../enums';
import type { RiskCriteriaContent } from '../risk';

/**
 * What the generators know about an organization: a read of its records, gathered by the server
 * when a draft is generated. Generators are pure functions of these facts and the wizard's
 * answers, so the same facts always give the same first draft, and tests need no database.
 */
export type DocumentFacts = {
  organization: { name: string; codePrefix: string; classification: string; topManagement: string };
  documentOwner: string | null;
  approver: string | null;
  aiRoles: { role: AiRole; subRoles: string[] }[];
  climate: { relevant: boolean | null; reason: string };
  issues: { kind: 'internal' | 'external'; title: string }[];
  parties: { name: string; requirements: string[] }[];
  scope: { revision: number | null; approvedAt: string | null; statement: string | null; units: string[]; sites: string[]; processes: string[] };
  aiSystems: { name: string; intendedPurpose: string; lifecycleStage: LifecycleStage; inScope: boolean; thirdParty: boolean }[];
  pillars: { label: string; owner: string | null; policyStatements: string[]; objectives: string[] }[];
  raci: { activity: string; accountable: string[]; responsible: string[] }[];
  criteria: (RiskCriteriaContent & { number: number; approved: boolean }) | null;
};

/** Answers from the wizard, by question key: a text, or a list for list questions. */
export type DocumentAnswers = Record<string, string | string[]>;

export const answerText = (answers: DocumentAnswers, key: string): string | null => {
  const a = answers[key];
  if (Array.isArray(a)) return a.filter((x) => x.trim()).join('; ') || null;
  return a?.trim() ? a.trim() : null;
};
export const answerList = (answers: DocumentAnswers, key: string): string[] => {
  const a = answers[key];
  if (Array.isArray(a)) return a.map((x) => x.trim()).filter(Boolean);
  return a?.trim() ? [a.trim()] : [];
};

export const listSentence = (xs: string[]): string => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)!}`);
