import { loadRisks } from '../../risk/read';
import type { InputProvider } from './types';
import { count, figure } from './types';

// 9.3.2 e: opportunities for continual improvement. Today they come from the opportunities of the
// risk register (6.1); the improvement log of the nonconformity module (10.1) adds to them when it lands.

export const improvement: InputProvider = {
  key: 'improvement',
  async compile({ db, orgId }) {
    const opportunities = (await loadRisks(db, orgId, { kind: 'opportunity' })).filter((r) => r.status === 'open');
    if (!opportunities.length)
      return {
        key: 'improvement',
        state: 'empty',
        summary: 'No opportunity for improvement is recorded.',
        figures: [figure('Open opportunities', 0)],
        items: [],
        reason: 'no opportunity recorded in the risk register',
      };
    return {
      key: 'improvement',
      state: 'present',
      summary: `${count(opportunities.length, 'open opportunity', 'open opportunities')} for improvement.`,
      figures: [
        figure('Open opportunities', opportunities.length),
        figure('With a treatment planned', opportunities.filter((o) => o.treatments.length > 0).length),
      ],
      items: opportunities.map((o) => `${o.ref} ${o.title}${o.owner ? ` (${o.owner.name})` : ''}`),
      reason: null,
    };
  },
};
