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
import * as evidence from './0016-evidence';
import * as controlImplementation from './0017-control-implementation';
import * as competence from './0018-competence';
import * as objectivesMetrics from './0019-objectives-metrics';
import * as tasksJobsMail from './0020-tasks-jobs-mail';
import * as sso from './0023-sso';
import * as auditsNonconformities from './0024-audits-nonconformities';
import * as managementReview from './0025-management-review';
import * as aiLifecycle from './0026-ai-lifecycle';
import * as thirdParties from './0027-third-parties';
import * as certification from './0028-certification';
import * as measurementDedupe from './0029-measurement-dedupe';
import * as raciAccountability from './0030-raci-accountability';
import * as sessionDevices from './0031-session-devices';
import * as auditReportRecord from './0032-audit-report-record';
import * as certificationCycle from './0033-certification-cycle';
import * as auditorWorkspace from './0034-auditor-workspace';
import * as reviewMinutesRecord from './0037-review-minutes-record';
import * as savedViews from './0038-saved-views';
import * as rateLimitCounters from './0040-rate-limit-counters';
import * as riskPositions from './0041-risk-positions';

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
  ['0016-evidence', evidence.up],
  ['0017-control-implementation', controlImplementation.up],
  ['0018-competence', competence.up],
  ['0019-objectives-metrics', objectivesMetrics.up],
  ['0020-tasks-jobs-mail', tasksJobsMail.up],
  ['0023-sso', sso.up],
  ['0024-audits-nonconformities', auditsNonconformities.up],
  ['0025-management-review', managementReview.up],
  ['0026-ai-lifecycle', aiLifecycle.up],
  ['0027-third-parties', thirdParties.up],
  ['0028-certification', certification.up],
  ['0029-measurement-dedupe', measurementDedupe.up],
  ['0030-raci-accountability', raciAccountability.up],
  ['0031-session-devices', sessionDevices.up],
  ['0032-audit-report-record', auditReportRecord.up],
  ['0033-certification-cycle', certificationCycle.up],
  ['0034-auditor-workspace', auditorWorkspace.up],
  ['0037-review-minutes-record', reviewMinutesRecord.up],
  ['0038-saved-views', savedViews.up],
  ['0040-rate-limit-counters', rateLimitCounters.up],
  ['0041-risk-positions', riskPositions.up],
];

export function migrationsFor(dialect: Dialect): Record<string, Migration> {
  return Object.fromEntries(MIGRATIONS.map(([name, up]) => [name, { up: (db) => up(db, dialect) }]));
}
