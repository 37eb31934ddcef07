import type { InputProvider } from './types';

// 9.3.2 d: nonconformities and corrective actions, with their trend. The nonconformity module (10.2)
// is not in this build yet, so the input reports itself missing. When it lands, replace the body with
// a call to `nonconformitySummary(db, orgId, since)` and map its counts (opened, closed, open by grade,
// overdue corrective actions, effectiveness reviews due) into figures and items.

export const nonconformities: InputProvider = {
  key: 'nonconformities',
  compile: () =>
    Promise.resolve({
      key: 'nonconformities',
      state: 'missing',
      summary: 'Nonconformities and corrective actions are not recorded in Fortytwo yet.',
      figures: [],
      items: [],
      reason: 'no nonconformity module data',
    }),
};
