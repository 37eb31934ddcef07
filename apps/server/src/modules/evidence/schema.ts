import { EVIDENCE_KINDS, EVIDENCE_SUBJECT_TYPES, EXPIRY_STATES } from '@fortytwo/domain';
import { z } from 'zod';
import { ZPeople, type Owned } from '../../platform/people';

// What the evidence API answers (OpenAPI reads these).

export const ZEvidenceSummary = z.object({
  id: z.string(),
  number: z.number(),
  reference: z.string().describe('EV-<number>'),
  title: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  fileName: z.string().nullable(),
  url: z.string().nullable(),
  expiresOn: z.string().nullable(),
  expiryState: z.enum(EXPIRY_STATES),
});

const ZFileOut = z.object({ name: z.string(), size: z.number(), mediaType: z.string(), sha256: z.string() });

export const ZEvidenceOut = z.object({
  id: z.string(),
  number: z.number(),
  reference: z.string().describe('EV-<number>'),
  title: z.string(),
  description: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  file: ZFileOut.nullable().describe('the current revision, for a file'),
  url: z.string().nullable().describe('the current revision, for a link'),
  ownerId: z.string().nullable().describe('who keeps it current: a key of the answer’s `people`'),
  effectiveOn: z.string().nullable(),
  expiresOn: z.string().nullable().describe('review or expiry date'),
  expiryState: z.enum(EXPIRY_STATES).describe('expiring: within 30 days; expired: the date has passed'),
  revision: z.number(),
  linkCount: z.number(),
  collectedBy: z.string().nullable().describe('who added the evidence'),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const ZEvidenceRevisionOut = z.object({
  id: z.string(),
  revision: z.number(),
  kind: z.enum(EVIDENCE_KINDS),
  file: ZFileOut.nullable(),
  url: z.string().nullable(),
  note: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});

export const ZEvidenceLinkOut = z.object({
  subjectType: z.enum(EVIDENCE_SUBJECT_TYPES),
  subjectId: z.string(),
  label: z.string(),
  linkedAt: z.string(),
  linkedBy: z.string().nullable(),
});
export const ZCrosswalkItem = z.object({
  frameworkId: z.string(),
  frameworkName: z.string(),
  ref: z.string(),
  title: z.string(),
  relationship: z.string(),
  via: z.string().describe('the ISO/IEC 42001 ref it maps from'),
});

export const ZEvidenceDetail = ZEvidenceOut.extend({
  revisions: z.array(ZEvidenceRevisionOut).describe('newest first; the first is the current one'),
  links: z.array(ZEvidenceLinkOut),
  crosswalk: z
    .array(ZCrosswalkItem)
    .describe('items of other frameworks this evidence also serves, through the crosswalks'),
});

/** Evidence as the services build it: its owner embedded (the exports and the package print it); answers carry `people`. */
export type EvidenceOut = z.infer<typeof ZEvidenceOut> & Owned;
export type EvidenceDetail = z.infer<typeof ZEvidenceDetail> & Owned;

/** One piece of evidence's answer, and with its detail: the people it names (issue 19). */
export const ZEvidenceAnswer = ZEvidenceOut.extend({ people: ZPeople });
export const ZEvidenceDetailAnswer = ZEvidenceDetail.extend({ people: ZPeople });
