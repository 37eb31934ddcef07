import type { PartyCategory } from '../context';
import type { AiRole, LifecycleStage, RiskTier, Role } from '../enums';
import type { ImpactStatus } from '../impact';
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
  parties: { name: string; category: PartyCategory; requirements: string[] }[];
  scope: {
    revision: number | null;
    approvedAt: string | null;
    statement: string | null;
    units: string[];
    sites: string[];
    processes: string[];
  };
  /** Archived systems are left out; `thirdParties` are the suppliers and partners named in the inventory. */
  aiSystems: {
    name: string;
    intendedPurpose: string;
    lifecycleStage: LifecycleStage;
    riskTier: RiskTier;
    owner: string | null;
    inScope: boolean;
    thirdParties: string[];
  }[];
  /** Current members with lasting or unexpired access, external auditors left out. */
  members: { name: string; role: Role }[];
  /** Every impact assessment, by the name of its AI system. */
  impactAssessments: { aiSystem: string; status: ImpactStatus }[];
  pillars: { label: string; owner: string | null; policyStatements: string[]; objectives: string[] }[];
  raci: { activity: string; accountable: string[]; responsible: string[] }[];
  criteria: (RiskCriteriaContent & { number: number; approved: boolean }) | null;
  /** The document types Fortytwo controls (the catalogue's), for the document control procedure. */
  documentTypes: { prefix: string; title: string; reviewMonths: number; retention: string }[];
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

export const listSentence = (xs: string[]): string =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)!}`;

/** The RACI line of an AIMS activity, found by its name (organizations rename them a little). */
export const raciOf = (f: DocumentFacts, activity: RegExp) => f.raci.find((r) => activity.test(r.activity)) ?? null;

/** "Priya Raman" or "Priya Raman and Tomás Ortega", or null when nobody holds the letter. */
export function raciNames(f: DocumentFacts, activity: RegExp, letter: 'accountable' | 'responsible'): string | null {
  const names = raciOf(f, activity)?.[letter] ?? [];
  return names.length ? listSentence(names) : null;
}

/** The names of the members holding one of these roles. */
export const membersIn = (f: DocumentFacts, ...roles: Role[]) =>
  f.members.filter((m) => roles.includes(m.role)).map((m) => m.name);

/** Each supplier or partner named in the inventory, with the AI systems it serves (retired systems left out). */
export function suppliersOf(f: DocumentFacts): { name: string; systems: string[] }[] {
  const by = new Map<string, string[]>();
  for (const s of f.aiSystems.filter((x) => x.lifecycleStage !== 'retired'))
    for (const t of s.thirdParties) by.set(t, [...(by.get(t) ?? []), s.name]);
  return [...by].map(([name, systems]) => ({ name, systems })).sort((a, b) => a.name.localeCompare(b.name));
}

/** "once a year", "twice a year", "4 times a year"; other answers are kept as written. */
export function timesAYear(answer: string | null): string | null {
  if (!answer) return null;
  const n = Number(answer);
  if (!Number.isInteger(n) || n < 1) return answer;
  return n === 1 ? 'once a year' : n === 2 ? 'twice a year' : `${n} times a year`;
}

const TIER_WORDS: Record<RiskTier, string> = {
  unclassified: 'risk tier not yet classified',
  minimal: 'minimal risk',
  limited: 'limited risk',
  high: 'high risk',
  prohibited: 'a prohibited practice',
};
/** The risk tier as words inside a sentence: "high risk". */
export const tierWords = (t: RiskTier) => TIER_WORDS[t];

/** An answer used inside a sentence that the generator ends itself: without its own final full stop. */
export const inSentence = (text: string) => text.trim().replace(/[.;:\s]+$/, '');
/** The same, also starting in lower case when it starts with an ordinary capitalised word ("Within a day" → "within a day", "E-mail" → "e-mail"; "AIMS page" stays). */
export const midSentence = (text: string) => inSentence(text).replace(/^([A-Z])(?=[a-z -])/, (c) => c.toLowerCase());

/** Top management inside a sentence: "approved by the board of Northwind" rather than "by The board of Northwind". */
export const topManagementIn = (f: DocumentFacts) =>
  f.organization.topManagement.replace(/^(The|Our|Its) /, (m) => m.toLowerCase());

/** A period answered in months, as words after "every" or "of": "12" → "12 months", "1" → "month", "two years" as written; null when unanswered. */
export function monthsOf(answer: string | null): string | null {
  if (!answer) return null;
  const n = /^\s*(\d+)\s*(?:months?)?\s*\.?\s*$/i.exec(answer);
  if (n) return Number(n[1]) === 1 ? 'month' : `${Number(n[1])} months`;
  return midSentence(answer).replace(/^every /i, '');
}
