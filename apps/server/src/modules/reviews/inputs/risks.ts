import { RISK_LEVEL_LABELS, RISK_LEVELS } from '@fortytwo/domain';
import { loadRisks } from '../../risk/read';
import type { InputProvider } from './types';
import { count, figure, period } from './types';

// Risks and opportunities and their treatment (6.1): the open register by level (residual where a
// treatment rated it, else inherent), what needs attention, treatments and their verification.

export const risks: InputProvider = {
  key: 'risks',
  async compile({ db, orgId, since }) {
    const all = (await loadRisks(db, orgId)).filter((r) => r.kind === 'risk');
    if (!all.length)
      return {
        key: 'risks',
        state: 'missing',
        summary: 'The risk register holds no risk.',
        figures: [],
        items: [],
        reason: 'no risks assessed (6.1.2)',
      };
    const open = all.filter((r) => r.status === 'open');
    const level = (r: (typeof all)[number]) => r.residualLevel ?? r.inherentLevel;
    const treatments = open.flatMap((r) => r.treatments);
    const verified = treatments.filter((t) => t.effectiveness !== null);
    const attention = open.filter((r) => r.needsAttention);
    const added = all.filter((r) => r.createdAt >= (since ?? ''));
    return {
      key: 'risks',
      state: 'present',
      summary: `${count(open.length, 'open risk')}, ${attention.length} needing attention; ${count(treatments.length, 'treatment')}, ${verified.length} verified.`,
      figures: [
        figure('Open risks', open.length),
        ...RISK_LEVELS.map((l) =>
          figure(`Current level ${RISK_LEVEL_LABELS[l]}`, open.filter((r) => level(r) === l).length),
        ),
        figure('Unrated', open.filter((r) => !r.rated).length),
        figure('Needing attention', attention.length),
        figure('Treatments', treatments.length),
        figure('Treatments verified', verified.length),
        figure('Residual risk accepted', open.filter((r) => r.acceptanceState === 'in_force').length),
        figure(`Risks added ${period(since)}`, added.length),
        figure('Closed risks', all.length - open.length),
      ],
      items: attention.map(
        (r) =>
          `${r.ref} ${r.title}: ${r.rated ? `${level(r) ?? 'unrated'}, no treatment or acceptance in force` : 'not rated yet'}`,
      ),
      reason: null,
    };
  },
};
