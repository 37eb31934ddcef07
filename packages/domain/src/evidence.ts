import { z } from 'zod';
import { calendarDate, addDays } from './dates';
import { ZOwnerRef } from './ids';
import { versionField } from './version';

// The evidence library: one register of proof for the whole organization (9.1, 7.5.3, and what a
// stage-2 auditor samples). A piece of evidence is a stored file or a link, with an owner, the date
// it takes effect and the date it must be reviewed or expires. It is attached to many things at once
// (a requirement, a control, a risk …) through links; each new file or URL is a revision and the old
// one is kept.

export const EVIDENCE_KINDS = ['file', 'link'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/**
 * What evidence can be attached to. An open list: a module that adds a kind of record adds its
 * subject type here (and, if the record maps to a catalogue ref, a resolver in the server's
 * evidence/subjects.ts so the crosswalks show it).
 */
export const EVIDENCE_SUBJECT_TYPES = [
  'requirement',
  'control',
  'control_occurrence',
  'risk',
  'treatment',
  'document',
  'finding',
  'training_completion',
  'objective',
  'measurement',
  'data_set',
  'supplier',
] as const;
export type EvidenceSubjectType = (typeof EVIDENCE_SUBJECT_TYPES)[number];
export const EVIDENCE_SUBJECT_LABELS: Record<EvidenceSubjectType, string> = {
  requirement: 'Requirement',
  control: 'Control',
  control_occurrence: 'Control occurrence',
  risk: 'Risk',
  treatment: 'Risk treatment',
  document: 'Document',
  finding: 'Audit finding',
  training_completion: 'Training completion',
  objective: 'AI objective',
  measurement: 'Measurement',
  data_set: 'Data set',
  supplier: 'Supplier',
};
export const isEvidenceSubjectType = (s: string): s is EvidenceSubjectType =>
  (EVIDENCE_SUBJECT_TYPES as readonly string[]).includes(s);
export const ZEvidenceSubjectType = z.enum(EVIDENCE_SUBJECT_TYPES, {
  error: `Subject type must be one of: ${EVIDENCE_SUBJECT_TYPES.join(', ')}`,
});

/** Evidence whose review or expiry date is this close (or closer) is flagged as expiring. */
export const EXPIRING_WITHIN_DAYS = 30;
export const EXPIRY_STATES = ['current', 'expiring', 'expired'] as const;
export type ExpiryState = (typeof EXPIRY_STATES)[number];
export const EXPIRY_STATE_LABELS: Record<ExpiryState, string> = {
  current: 'Current',
  expiring: 'Expiring',
  expired: 'Expired',
};

/**
 * Expired on the day after its expiry date (the date itself is the last day it counts), expiring
 * within EXPIRING_WITHIN_DAYS before that; evidence without a date never expires.
 */
export function expiryState(expiresOn: string | null, today: string): ExpiryState {
  if (!expiresOn) return 'current';
  if (expiresOn < today) return 'expired';
  if (expiresOn <= addDays(today, EXPIRING_WITHIN_DAYS)) return 'expiring';
  return 'current';
}

/** The expiry date range a state stands for, for list filters in SQL: [from, to] inclusive, either end open. */
export function expiryRange(
  state: ExpiryState,
  today: string,
): { before?: string; from?: string; to?: string; orNull?: boolean } {
  if (state === 'expired') return { before: today };
  if (state === 'expiring') return { from: today, to: addDays(today, EXPIRING_WITHIN_DAYS) };
  return { from: addDays(today, EXPIRING_WITHIN_DAYS + 1), orNull: true };
}

const title = z
  .string({ error: 'Title is required' })
  .trim()
  .min(1, 'Title is required')
  .max(300, 'Title must be at most 300 characters');
const description = z.string().trim().max(8000, 'Description must be at most 8000 characters');
const effectiveOn = calendarDate('Effective date');
const expiresOn = calendarDate('Review or expiry date');
/** Only web addresses: a javascript: or file: URL in a register would run or leak when clicked. */
export const ZEvidenceUrl = z
  .string({ error: 'Link is required' })
  .trim()
  .min(1, 'Link is required')
  .max(2000, 'Link must be at most 2000 characters')
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'Link must be a web address starting with https:// or http://');

