import { z } from 'zod';
import { ZAiSystemRef } from './ids';
import { versionField } from './version';
import { AI_ROLE_LABELS, type AiRole } from './enums';

// The scope of the AI management system (clause 4.3): what it covers, what it leaves out and why,
// composed into a statement that an approver signs off, one revision at a time.

const entry = (what: string) =>
  z.string().trim().min(1, `${what} must not be empty`).max(300, `${what} must be at most 300 characters`);
const list = (what: string) => z.array(entry(what)).max(100, `At most 100 entries in ${what.toLowerCase()}s`);

export const ZScopeExclusion = z.strictObject({
  item: entry('Excluded item'),
  justification: z
    .string({ error: 'Each exclusion needs a justification' })
    .trim()
    .min(1, 'Each exclusion needs a justification: say why it is outside the AIMS')
    .max(2000),
});

export const ZScopeOutOfScope = z.strictObject({
  aiSystemId: ZAiSystemRef,
  reason: z.string().trim().min(1, 'Give the reason this AI system is outside the scope').max(2000),
});

export const ZUpdateScope = z.strictObject({
  version: versionField('version is required: send the version you read (0 before the first save)'),
  units: list('Organizational unit').optional(),
  sites: list('Site').optional(),
  aiSystemIds: z.array(ZAiSystemRef).max(1000).optional(),
  processes: list('Process').optional(),
  productsServices: list('Product or service').optional(),
  interfaces: list('Interface or dependency').optional(),
  exclusions: z.array(ZScopeExclusion).max(100).optional(),
  outOfScope: z.array(ZScopeOutOfScope).max(1000).optional(),
});

export type ScopeContent = {
  units: string[];
  sites: string[];
  aiSystemIds: string[];
  processes: string[];
  productsServices: string[];
  interfaces: string[];
  exclusions: { item: string; justification: string }[];
  outOfScope: { aiSystemId: string; reason: string }[];
};

export const EMPTY_SCOPE: ScopeContent = {
  units: [],
  sites: [],
  aiSystemIds: [],
  processes: [],
  productsServices: [],
  interfaces: [],
  exclusions: [],
  outOfScope: [],
};

/** Lifecycle stages in which an AI system is live: leaving one out of scope needs a reason. */
export const LIVE_STAGES = ['deployment', 'operation'] as const;

export type ScopeWarning = { aiSystemId: string; name: string; message: string };

export function scopeWarnings(
  scope: ScopeContent,
  aiSystems: { id: string; name: string; lifecycleStage: string; status?: string }[],
): ScopeWarning[] {
  const inScope = new Set(scope.aiSystemIds);
  const explained = new Set(scope.outOfScope.filter((o) => o.reason.trim()).map((o) => o.aiSystemId));
  return aiSystems
    .filter(
      (s) =>
        (LIVE_STAGES as readonly string[]).includes(s.lifecycleStage) &&
        s.status !== 'archived' &&
        !inScope.has(s.id) &&
        !explained.has(s.id),
    )
    .map((s) => ({
      aiSystemId: s.id,
      name: s.name,
      message: `${s.name} is in ${s.lifecycleStage} but outside the scope, with no reason given. Add it to the scope or say why it is left out.`,
    }));
}

const sentenceList = (xs: string[]) =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)!}`;

/** The readable scope statement, composed from the builder's fields. Plain sentences an auditor can quote. */
export function composeScopeStatement(input: {
  organizationName: string;
  aiRoles: AiRole[];
  scope: ScopeContent;
  aiSystems: { id: string; name: string; intendedPurpose: string }[];
}): string {
  const { scope } = input;
  const paragraphs: string[] = [];
  const where = [
    scope.units.length ? `the ${sentenceList(scope.units)}` : null,
    scope.sites.length ? `at ${sentenceList(scope.sites)}` : null,
  ]
    .filter(Boolean)
    .join(' ');
  const roles = input.aiRoles.length
    ? ` in its role${input.aiRoles.length > 1 ? 's' : ''} as AI ${sentenceList(input.aiRoles.map((r) => AI_ROLE_LABELS[r].toLowerCase()))}`
    : '';
  paragraphs.push(
    `The AI management system of ${input.organizationName} covers ${where || 'the whole organization'}${roles}.`,
  );
  const systems = input.aiSystems.filter((s) => scope.aiSystemIds.includes(s.id));
  if (systems.length)
    paragraphs.push(
      `It covers these AI systems:\n${systems.map((s) => `- ${s.name}: ${s.intendedPurpose}`).join('\n')}`,
    );
  else paragraphs.push('No AI system has been placed in scope yet.');
  if (scope.processes.length) paragraphs.push(`Processes in scope: ${sentenceList(scope.processes)}.`);
  if (scope.productsServices.length)
    paragraphs.push(`Products and services in scope: ${sentenceList(scope.productsServices)}.`);
  if (scope.interfaces.length)
    paragraphs.push(
      `Interfaces and dependencies with activities outside the scope: ${sentenceList(scope.interfaces)}.`,
    );
  const leftOut = [
    ...scope.exclusions.map((e) => `- ${e.item}: ${e.justification}`),
    ...scope.outOfScope.map((o) => {
      const name =
        input.aiSystems.find((s) => s.id === o.aiSystemId)?.name ?? 'An AI system no longer in the inventory';
      return `- ${name}: ${o.reason}`;
    }),
  ];
  if (leftOut.length) paragraphs.push(`Excluded from the scope, with the reasons:\n${leftOut.join('\n')}`);
  return paragraphs.join('\n\n');
}
