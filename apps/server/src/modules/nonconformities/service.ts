// Nonconformity and corrective action (10.2): one register for every source. Internal audits raise
// records through `raiseNonconformityInTx` inside their own transaction; certification audits,
// incidents and monitoring will do the same with their `source`. Corrective actions are actions of
// the one actions module (sourceType "nonconformity"), so they appear in everyone's task list.
// One file per use case: read.ts, raise.ts, progress.ts (the steps to closing), improvements.ts.

export {
  getNonconformity,
  listNonconformities,
  NC_ACTION_SOURCE,
  ncRef,
  type NonconformityFilter,
  type NonconformityOut,
  ZNonconformityOut,
} from './read';
export { createNonconformity, raiseNonconformityInTx } from './raise';
export {
  addCorrectiveAction,
  closeNonconformity,
  planActions,
  reviewEffectiveness,
  startReview,
  updateNonconformity,
} from './progress';
export {
  createImprovement,
  IMPROVEMENT_SOURCES,
  IMPROVEMENT_STATUSES,
  improvementLog,
  type ImprovementOut,
  logImprovementInTx,
  updateImprovement,
  ZImprovementOut,
} from './improvements';
