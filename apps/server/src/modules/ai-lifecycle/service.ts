// Releases of an AI system with their verification and validation (A.6.2.4) and deployment
// (A.6.2.5), and the changes made to it with their significance (8.2, 8.4). The audit trail keeps
// every step under the AI system, so the system's history shows its life cycle.
// One file per use case: releases.ts, changes.ts; common.ts holds what they share.

export { type Change, type Release, ZChange, ZRelease } from './common';
export {
  createRelease,
  getRelease,
  listReleases,
  recordDeployment,
  recordVerification,
  updateRelease,
} from './releases';
export { createChange, decideSignificance, getChange, listChanges } from './changes';
