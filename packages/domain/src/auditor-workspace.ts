import { z } from 'zod';

// An external auditor's request for more evidence (RQ-n): the bodies the server takes, here so that
// the web forms validate with the same rules and messages.

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Due date must be a date (YYYY-MM-DD)' })
  .nullable()
  .optional();
export const ZCreateEvidenceRequest = z.strictObject({
  title: z
    .string({ error: 'Title is required' })
    .trim()
    .min(1, { error: 'Title is required' })
    .max(300, { error: 'Title must be at most 300 characters' }),
  detail: z.string().max(10_000, { error: 'Detail must be at most 10000 characters' }).default(''),
  ref: z
    .string()
    .trim()
    .max(40, { error: 'Clause or control must be at most 40 characters' })
    .nullable()
    .optional()
    .describe('the clause or control the request is about, such as A.6.2.4: its owner is assigned'),
  documentId: z.string().max(64).nullable().optional().describe('or the document: its owner is assigned'),
  dueOn: day,
});
export const ZUpdateEvidenceRequest = z.strictObject({
  version: z.number({ error: 'Version is required' }).int(),
  assigneeId: z.string().max(64).nullable().optional().describe('a chosen member; null: nobody yet'),
  dueOn: day,
});
export const ZAnswerEvidenceRequest = z.strictObject({
  version: z.number({ error: 'Version is required' }).int(),
  answer: z.string().max(10_000, { error: 'Answer must be at most 10000 characters' }).default(''),
  evidenceIds: z
    .array(z.string().max(64), { error: 'Evidence must be a list of evidence ids' })
    .min(1, { error: 'Evidence: attach at least one piece of evidence' })
    .max(50, { error: 'Evidence: at most 50 pieces' }),
});
