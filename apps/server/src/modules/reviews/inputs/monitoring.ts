import { loadMetrics } from '../../metrics/service';
import type { InputProvider } from './types';
import { count, figure, period } from './types';

// 9.3.2 d: monitoring and measurement results (9.1): each metric's latest value against its
// thresholds, breach episodes opened in the period, and measurements that are overdue.

export const monitoring: InputProvider = {
  key: 'monitoring',
  async compile({ db, orgId, since, asOf }) {
    const metrics = await loadMetrics(db, orgId);
    if (!metrics.length)
      return {
        key: 'monitoring',
        state: 'missing',
        summary: 'No metric is defined: nothing about the AIMS is monitored or measured yet.',
        figures: [],
        items: [],
        reason: 'no metrics defined (9.1)',
      };
    const measured = metrics.filter((m) => m.latest);
    const outside = measured.filter((m) => m.latest!.state !== 'within');
    const overdue = metrics.filter((m) => m.nextDueOn < asOf);
    const breaches = await db
      .selectFrom('metricBreaches')
      .select(['id'])
      .where('orgId', '=', orgId)
      .where('openedAt', '>=', since ?? '')
      .execute();
    const fmt = (m: (typeof metrics)[number]) =>
      m.latest ? `${m.latest.value}${m.unit ? ` ${m.unit}` : ''} on ${m.latest.at.slice(0, 10)}` : 'never measured';
    const base = {
      key: 'monitoring' as const,
      figures: [
        figure('Metrics', metrics.length),
        figure('Measured', measured.length),
        figure('Latest value within thresholds', measured.length - outside.length),
        figure('Latest value outside thresholds', outside.length),
        figure('Open breaches', metrics.filter((m) => m.openBreach).length),
        figure(`Breaches opened ${period(since)}`, breaches.length),
        figure('Measurement overdue', overdue.length),
      ],
      items: metrics.map(
        (m) =>
          `${m.ref} ${m.name}: ${fmt(m)}${m.latest && m.latest.state !== 'within' ? ` (${m.latest.state} threshold)` : ''}${
            m.nextDueOn < asOf ? '; measurement overdue' : ''
          }`,
      ),
    };
    if (!measured.length)
      return {
        ...base,
        state: 'empty',
        summary: `${count(metrics.length, 'metric')} defined, none measured yet.`,
        reason: 'no measurement recorded',
      };
    return {
      ...base,
      state: 'present',
      summary: `${measured.length} of ${count(metrics.length, 'metric')} measured; ${outside.length} outside thresholds; ${count(breaches.length, 'breach', 'breaches')} ${period(since)}.`,
      reason: null,
    };
  },
};
