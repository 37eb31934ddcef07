import type { Me } from './api-types';
import type { Connection } from './config';
import { UsageError } from './errors';
import type { Api } from './http';

/** The organization a command works on: --org, else the default saved at login, else the only one the user has. */
export async function resolveOrg(api: Api, conn: Connection, flag: string | undefined): Promise<string> {
  const chosen = flag ?? conn.orgId;
  if (chosen) return chosen;
  const me = await api.get<Me>('/api/me');
  const [only, ...more] = me.memberships;
  if (only && more.length === 0) return only.organization.id;
  if (!only) throw new UsageError(`${me.user.email} belongs to no organization yet.`);
  const list = me.memberships.map((m) => `  ${m.organization.id}  ${m.organization.name} (${m.role})`).join('\n');
  throw new UsageError(
    `You belong to several organizations; choose one with --org <id> (or run "fortytwo login --org <id>" to save a default):\n${list}`,
  );
}
