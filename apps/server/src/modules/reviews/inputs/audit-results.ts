import type { InputProvider } from './types';

// 9.3.2 d: results of internal (and certification) audits. The internal audit module (9.2) is not in
// this build yet, so the input reports itself missing. When it lands, replace the body with a call to
// `auditResultsSince(db, orgId, since)` and map its audits (ref, scope, dates, findings by grade,
// conclusion) into figures and items.

export const auditResults: InputProvider = {
  key: 'audit_results',
  compile: () =>
    Promise.resolve({
      key: 'audit_results',
      state: 'missing',
      summary: 'No internal audit has been recorded.',
      figures: [],
      items: [],
      reason: 'no internal audit recorded yet',
    }),
};
