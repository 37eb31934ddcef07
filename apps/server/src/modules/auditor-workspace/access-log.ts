import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/connect';
import { actorOf, membershipOf } from '../../platform/http/access';
import { inTransaction, type Deps } from '../../platform/transaction';

// Every view and download an external auditor makes in the workspace is an audit event
// (auditor_workspace.viewed / .downloaded), so the access log is part of the tamper-evident chain
// and owners and managers read it as a list. Members previewing the workspace are not logged: the
// log answers "what did the certification body's auditor look at".

export const ACCESS_ACTIONS = ['auditor_workspace.viewed', 'auditor_workspace.downloaded'] as const;
export type AccessSubject = { entityType: 'document' | 'soa' | 'evidence'; entityId: string; label: string };

export async function logAccess(deps: Deps, req: FastifyRequest, kind: 'viewed' | 'downloaded', s: AccessSubject) {
  const m = membershipOf(req);
  if (m.role !== 'external_auditor') return;
  await inTransaction(deps, (_tx, audit) =>
    audit({
      orgId: m.orgId,
      actor: actorOf(req),
      action: `auditor_workspace.${kind}`,
      entityType: s.entityType,
      entityId: s.entityId,
      after: { label: s.label },
    }),
  );
}

export const ZAccessOut = z.object({
  at: z.string(),
  auditor: z.string().describe("the auditor's name"),
  actorId: z.string().nullable(),
  kind: z.enum(['viewed', 'downloaded']),
  entityType: z.string().describe('document, soa or evidence'),
  entityId: z.string(),
  label: z.string().describe('what was opened, as it was named then'),
});

export async function accessLog(db: Db, orgId: string, limit = 500): Promise<z.infer<typeof ZAccessOut>[]> {
  const rows = await db
    .selectFrom('auditEvents')
    .select(['at', 'actorId', 'actorName', 'action', 'entityType', 'entityId', 'after'])
    .where('orgId', '=', orgId)
    .where('action', 'in', [...ACCESS_ACTIONS])
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    at: r.at,
    auditor: r.actorName,
    actorId: r.actorId,
    kind: r.action === 'auditor_workspace.downloaded' ? 'downloaded' : 'viewed',
    entityType: r.entityType,
    entityId: r.entityId,
    label: (r.after ? (JSON.parse(r.after) as { label?: string }).label : undefined) ?? r.entityId,
  }));
}
