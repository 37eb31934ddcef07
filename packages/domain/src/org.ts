import { z } from 'zod';
import { ROLES } from './enums';
import { refinePasswordContext, ZPassword } from './password';

export const ZEmail = z
  .string({ error: 'Email must be text' })
  .trim()
  .toLowerCase()
  .max(254, 'Email must be at most 254 characters')
  .pipe(z.email({ error: 'Enter a valid email address, like name@example.com' }));

export const ZPersonName = z
  .string({ error: 'Name must be text' })
  .trim()
  .min(1, 'Name is required')
  .max(120, 'Name must be at most 120 characters');

export const ZOrganizationName = z
  .string({ error: 'Organization name must be text' })
  .trim()
  .min(1, 'Organization name is required')
  .max(120, 'Organization name must be at most 120 characters');

export const ZRole = z.enum(ROLES, { error: `Role must be one of: ${ROLES.join(', ')}` });

// Long passphrases beat complexity rules; the password rule itself is password.ts (NIST SP 800-63B).
export const ZSetup = z
  .strictObject({ email: ZEmail, password: ZPassword, name: ZPersonName, organizationName: ZOrganizationName })
  .superRefine(refinePasswordContext((v) => v));
export const ZLogin = z.strictObject({ email: ZEmail, password: z.string().min(1, 'Password is required').max(200) });

export const ZInvitationInput = z
  .strictObject({
    email: ZEmail,
    role: ZRole,
    expiresAt: z.iso
      .datetime({ offset: true, error: 'Access ends on must be a date-time, like 2027-03-31T23:59:59Z' })
      .nullable()
      .optional(),
  })
  .refine((v) => v.role !== 'external_auditor' || !!v.expiresAt, {
    path: ['expiresAt'],
    // The form's label, not the API's field name: the message shows under that field (issue 18).
    message: 'Access ends on: an external auditor needs the day their access ends',
  })
  .refine((v) => !v.expiresAt || Date.parse(v.expiresAt) > Date.now(), {
    path: ['expiresAt'],
    message: 'Access ends on: choose today or a later day',
  });
