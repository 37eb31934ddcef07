// Internal audit (9.2): the programme (one per organization, versioned, approved), audits with their
// plan, the independence check, a checklist generated from the scope, and findings. A major or minor
// finding raises a nonconformity (modules/nonconformities); an opportunity for improvement enters the
// improvement log. A completed audit is signed off and frozen. One file per use case; this one is
// the module's public face.

export { getProgramme, updateProgramme, approveProgramme, ZProgrammeOut, type ProgrammeOut } from './programme';
export { auditRef, getAudit, listAudits, ZAuditOut, ZChecklistItemOut, ZFindingOut, type AuditOut } from './read';
export { createAudit, updateAudit } from './plan';
export { updateChecklistItem } from './checklist';
export { addFinding } from './findings';
