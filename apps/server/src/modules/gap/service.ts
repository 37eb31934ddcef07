// The gap assessment's use cases, one file each: read.ts, assessments.ts (create, rename, remove),
// items.ts (answer items, apply a workbook's patch, gaps to actions), snapshots.ts (snapshot, compare, progress).

export { assessmentGaps, assessmentScores, getAssessment, listAssessments, scoresOf } from './read';
export { createAssessment, removeAssessment, renameAssessment } from './assessments';
export { applyPatch, assertWorking, gapsToActions, problemsWithPatch, updateItem } from './items';
export { compareAssessments, progress, takeSnapshot } from './snapshots';
