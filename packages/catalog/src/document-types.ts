import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parse as parseYaml } from 'yaml';
import { DATA_DIR } from './builtin';

// The AIMS documents Fortytwo writes and controls (step 3), as data: one YAML file per type under
// data/document-types/, checked by this schema when the server starts. A type says what it is for
// (clauses, controls, which mandatory documented information it meets), who owns and approves it,
// how often it is reviewed, its sections with the questions that fill them, and which records'
// changes make a published copy stale. Adding a procedure is a data change, not a code change.

export const DOCUMENT_TYPE_FORMAT = 'fortytwo/document-type@1';

/**
 * narrative: a generated first draft that people then edit, section by section.
 * register: always rendered from the records (SoA, treatment plan, scope, RACI): never retyped.
 * record: frozen from a live object (a signed impact assessment, an audit report).
 */
export const DOCUMENT_KINDS = ['narrative', 'register', 'record'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Why the document exists (FACTS §4): the standard's wording, Annex A when applicable, or the organization's own choice. */
export const DOCUMENT_BASES = ['available', 'retain', 'document', 'annex-a', 'organization'] as const;
export type DocumentBasis = (typeof DOCUMENT_BASES)[number];

/** Registers the documents module can render; each has a renderer in the server. */
export const DOCUMENT_REGISTERS = [
  'scope',
  'raci',
  'risk-treatment-plan',
  'statement-of-applicability',
  'objectives',
] as const;
export type DocumentRegister = (typeof DOCUMENT_REGISTERS)[number];

/** Records whose change makes a published document stale: the audit trail's entity types. */
export const DOCUMENT_INPUTS = [
  'org_context',
  'context_issue',
  'interested_party',
  'scope',
  'ai_system',
  'governance_pillar',
  'raci_activity',
  'raci_columns',
  'membership',
  'risk_criteria',
  'risk',
  'risk_treatment_plan',
  'soa',
  'soa_item',
  'custom_control',
  'impact_assessment',
  'document_settings',
] as const;
export type DocumentInput = (typeof DOCUMENT_INPUTS)[number];

const ROLES = ['owner', 'manager', 'contributor', 'approver', 'internal_auditor'] as const;
const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const key = z.string().regex(/^[a-z][a-zA-Z0-9]{1,40}$/, 'must be a camelCase key of 2–41 letters or digits');
const ref = z.string().regex(/^(?:\d+(?:\.\d+)*|A\.\d+(?:\.\d+)*)$/, 'must be a clause (4.3) or Annex A ref (A.6.2.4)');

export const ZDocumentQuestion = z.strictObject({
  key,
  label: text(200),
  help: text(600).optional(),
  kind: z.enum(['text', 'list'], { error: 'kind must be text or list' }).default('text'),
  /** Shown in the wizard as the answer to start from; generators fall back to it. */
  suggestion: z.union([text(2000), z.array(text(300))]).optional(),
});
export type DocumentQuestion = z.output<typeof ZDocumentQuestion>;

export const ZDocumentSection = z.strictObject({
  key,
  title: text(120),
  /** What the section should say, in our words: shown beside the editor. */
  guidance: text(800),
  questions: z.array(ZDocumentQuestion).max(8).default([]),
});
export type DocumentSectionType = z.output<typeof ZDocumentSection>;

export const ZDocumentType = z
  .strictObject({
    format: z.literal(DOCUMENT_TYPE_FORMAT, { error: `format must be "${DOCUMENT_TYPE_FORMAT}"` }),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be 2–63 lowercase letters, digits or dashes'),
    prefix: z.string().regex(/^[A-Z]{2,5}$/, 'must be 2–5 capital letters, such as POL'),
    title: text(120),
    kind: z.enum(DOCUMENT_KINDS, { error: `kind must be one of: ${DOCUMENT_KINDS.join(', ')}` }),
    summary: text(600),
    refs: z.array(ref).min(1, 'name at least one clause or control').max(40),
    /** Ids of the mandatory documented information (the catalogue's `documents`) this type meets. */
    meets: z
      .array(z.string().regex(/^[a-z0-9-]+$/))
      .max(10)
      .default([]),
    basis: z.enum(DOCUMENT_BASES, { error: `basis must be one of: ${DOCUMENT_BASES.join(', ')}` }),
    ownerRole: z.enum(ROLES),
    approverRole: z.enum(ROLES),
    /** Approved by a member named as top management, once the organization names any (5.2, 5.3, 9.3). */
    topManagementApproval: z.boolean().default(false),
    reviewMonths: z.number().int().min(1).max(60),
    retention: text(200),
    inputs: z
      .array(z.enum(DOCUMENT_INPUTS, { error: `inputs must be among: ${DOCUMENT_INPUTS.join(', ')}` }))
      .max(20)
      .default([]),
    register: z.enum(DOCUMENT_REGISTERS).optional(),
    sections: z.array(ZDocumentSection).max(30).default([]),
  })
  .superRefine((t, ctx) => {
    if (t.kind === 'narrative' && t.sections.length === 0)
      ctx.addIssue({ code: 'custom', path: ['sections'], message: 'a narrative document needs its sections' });
    if (t.kind === 'register' && !t.register)
      ctx.addIssue({
        code: 'custom',
        path: ['register'],
        message: 'a register document names the register it renders',
      });
    if (t.kind !== 'register' && t.register)
      ctx.addIssue({ code: 'custom', path: ['register'], message: 'only a register document renders a register' });
    const keys = t.sections.map((s) => s.key);
    const twice = keys.find((k, i) => keys.indexOf(k) !== i);
    if (twice) ctx.addIssue({ code: 'custom', path: ['sections'], message: `section key "${twice}" is used twice` });
  });
export type DocumentType = z.output<typeof ZDocumentType>;

/** Reads and checks one type file; a problem names the file and the field. */
export function parseDocumentType(file: string, source: string): DocumentType {
  let raw: unknown;
  try {
    raw = parseYaml(source, { maxAliasCount: 50 });
  } catch (err) {
    throw new Error(`${file}: not valid YAML: ${(err as Error).message}`);
  }
  const res = ZDocumentType.safeParse(raw);
  if (!res.success)
    throw new Error(
      `${file}: ${res.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ')}`,
    );
  const expected = path.basename(file, '.yaml');
  if (res.data.id !== expected) throw new Error(`${file}: id "${res.data.id}" must match the file name "${expected}"`);
  return res.data;
}

/** Every shipped document type, in file-name order; refs and `meets` are checked against the catalogue by its tests. */
export function loadDocumentTypes(dataDir = DATA_DIR): DocumentType[] {
  const dir = path.join(dataDir, 'document-types');
  const types = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => parseDocumentType(path.join('document-types', f), fs.readFileSync(path.join(dir, f), 'utf8')));
  const prefixes = new Map<string, string>();
  for (const t of types) {
    const other = prefixes.get(t.prefix);
    if (other) throw new Error(`document-types: prefix ${t.prefix} is used by both ${other} and ${t.id}`);
    prefixes.set(t.prefix, t.id);
  }
  return types;
}
