import { z } from 'zod';
import {
  composeScopeStatement,
  EMPTY_SCOPE,
  scopeWarnings,
  type ScopeContent,
  type ZUpdateScope,
} from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import { ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { readOrgContext } from './org-context';
import { changedOne, writeOne } from '../../platform/db/versioned';

// The scope builder (4.3): one draft per organization; approving it freezes a numbered revision
// with the composed statement, so the scope an auditor reads is the one that was signed off.

const ZScopeContent = z.object({
  units: z.array(z.string()),
  sites: z.array(z.string()),
  aiSystemIds: z.array(z.string()),
  processes: z.array(z.string()),
  productsServices: z.array(z.string()),
  interfaces: z.array(z.string()),
  exclusions: z.array(z.object({ item: z.string(), justification: z.string() })),
  outOfScope: z.array(z.object({ aiSystemId: z.string(), reason: z.string() })),
});
const ZRevision = z.object({
  revision: z.number(),
  statement: z.string(),
  approvedBy: z.string().nullable(),
  approvedByName: z.string(),
  approvedAt: z.string(),
});

export const ZScopeOut = ZScopeContent.extend({
  version: z.number().describe('0 before the first save'),
  status: z.enum(['draft', 'approved']).describe('approved until the draft changes again'),
  statement: z.string().describe('composed from the fields above'),
  warnings: z.array(z.object({ aiSystemId: z.string(), name: z.string(), message: z.string() })),
  approved: ZRevision.nullable().describe('the latest approved revision'),
  updatedAt: z.string().nullable(),
});
export type ScopeOut = z.infer<typeof ZScopeOut>;
export const ZScopeRevision = ZRevision.extend({ content: ZScopeContent });

async function draft(db: Db | Tx, orgId: string) {
  const row = await db.selectFrom('scopeDrafts').selectAll().where('orgId', '=', orgId).executeTakeFirst();
  return row
    ? {
        content: JSON.parse(row.content) as ScopeContent,
        version: row.version,
        status: row.status as 'draft' | 'approved',
        updatedAt: row.updatedAt as string | null,
      }
    : { content: EMPTY_SCOPE, version: 0, status: 'draft' as const, updatedAt: null };
}

async function latestRevision(db: Db | Tx, orgId: string) {
  return db
    .selectFrom('scopeRevisions')
    .selectAll()
    .where('orgId', '=', orgId)
    .orderBy('revision', 'desc')
    .executeTakeFirst();
}

async function inputs(db: Db | Tx, orgId: string) {
  const [org, systems, context] = await Promise.all([
    db.selectFrom('organizations').select('name').where('id', '=', orgId).executeTakeFirstOrThrow(),
    db
      .selectFrom('aiSystems')
      .select(['id', 'name', 'intendedPurpose', 'lifecycleStage', 'status'])
      .where('orgId', '=', orgId)
      .orderBy('name')
      .execute(),
    readOrgContext(db, orgId),
  ]);
  return { organizationName: org.name, aiSystems: systems, aiRoles: context.aiRoles.map((r) => r.role) };
}

async function present(db: Db | Tx, orgId: string): Promise<ScopeOut> {
  const [d, rev, inp] = await Promise.all([draft(db, orgId), latestRevision(db, orgId), inputs(db, orgId)]);
  return {
    ...d.content,
    version: d.version,
    status: d.status,
    statement: composeScopeStatement({ ...inp, scope: d.content }),
    warnings: scopeWarnings(d.content, inp.aiSystems),
    approved: rev
      ? {
          revision: rev.revision,
          statement: rev.statement,
          approvedBy: rev.approvedBy,
          approvedByName: rev.approvedByName,
          approvedAt: rev.approvedAt,
        }
      : null,
    updatedAt: d.updatedAt,
  };
}

export const getScope = (deps: Deps, orgId: string) => present(deps.db, orgId);

export function updateScope(
  deps: Deps,
  actor: Actor,
  orgId: string,
  patch: z.output<typeof ZUpdateScope>,
): Promise<ScopeOut> {
  return inTransaction(
    deps,
    async (tx, audit) => {
      const before = await draft(tx, orgId);
      if (before.version !== patch.version) throw staleVersion('scope', await present(tx, orgId));
      const { version, ...changes } = patch;
      const content: ScopeContent = {
        ...before.content,
        ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
      };
      content.aiSystemIds = [...new Set(content.aiSystemIds)];
      const referenced = [...content.aiSystemIds, ...content.outOfScope.map((o) => o.aiSystemId)];
      if (referenced.length) {
        const known = new Set(
          (
            await tx
              .selectFrom('aiSystems')
              .select('id')
              .where('orgId', '=', orgId)
              .where('id', 'in', referenced)
              .execute()
          ).map((r) => r.id),
        );
        const unknown = [...new Set(referenced.filter((x) => !known.has(x)))];
        if (unknown.length)
          throw ruleViolation(
            `Unknown AI system${unknown.length > 1 ? 's' : ''} in this organization: ${unknown.join(', ')}`,
            { field: 'aiSystemIds' },
          );
      }
      const both = content.outOfScope.filter((o) => content.aiSystemIds.includes(o.aiSystemId));
      if (both.length)
        throw ruleViolation(
          'An AI system cannot be both in scope and out of scope: remove its out-of-scope reason or take it out of the scope',
          { field: 'outOfScope' },
        );
      const row = {
        content: JSON.stringify(content),
        status: 'draft',
        version: version + 1,
        updatedAt: nowIso(),
        updatedBy: actor.userId,
      };
      const saved = await changedOne(
        version === 0
          ? tx
              .insertInto('scopeDrafts')
              .values({ orgId, ...row })
              .onConflict((oc) => oc.column('orgId').doNothing())
          : tx.updateTable('scopeDrafts').set(row).where('orgId', '=', orgId).where('version', '=', version),
      );
      if (!saved) throw staleVersion('scope', await present(tx, orgId));
      await audit({
        orgId,
        actor,
        action: 'scope.updated',
        entityType: 'scope',
        entityId: orgId,
        ...(version ? { before: before.content } : {}),
        after: content,
      });
      return present(tx, orgId);
    },
    { lock: `scope:${orgId}` },
  );
}

/** Signs off the draft as the next revision. Refused while a live AI system is left out without a reason. */
export function approveScope(deps: Deps, actor: Actor, orgId: string, input: { version: number }): Promise<ScopeOut> {
  return inTransaction(
    deps,
    async (tx, audit) => {
      const current = await present(tx, orgId);
      if (current.version !== input.version) throw staleVersion('scope', current);
      if (current.version === 0) throw ruleViolation('There is nothing to approve yet: build the scope first');
      if (current.warnings.length)
        throw ruleViolation(
          `Resolve the warnings before approval: ${current.warnings.map((w) => w.message).join(' ')}`,
          { warnings: current.warnings },
        );
      if (current.status === 'approved')
        throw ruleViolation(
          `Revision ${current.approved?.revision ?? ''} already holds this scope: change the draft to approve a new revision`,
        );
      const revision = (current.approved?.revision ?? 0) + 1;
      const { version: _v, status: _s, statement, warnings: _w, approved: _a, updatedAt: _u, ...content } = current;
      const approvedAt = nowIso();
      await tx
        .insertInto('scopeRevisions')
        .values({
          id: newId(),
          orgId,
          revision,
          content: JSON.stringify(content),
          statement,
          approvedBy: actor.userId,
          approvedByName: actor.name,
          approvedAt,
        })
        .execute();
      await writeOne(
        tx
          .updateTable('scopeDrafts')
          .set({ status: 'approved', version: current.version + 1, updatedAt: approvedAt, updatedBy: actor.userId })
          .where('orgId', '=', orgId)
          .where('version', '=', current.version),
        () => staleVersion('scope', current),
      );
      await audit({
        orgId,
        actor,
        action: 'scope.approved',
        entityType: 'scope',
        entityId: orgId,
        after: { revision, statement },
      });
      return present(tx, orgId);
    },
    { lock: `scope:${orgId}` },
  );
}

export async function scopeRevisions(deps: Deps, orgId: string) {
  const rows = await deps.db
    .selectFrom('scopeRevisions')
    .selectAll()
    .where('orgId', '=', orgId)
    .orderBy('revision', 'desc')
    .execute();
  return rows.map((r) => ({
    revision: r.revision,
    statement: r.statement,
    approvedBy: r.approvedBy,
    approvedByName: r.approvedByName,
    approvedAt: r.approvedAt,
    content: JSON.parse(r.content) as ScopeContent,
  }));
}
