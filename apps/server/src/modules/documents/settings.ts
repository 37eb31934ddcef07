import { z } from 'zod';
import { CLASSIFICATIONS, type DocumentSettingsInput } from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import { changedOne } from '../../platform/db/versioned';
import { ruleViolation, staleVersion } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { isActiveMember } from '../orgs/members';

// Facts about the organization that every document prints, asked once (the wizard's first page)
// and reused: the code prefix (AIMS-POL-001), the classification, who top management is, and the
// usual owner and approver of new documents.

export const ZDocumentSettingsOut = z.object({
  codePrefix: z.string(),
  classification: z.enum(CLASSIFICATIONS),
  topManagement: z.string().describe('empty until someone says who top management is'),
  defaultOwnerId: z.string().nullable(),
  defaultApproverId: z.string().nullable(),
  version: z.number().describe('0 until the first save'),
  updatedAt: z.string().nullable(),
});
export type DocumentSettingsOut = z.infer<typeof ZDocumentSettingsOut>;

export async function readSettings(db: Db | Tx, orgId: string): Promise<DocumentSettingsOut> {
  const row = await db.selectFrom('documentSettings').selectAll().where('orgId', '=', orgId).executeTakeFirst();
  if (!row)
    return {
      codePrefix: 'AIMS',
      classification: 'Internal',
      topManagement: '',
      defaultOwnerId: null,
      defaultApproverId: null,
      version: 0,
      updatedAt: null,
    };
  return {
    codePrefix: row.codePrefix,
    classification: row.classification as DocumentSettingsOut['classification'],
    topManagement: row.topManagement,
    defaultOwnerId: row.defaultOwnerId,
    defaultApproverId: row.defaultApproverId,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

export function updateSettings(
  deps: Deps,
  actor: Actor,
  orgId: string,
  input: DocumentSettingsInput,
): Promise<DocumentSettingsOut> {
  return inTransaction(deps, async (tx, audit) => {
    const before = await readSettings(tx, orgId);
    if (before.version !== input.version) throw staleVersion('document settings', before);
    for (const [field, id] of [
      ['defaultOwnerId', input.defaultOwnerId],
      ['defaultApproverId', input.defaultApproverId],
    ] as const)
      if (id && !(await isActiveMember(tx, orgId, id)))
        throw ruleViolation('Choose a current member of this organization', { field });
    const row = {
      codePrefix: input.codePrefix,
      classification: input.classification,
      topManagement: input.topManagement,
      defaultOwnerId: input.defaultOwnerId,
      defaultApproverId: input.defaultApproverId,
      version: input.version + 1,
      updatedAt: nowIso(),
      updatedBy: actor.userId,
    };
    const saved = await changedOne(
      input.version === 0
        ? tx
            .insertInto('documentSettings')
            .values({ orgId, ...row })
            .onConflict((oc) => oc.column('orgId').doNothing())
        : tx.updateTable('documentSettings').set(row).where('orgId', '=', orgId).where('version', '=', input.version),
    );
    if (!saved) throw staleVersion('document settings', await readSettings(tx, orgId));
    const after = await readSettings(tx, orgId);
    await audit({
      orgId,
      actor,
      action: 'document_settings.updated',
      entityType: 'document_settings',
      entityId: orgId,
      ...(input.version ? { before } : {}),
      after,
    });
    return after;
  });
}
