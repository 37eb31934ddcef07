import { nextMeasurementDue, type MetricFrequency } from '@fortytwo/domain';
import type { Db } from '../../platform/db/connect';

/** Something with a date someone must act by; the integrator unifies these kinds into "my tasks". */
export interface DueItem {
  kind: 'objective' | 'metric';
  id: string;
  title: string;
  dueOn: string | null /* YYYY-MM-DD */;
  assigneeUserId: string | null;
  href: string /* UI path */;
}

/** Every metric with the day its next measurement is due (one period after the latest), soonest first. */
export async function dueItems(db: Db, orgId: string, assigneeUserId?: string): Promise<DueItem[]> {
  let q = db
    .selectFrom('metrics')
    .leftJoin('measurements', 'measurements.metricId', 'metrics.id')
    .select([
      'metrics.id',
      'metrics.number',
      'metrics.name',
      'metrics.frequency',
      'metrics.ownerId',
      'metrics.createdAt',
    ])
    .select((eb) => eb.fn.max('measurements.at').as('lastAt'))
    .where('metrics.orgId', '=', orgId);
  if (assigneeUserId !== undefined) q = q.where('metrics.ownerId', '=', assigneeUserId);
  const rows = await q
    .groupBy([
      'metrics.id',
      'metrics.number',
      'metrics.name',
      'metrics.frequency',
      'metrics.ownerId',
      'metrics.createdAt',
    ])
    .execute();
  return rows
    .map((r): DueItem => ({
      kind: 'metric',
      id: r.id,
      title: `M-${r.number} ${r.name}: next measurement`,
      dueOn: nextMeasurementDue(r.frequency as MetricFrequency, r.lastAt ?? null, r.createdAt),
      assigneeUserId: r.ownerId,
      href: `/orgs/${orgId}/metrics/${r.id}`,
    }))
    .sort((a, b) => a.dueOn!.localeCompare(b.dueOn!) || a.title.localeCompare(b.title));
}
