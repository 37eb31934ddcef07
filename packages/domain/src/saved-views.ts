import { z } from 'zod';
import { versionField } from './version';

// Saved views of a register (UX.md, registers): a person's named filters, sort and column choice,
// kept on the server per user so they follow them from browser to browser. A view is a preference,
// never shared and never audited; it holds the same state the register keeps in its address.

export const REGISTER_KEYS = [
  'risks',
  'ai_systems',
  'soa',
  'actions',
  'documents',
  'evidence',
  'nonconformities',
  'findings',
  'suppliers',
  'trainings',
  'issues',
  'parties',
] as const;
export type RegisterKey = (typeof REGISTER_KEYS)[number];

const registerError = `Register must be one of: ${REGISTER_KEYS.join(', ')}`;
export const ZRegisterKey = z.enum(REGISTER_KEYS, { error: registerError });

const keyError = 'Filter names must be at most 60 characters';
const key = z.string().max(60, keyError);
/** What a view restores: the filters and sort of the address, and the columns hidden. */
export const ZSavedViewState = z.strictObject(
  {
    filters: z
      // Zod 4 reports a bad record key as "Invalid key in record", without the key schema's own words.
      .record(key, z.string().max(500, 'Filter values must be at most 500 characters'), {
        error: (issue) => (issue.code === 'invalid_key' ? keyError : undefined),
      })
      .refine((f) => Object.keys(f).length <= 30, 'A view keeps at most 30 filters')
      .default({}),
    sort: z.string().max(60, 'Sort must be a column name of at most 60 characters').nullable().default(null),
    order: z.enum(['asc', 'desc'], { error: 'Order must be asc or desc' }).default('asc'),
    hidden: z.array(key).max(60, 'A view hides at most 60 columns').default([]).meta({ title: 'Hidden columns' }),
  },
  { error: 'State must be an object of filters, sort, order and hidden columns' },
);
export type SavedViewState = z.output<typeof ZSavedViewState>;

const name = z
  .string({ error: 'Name is required' })
  .trim()
  .min(1, 'Name is required')
  .max(80, 'Name must be at most 80 characters');

export const ZCreateSavedView = z.strictObject({
  register: ZRegisterKey,
  name,
  state: ZSavedViewState,
});
export type CreateSavedView = z.output<typeof ZCreateSavedView>;

export const ZUpdateSavedView = z.strictObject({
  version: versionField(),
  name: name.optional(),
  state: ZSavedViewState.optional(),
});
export type UpdateSavedView = z.output<typeof ZUpdateSavedView>;
