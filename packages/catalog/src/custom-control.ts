import { z } from 'zod';
import { versionField } from '@fortytwo/domain';
import { PILLARS } from './format';

// An organization's own control. Its ref lives next to the Annex A refs in the statement of
// applicability, so it may not look like one ("A.x.y") and must be unique in the organization.

export const CUSTOM_FRAMEWORK_ID = 'custom';

export const ZCustomControlRef = z
  .string({ error: 'ref is required, e.g. ORG-1' })
  .trim()
  .min(1, 'ref is required, e.g. ORG-1')
  .max(40, 'ref must be at most 40 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/, 'ref may contain letters, digits, dots and dashes only, e.g. ORG-1')
  .refine(
    (r) => !/^A\.\d/i.test(r),
    'ref must not look like an Annex A control (A.x.y); use your own prefix such as ORG-1',
  );

const line = (what: string, max: number) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} is required`)
    .max(max, `${what} must be at most ${max} characters`);

const fields = {
  ref: ZCustomControlRef,
  title: line('Title', 200),
  description: line('Description', 4000),
  guidance: z
    .strictObject({
      asks: line('What it asks', 2000),
      auditorLooksFor: line('What an auditor looks for', 2000),
      evidence: z.array(line('Evidence', 300)).max(20, 'at most 20 evidence entries'),
    })
    .nullable(),
  relatedRefs: z.array(z.string().trim().min(1).max(40)).max(50, 'at most 50 related refs'),
  pillars: z.array(z.enum(PILLARS, { error: `pillars must be among: ${PILLARS.join(', ')}` })).max(PILLARS.length),
};

export const ZCustomControlFields = z.strictObject({
  ...fields,
  guidance: fields.guidance.default(null),
  relatedRefs: fields.relatedRefs.default([]),
  pillars: fields.pillars.default([]),
});
export type CustomControlFields = z.output<typeof ZCustomControlFields>;

/** No defaults here: a field left out of a change keeps its value. */
export const ZUpdateCustomControl = z
  .strictObject(fields)
  .partial()
  .extend({ version: versionField('version is required: send the version you read') });
export type UpdateCustomControl = z.output<typeof ZUpdateCustomControl>;
