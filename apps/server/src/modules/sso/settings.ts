import { DEFAULT_ORG_SSO_SETTINGS, type OrgSsoSettings } from '@fortytwo/domain';
import type { Tx } from '../../platform/db/connect';
import { writeOne } from '../../platform/db/versioned';
import { ruleViolation, staleVersion } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import type { Actor } from '../../platform/audit';

type Row = {
  orgId: string;
  allowedDomains: string;
  defaultRole: string;
  groupRoles: string;
  localSignIn: number;
  version: number;
  updatedAt: string;
};

export const presentSettings = (row: Row | undefined): OrgSsoSettings & { updatedAt: string | null } =>
  row
    ? {
        allowedDomains: JSON.parse(row.allowedDomains) as string[],
        defaultRole: row.defaultRole as OrgSsoSettings['defaultRole'],
        groupRoles: JSON.parse(row.groupRoles) as OrgSsoSettings['groupRoles'],
        localSignIn: row.localSignIn === 1,
        version: row.version,
        updatedAt: row.updatedAt,
      }
    : { ...DEFAULT_ORG_SSO_SETTINGS, version: 0, updatedAt: null };

export async function readSsoSettings(db: Deps['db'] | Tx, orgId: string) {
  return presentSettings(
    await db.selectFrom('orgSsoSettings').selectAll().where('orgId', '=', orgId).executeTakeFirst(),
  );
}

/** Saves the organization's policy; version 0 creates it. Password sign-in can be turned off only where SSO exists. */
export async function saveSsoSettings(
  deps: Deps,
  actor: Actor,
  orgId: string,
  input: OrgSsoSettings,
  ssoConfigured: boolean,
) {
  if (!input.localSignIn && !ssoConfigured)
    throw ruleViolation(
      'Password sign-in cannot be turned off: single sign-on is not configured on this server (OIDC_ISSUER), so members could not sign in at all',
    );
  return inTransaction(
    deps,
    async (tx, audit) => {
      const before = await tx.selectFrom('orgSsoSettings').selectAll().where('orgId', '=', orgId).executeTakeFirst();
      const values = {
        allowedDomains: JSON.stringify(input.allowedDomains),
        defaultRole: input.defaultRole,
        groupRoles: JSON.stringify(input.groupRoles),
        localSignIn: input.localSignIn ? 1 : 0,
        updatedAt: nowIso(),
      };
      if (!before) {
        if (input.version !== 0) throw staleVersion('single sign-on policy', presentSettings(undefined));
        await tx
          .insertInto('orgSsoSettings')
          .values({ orgId, ...values, version: 1 })
          .execute();
      } else {
        await writeOne(
          tx
            .updateTable('orgSsoSettings')
            .set({ ...values, version: before.version + 1 })
            .where('orgId', '=', orgId)
            .where('version', '=', input.version),
          () => staleVersion('single sign-on policy', presentSettings(before)),
        );
      }
      const after = await readSsoSettings(tx, orgId);
      await audit({
        orgId,
        actor,
        action: 'sso_settings.updated',
        entityType: 'sso_settings',
        entityId: orgId,
        before: before ? presentSettings(before) : null,
        after,
      });
      return after;
    },
    { lock: `sso-settings:${orgId}` },
  );
}
