import type { Kysely } from 'kysely';
import { eventHash, GENESIS_HASH } from '../platform/audit';
import type { Deps } from '../platform/transaction';

// The demo is seeded in a second, so every record and every audit event said "just now" (issue 18).
// Afterwards its history is spread over the past weeks, in the order it happened: the audit events
// get earlier times and their chain is hashed again from the start (it is the demo's own, brand new
// chain, so nothing a user recorded is rewritten), and each record takes its created and updated
// times from its first and last event.

const SPAN_MS = 30 * 86_400_000;
/** The latest event is this long ago, so the newest work reads as "today", not as seeding. */
const LATEST_MS = 20 * 60_000;

/** The tables whose rows carry id, orgId, createdAt and updatedAt and appear as audit entities. */
const TABLES = [
  'aiSystems',
  'customControls',
  'gapAssessments',
  'actions',
  'contextIssues',
  'interestedParties',
  'raciActivities',
  'riskCriteria',
  'risks',
  'riskTreatments',
  'controlImplementations',
  'impactAssessments',
  'documentVersions',
  'competences',
  'people',
  'developmentActions',
  'objectives',
  'metrics',
  'aiReleases',
  'aiChanges',
  'managementReviews',
  'dataSets',
  'certificationEngagements',
  'audits',
  'nonconformities',
  'improvements',
] as const;

type Timed = { id: string; orgId: string; createdAt: string; updatedAt: string };

export async function spreadDemoHistory(deps: Deps, orgId: string, now = Date.now()): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const events = await tx.selectFrom('auditEvents').selectAll().where('chain', '=', orgId).orderBy('seq').execute();
    if (events.length === 0) return;
    const start = now - SPAN_MS;
    const step = events.length > 1 ? (SPAN_MS - LATEST_MS) / (events.length - 1) : 0;
    const span = new Map<string, { first: string; last: string }>();
    let prevHash = GENESIS_HASH;
    for (const [i, e] of events.entries()) {
      const at = new Date(Math.round(start + i * step)).toISOString();
      const row = { ...e, at, prevHash };
      const { hash: _old, ...rest } = row;
      const hash = eventHash(rest);
      await tx.updateTable('auditEvents').set({ at, prevHash, hash }).where('id', '=', e.id).execute();
      prevHash = hash;
      const seen = span.get(e.entityId);
      span.set(e.entityId, { first: seen?.first ?? at, last: at });
    }
    // Tables named at run time: the rows have the same four columns, which is all this touches.
    const db = tx as unknown as Kysely<Record<string, Timed>>;
    for (const table of TABLES) {
      const rows = await db.selectFrom(table).select('id').where('orgId', '=', orgId).execute();
      for (const { id } of rows) {
        const times = span.get(id);
        if (!times) continue;
        await db
          .updateTable(table)
          .set({ createdAt: times.first, updatedAt: times.last })
          .where('id', '=', id)
          .execute();
      }
    }
  });
}
