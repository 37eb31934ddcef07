import type { ApiModule } from '../platform/http/app';
import { identityRoutes } from './identity/routes';
import { orgRoutes } from './orgs/routes';
import { auditTrailRoutes } from './audit-trail/routes';
import { inventoryRoutes } from './inventory/routes';
import { catalogReadRoutes } from './catalog/read-routes';
import { catalogWriteRoutes } from './catalog/write-routes';
import { gapRoutes } from './gap/routes';
import { gapExportRoutes } from './gap/export-routes';
import { gapAttachmentRoutes } from './gap/attachment-routes';
import { actionRoutes } from './actions/routes';
import { contextRoutes } from './context/routes';
import { scopeGovernanceRoutes } from './context/scope-governance-routes';
import { riskRoutes } from './risk/routes';
import { impactRoutes } from './impact/routes';
import { impactExportRoutes } from './impact/export-routes';
import { soaRoutes } from './soa/routes';
import { riskExportRoutes } from './risk/export-routes';
import { soaExportRoutes } from './soa/export-routes';
import { documentExportRoutes } from './documents/export-routes';
import { documentRoutes } from './documents/routes';
import { documentLifecycleRoutes } from './documents/lifecycle-routes';
import { ssoRoutes } from './sso/routes';
import { controlRoutes } from './controls/routes';
import { controlExportRoutes } from './controls/export-routes';
import { evidenceRoutes } from './evidence/routes';
import { evidenceExportRoutes } from './evidence/export-routes';
import { competenceRoutes } from './competence/routes';
import { competenceExportRoutes } from './competence/export-routes';
import { objectiveRoutes } from './objectives/routes';
import { metricRoutes } from './metrics/routes';
import { taskRoutes } from './tasks/routes';
import { notificationRoutes } from './notifications/routes';
import { overviewRoutes } from './overview/routes';
import { soaGapRoutes } from './soa/gap-results';
import { dataSetRoutes } from './data-sets/routes';
import { supplierRoutes } from './suppliers/routes';
import { aiActRoutes } from './ai-act/routes';
import { certificationRoutes } from './certification/routes';
import { certificationCycleRoutes } from './certification/cycle-routes';
import { auditRoutes } from './audits/routes';
import { nonconformityRoutes } from './nonconformities/routes';
import { reviewRoutes } from './reviews/routes';
import { aiLifecycleRoutes } from './ai-lifecycle/routes';
import { oscalRoutes } from './oscal/routes';
import { auditorWorkspaceRoutes } from './auditor-workspace/routes';
import { savedViewRoutes } from './saved-views/routes';

/** Every API module, in the order its routes register. Add a module here. */
export const API_MODULES: ApiModule[] = [
  identityRoutes,
  orgRoutes,
  auditTrailRoutes,
  inventoryRoutes,
  catalogReadRoutes,
  catalogWriteRoutes,
  gapRoutes,
  gapExportRoutes,
  gapAttachmentRoutes,
  actionRoutes,
  contextRoutes,
  scopeGovernanceRoutes,
  riskRoutes,
  riskExportRoutes,
  impactRoutes,
  soaRoutes,
  soaExportRoutes,
  documentRoutes,
  documentLifecycleRoutes,
  documentExportRoutes,
  ssoRoutes,
  evidenceExportRoutes,
  evidenceRoutes,
  controlExportRoutes,
  controlRoutes,
  competenceExportRoutes,
  competenceRoutes,
  objectiveRoutes,
  metricRoutes,
  taskRoutes,
  notificationRoutes,
  overviewRoutes,
  soaGapRoutes,
  impactExportRoutes,
  dataSetRoutes,
  supplierRoutes,
  aiActRoutes,
  certificationRoutes,
  certificationCycleRoutes,
  auditRoutes,
  nonconformityRoutes,
  reviewRoutes,
  aiLifecycleRoutes,
  oscalRoutes,
  auditorWorkspaceRoutes,
  savedViewRoutes,
];
