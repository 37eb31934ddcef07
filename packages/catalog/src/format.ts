import { z } from 'zod';
import { PILLARS } from '@fortytwo/domain';

// The one file format for frameworks, crosswalks and reference lists: the built-in catalogue and an
// organization's imports are read by the same schema, so a custom framework can do what ISO 42001 does.

export const FRAMEWORK_FORMAT = 'fortytwo/framework@1';
export const CROSSWALK_FORMAT = 'fortytwo/crosswalk@1';

export const ITEM_KINDS = [
  'clause',
  'subclause',
  'annex_group',
  'objective',
  'control',
  'function',
  'category',
  'subcategory',
  'article',
  'requirement',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

// The six governance pillars live in the domain, next to the governance framework that owns them.
export { PILLARS, PILLAR_LABELS, type Pillar } from '@fortytwo/domain';

export const PDCA_PHASES = ['plan', 'do', 'check', 'act'] as const;
export type PdcaPhase = (typeof PDCA_PHASES)[number];

/** What the requirement's own wording asks to be documented: kept (retain), available, or the act of documenting. */
export const DOCUMENTATION_KINDS = ['none', 'available', 'retain', 'document'] as const;
export type DocumentationKind = (typeof DOCUMENTATION_KINDS)[number];

export const RELATIONSHIPS = ['equal', 'subset', 'superset', 'intersect'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const ref = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(40, 'must be at most 40 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9 .\-()]*$/, 'may contain letters, digits, spaces, dots, dashes and brackets only');
const id = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be 2–63 lowercase letters, digits or dashes');

export const ZGuidance = z.strictObject({
  asks: text(2000),
  auditorLooksFor: text(2000),
  evidence: z.array(text(300)).min(1, 'list at least one kind of evidence').max(20),
});

export const ZItem = z.strictObject({
  ref,
  kind: z.enum(ITEM_KINDS, { error: `kind must be one of: ${ITEM_KINDS.join(', ')}` }),
  title: text(200),
  parent: ref.optional(),
  assessable: z.boolean().default(false),
  summary: text(600).optional(),
  guidance: ZGuidance.optional(),
  documentation: z
    .enum(DOCUMENTATION_KINDS, { error: `documentation must be one of: ${DOCUMENTATION_KINDS.join(', ')}` })
    .default('none'),
  documentationNote: text(400).optional(),
  relatedControls: z.array(ref).max(100).default([]),
  pillars: z
    .array(z.enum(PILLARS, { error: `pillars must be among: ${PILLARS.join(', ')}` }))
    .max(PILLARS.length)
    .default([]),
  pdca: z.enum(PDCA_PHASES, { error: `pdca must be one of: ${PDCA_PHASES.join(', ')}` }).optional(),
});
export type CatalogItem = z.output<typeof ZItem>;

export const ZDocument = z.strictObject({
  id,
  title: text(200),
  wording: z.enum(['available', 'retain', 'document'], {
    error: 'wording must be one of: available, retain, document',
  }),
  description: text(1000),
  clauses: z.array(ref).default([]),
  controls: z.array(ref).default([]),
});
export type RequiredDocument = z.output<typeof ZDocument>;

export const ZReferenceList = z.strictObject({
  id,
  title: text(200),
  description: text(1000).optional(),
  entries: z
    .array(z.strictObject({ ref, title: text(200), description: text(1000) }))
    .min(1)
    .max(500),
});
export type ReferenceList = z.output<typeof ZReferenceList>;

export const ZFramework = z.strictObject({
  format: z.literal(FRAMEWORK_FORMAT, { error: `format must be "${FRAMEWORK_FORMAT}"` }),
  id,
  name: text(200),
  version: text(40),
  publisher: text(200).optional(),
  description: text(2000).optional(),
  url: z.url({ error: 'url must be an absolute URL' }).optional(),
  items: z.array(ZItem).min(1, 'a framework needs at least one item').max(5000),
  documents: z.array(ZDocument).max(200).default([]),
  referenceLists: z.array(ZReferenceList).max(50).default([]),
});
export type Framework = z.output<typeof ZFramework>;

export const ZLink = z.strictObject({
  source: ref,
  target: ref,
  relationship: z.enum(RELATIONSHIPS, { error: `relationship must be one of: ${RELATIONSHIPS.join(', ')}` }),
  rationale: text(400),
});
export type CrosswalkLink = z.output<typeof ZLink>;

export const ZCrosswalk = z.strictObject({
  format: z.literal(CROSSWALK_FORMAT, { error: `format must be "${CROSSWALK_FORMAT}"` }),
  id,
  name: text(200),
  source: id,
  target: id,
  provenance: text(1000),
  description: text(2000).optional(),
  links: z.array(ZLink).min(1, 'a crosswalk needs at least one link').max(20000),
});
export type Crosswalk = z.output<typeof ZCrosswalk>;
