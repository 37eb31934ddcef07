import { NONCONFORMITY_SOURCE_LABELS, NONCONFORMITY_SOURCES } from '@fortytwo/domain';
import { nonconformitySummary } from '../../nonconformities/summary';
import type { InputProvider } from './types';
import { count, figure, period } from './types';

// 9.3.2 d: nonconformities and corrective actions (modules/nonconformities), with their trend: raised
// and closed in the period, open now by grade, overdue.

export const nonconformities: InputProvider = {
  key: 'nonconformities',
  async compile({ db, orgId, since, asOf }) {
    const n = await nonconformitySummary(db, orgId, since ?? '0000-01-01');
    const none = n.open === 0 && n.raised === 0 && n.closed === 0;
    if (none)
      return {
        key: 'nonconformities',
        // No nonconformity is news worth minuting, not a missing input.
        state: 'empty',
        summary: `No nonconformity open, raised or closed ${period(since)}.`,
        figures: [figure('Open', 0)],
        items: [],
        reason: 'no nonconformity raised in the period',
      };
    return {
      key: 'nonconformities',
      state: 'present',
      summary: `${count(n.raised, 'nonconformity', 'nonconformities')} raised and ${n.closed} closed ${period(since)}; ${n.open} open (${n.byGrade.major} major, ${n.byGrade.minor} minor), ${n.overdue} overdue on ${asOf}.`,
      figures: [
        figure('Raised', n.raised),
        figure('Closed', n.closed),
        figure('Open', n.open),
        figure('Open major', n.byGrade.major),
        figure('Open minor', n.byGrade.minor),
        figure('Overdue', n.overdue),
      ],
      items: NONCONFORMITY_SOURCES.filter((s) => n.bySource[s].raised || n.bySource[s].open).map(
        (s) =>
          `${NONCONFORMITY_SOURCE_LABELS[s]}: ${n.bySource[s].raised} raised, ${n.bySource[s].closed} closed, ${n.bySource[s].open} open`,
      ),
      reason: null,
    };
  },
};
