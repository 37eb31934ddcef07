import { z } from 'zod';
import { MEMBER_AFFILIATIONS, ROLES } from '@fortytwo/domain';

export const ZOrganization = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), version: z.number() });
export const ZOrgParams = z.object({ orgId: z.string().max(64) });
export const ZMember = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  role: z.enum(ROLES),
  expiresAt: z.string().nullable(),
  expired: z.boolean(),
  joinedAt: z.string(),
  affiliation: z
    .enum(MEMBER_AFFILIATIONS)
    .describe('internal to the organization, or external (consultant, contractor)'),
  topManagement: z
    .boolean()
    .describe('named as top management: approvals that require top management accept this member'),
  version: z.number(),
});
export const ZInvitation = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  accessExpiresAt: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
});