/** Fields shared by a file upload (sent as multipart fields) and a link. */
export const ZEvidenceFields = z.strictObject({
  title: title.optional(),
  description: description.default(''),
  ownerId: ZOwnerRef.nullable().default(null),
  effectiveOn: effectiveOn.nullable().default(null),
  expiresOn: expiresOn.nullable().default(null),
});
export const ZCreateEvidenceLink = ZEvidenceFields.extend({ title, url: ZEvidenceUrl });
export type CreateEvidenceLink = z.output<typeof ZCreateEvidenceLink>;

export const ZUpdateEvidence = z.strictObject({
  version: versionField('version is required: send the version you read'),
  title: title.optional(),
  description: description.optional(),
  ownerId: ZOwnerRef.nullable().optional(),
  effectiveOn: effectiveOn.nullable().optional(),
  expiresOn: expiresOn.nullable().optional(),
});
export type UpdateEvidence = z.output<typeof ZUpdateEvidence>;

export const ZEvidenceLinkTarget = z.strictObject({
  subjectType: ZEvidenceSubjectType,
  subjectId: z
    .string({ error: 'Subject is required' })
    .trim()
    .min(1, 'Subject is required')
    .max(100, 'Subject must be at most 100 characters'),
});

/** At most this many bytes per evidence file (a certificate, a report, an export, a screenshot). */
export const MAX_EVIDENCE_FILE_BYTES = 25 * 1024 * 1024;

/**
 * The kinds of file the library takes, by extension, with the media type they are stored and
 * served as (the browser's declared type is not trusted) and, where the format has one, the bytes
 * it starts with: a file whose content does not match its name is refused, so an executable
 * renamed report.pdf is not kept as a PDF.
 */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
export const EVIDENCE_FILE_TYPES: Record<string, { mediaType: string; magic?: number[] }> = {
  pdf: { mediaType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  png: { mediaType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  jpg: { mediaType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { mediaType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  gif: { mediaType: 'image/gif', magic: [0x47, 0x49, 0x46, 0x38] },
  webp: { mediaType: 'image/webp' },
  txt: { mediaType: 'text/plain' },
  md: { mediaType: 'text/markdown' },
  csv: { mediaType: 'text/csv' },
  json: { mediaType: 'application/json' },
  xml: { mediaType: 'application/xml' },
  log: { mediaType: 'text/plain' },
  eml: { mediaType: 'message/rfc822' },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: ZIP },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP },
  pptx: { mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', magic: ZIP },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', magic: ZIP },
  ods: { mediaType: 'application/vnd.oasis.opendocument.spreadsheet', magic: ZIP },
  // A zip is kept as it came: never expanded on the server, so a zip bomb inside costs its own size.
  zip: { mediaType: 'application/zip', magic: ZIP },
};
export const EVIDENCE_EXTENSIONS = Object.keys(EVIDENCE_FILE_TYPES);

/** The stored media type of an evidence file, or why it is refused (the message names what to send). */
export function evidenceFileType(
  name: string,
  head: Uint8Array,
): { ok: true; mediaType: string } | { ok: false; message: string } {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  const type = ext ? EVIDENCE_FILE_TYPES[ext] : undefined;
  if (!ext || !type)
    return {
      ok: false,
      message: `Files of this type are not taken as evidence. Send one of: ${EVIDENCE_EXTENSIONS.join(', ')}.`,
    };
  if (type.magic && !type.magic.every((b, i) => head[i] === b))
    return {
      ok: false,
      message: `The file is named .${ext} but its content is not a ${ext.toUpperCase()} file. Send the file as it was produced.`,
    };
  return { ok: true, mediaType: type.mediaType };
}
