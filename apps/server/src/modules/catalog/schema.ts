import { z } from 'zod';
import {
  DOCUMENTATION_KINDS,
  ITEM_KINDS,
  PDCA_PHASES,
  PILLARS,
  RELATIONSHIPS,
  type CatalogItem,
} from '@fortytwo/catalog';

// The catalogue's HTTP shapes. `parentRef` is the contract's name for a file item's `parent`.

export const ZGuidanceOut = z.object({ asks: z.string(), auditorLooksFor: z.string(), evidence: z.array(z.string()) });

export const ZCatalogItemOut = z.object({
  ref: z.string(),
  kind: z.enum(ITEM_KINDS),
  title: z.string(),
  parentRef: z.string().nullable(),
  assessable: z.boolean(),
  summary: z.string().nullable(),
  guidance: ZGuidanceOut.nullable(),
  documentation: z.enum(DOCUMENTATION_KINDS),
  documentationNote: z.string().nullable(),
  relatedControls: z.array(z.string()),
  pillars: z.array(z.enum(PILLARS)),
  pdca: z.enum(PDCA_PHASES).nullable(),
});
export type CatalogItemOut = z.infer<typeof ZCatalogItemOut>;

export function presentItem(i: CatalogItem): CatalogItemOut {
  return {
    ref: i.ref,
    kind: i.kind,
    title: i.title,
    parentRef: i.parent ?? null,
    assessable: i.assessable,
    summary: i.summary ?? null,
    guidance: i.guidance ?? null,
    documentation: i.documentation,
    documentationNote: i.documentationNote ?? null,
    relatedControls: i.relatedControls,
    pillars: i.pillars,
    pdca: i.pdca ?? null,
  };
}

export const ZFrameworkSummary = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  publisher: z.string().nullable(),
  description: z.string().nullable(),
  url: z.string().nullable(),
  origin: z.enum(['builtin', 'imported', 'custom']),
  itemCount: z.number(),
  assessableCount: z.number(),
});

export const ZRequiredDocument = z.object({
  id: z.string(),
  title: z.string(),
  wording: z.enum(['available', 'retain', 'document']),
  description: z.string(),
  clauses: z.array(z.string()),
  controls: z.array(z.string()),
});

export const ZReferenceList = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  entries: z.array(z.object({ ref: z.string(), title: z.string(), description: z.string() })),
});

export const ZFrameworkDetail = ZFrameworkSummary.extend({
  items: z.array(ZCatalogItemOut),
  documents: z.array(ZRequiredDocument),
  referenceLists: z.array(ZReferenceList),
});

export const ZItemLink = z.object({
  crosswalkId: z.string(),
  direction: z.enum(['outgoing', 'incoming']),
  frameworkId: z.string(),
  frameworkName: z.string(),
  ref: z.string(),
  title: z.string(),
  relationship: z.enum(RELATIONSHIPS),
  rationale: z.string(),
});

const ZItemRefOut = z.object({ ref: z.string(), title: z.string(), kind: z.string() });
export const ZItemDetail = ZCatalogItemOut.extend({
  frameworkId: z.string(),
  frameworkName: z.string(),
  ancestors: z.array(ZItemRefOut),
  children: z.array(ZItemRefOut.extend({ assessable: z.boolean() })),
  related: z.array(z.object({ ref: z.string(), title: z.string() })),
  documents: z.array(ZRequiredDocument),
  links: z.array(ZItemLink),
});

export const ZSearchHit = z.object({
  frameworkId: z.string(),
  ref: z.string(),
  title: z.string(),
  kind: z.string(),
  assessable: z.boolean(),
  snippet: z.string(),
});

export const ZCrosswalkSummary = z.object({
  id: z.string(),
  name: z.string(),
  source: z.string(),
  target: z.string(),
  provenance: z.string(),
  description: z.string().nullable(),
  origin: z.enum(['builtin', 'imported']),
  linkCount: z.number(),
});
export const ZCrosswalkDetail = ZCrosswalkSummary.extend({
  links: z.array(
    z.object({ source: z.string(), target: z.string(), relationship: z.enum(RELATIONSHIPS), rationale: z.string() }),
  ),
});

export const ZFrameworkParams = z.object({ frameworkId: z.string().max(63) });
export const ZItemParams = ZFrameworkParams.extend({ ref: z.string().max(40) });
export const ZSearchQuery = z.object({
  q: z
    .string({ error: 'q is required: the words to search for' })
    .trim()
    .min(1, 'q is required: the words to search for')
    .max(200, 'q must be at most 200 characters'),
  frameworkId: z.string().max(63).optional(),
  limit: z.coerce.number({ error: 'limit must be a number' }).int().min(1).max(200).default(50),
});
