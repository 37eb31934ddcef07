import { OBJECTIVE_STATUS_LABELS, OBJECTIVE_STATUSES } from '@fortytwo/domain';
import { loadObjectives } from '../../objectives/service';
import type { InputProvider } from './types';
import { count, figure } from './types';

// Status of the AI objectives (6.2): how far each has come from baseline to target, and which are late.

export const objectives: InputProvider = {
  key: 'objectives',
  async compile({ db, orgId, asOf }) {
    const all = await loadObjectives(db, orgId);
    if (!all.length)
      return {
        key: 'objectives',
        state: 'missing',
        summary: 'No AI objective is set.',
        figures: [],
        items: [],
        reason: 'no AI objectives recorded (6.2)',
      };
    const late = all.filter(
      (o) => o.dueDate && o.dueDate < asOf && (o.status === 'planned' || o.status === 'in_progress'),
    );
    return {
      key: 'objectives',
      state: 'present',
      summary: `${count(all.length, 'AI objective')}: ${all.filter((o) => o.status === 'achieved').length} achieved, ${late.length} past their due date.`,
      figures: [
        figure('Objectives', all.length),
        ...OBJECTIVE_STATUSES.map((s) => figure(OBJECTIVE_STATUS_LABELS[s], all.filter((o) => o.status === s).length)),
        figure('Past due date', late.length),
      ],
      items: all.map(
        (o) =>
          `${o.ref} ${o.title}: ${OBJECTIVE_STATUS_LABELS[o.status]}${
            o.progressPercent !== null ? `, ${o.progressPercent}% of the way to target` : ''
          }${o.dueDate ? `, due ${o.dueDate}` : ''}`,
      ),
      reason: null,
    };
  },
};
