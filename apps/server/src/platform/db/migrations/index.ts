import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../connect';
import * as foundation from './0001-foundation';
import * as listIndexes from './0002-list-indexes';
import * as catalog from './0003-catalog';
import * as gap from './0004-gap';
import * as files from './0005-files';
import * as context from './0006-context';
import * as scopeGovernance from './0007-scope-governance';
import * as aiSystemProfile from './0008-ai-system-profile';
import * as riskSoa from './0009-risk-soa';
import * as raciColumns from './0010-raci-columns';
import * as recordNumbers from './0011-record-numbers';
import * as authHardening from './0012-auth-hardening';
import * as documents from './0014-documents';
import * as accountability from './0015-accountability';

// One ordered list for both dialects. A migration never changes once released; add a new one.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Up = (db: Kysely<any>, dialect: Dialect) => Promise<void>;
const MIGRATIONS: [string, Up][] = [
  ['0001-foundation', foundation.up],
  ['0002-list-indexes', listIndexes.up],
  ['0003-catalog', catalog.up],
  ['0004-gap', gap.up],
  ['0005-files', files.up],
  ['0006-context', context.up],
  ['0007-scope-governance', scopeGovernance.up],
  ['0008-ai-system-profile', aiSystemProfile.up],
  ['0009-risk-soa', riskSoa.up],
  ['0010-raci-columns', raciColumns.up],
  ['0011-record-numbers', recordNumbers.up],
  ['0012-auth-hardening', authHardening.up],
  ['0014-documents', documents.up],
  ['0015-accountability', accountability.up],
];

export function migrationsFor(dialect: Dialect): Record<string, Migration> {
  return Object.fromEntries(MIGRATIONS.map(([name, up]) => [name, { up: (db) => up(db, dialect) }]));
}
