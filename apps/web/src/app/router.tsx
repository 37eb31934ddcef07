import { createBrowserRouter, Navigate, Outlet, ScrollRestoration } from 'react-router';
import { OrgScopeRoute } from '../features/shell/OrgScopeRoute';
import { useOrg } from '../features/shell/org-context';
import { HomeRedirect, RequireAuth } from '../features/auth/RequireAuth';
import { JOURNEY } from '../features/journey/steps';
import { contextRoutes } from '../features/context/routes';
import { gapRoutes } from '../features/gap/routes';
import { RequireAction } from '../features/shell/RequireAction';
import { soaRoutes } from '../features/soa/routes';
import { impactRoutes } from '../features/impact/routes';
import { evidenceRoutes } from '../features/evidence/routes';
import { riskRoutes } from '../features/risk/routes';
import { documentRoutes } from '../features/documents/routes';
import { controlRoutes } from '../features/controls/routes';
import { competenceRoutes } from '../features/competence/routes';
import { objectiveRoutes } from '../features/objectives/routes';
import { thirdPartyRoutes } from '../features/third-parties/routes';
import { certificationRoutes } from '../features/certification/routes';
import { auditorWorkspaceRoutes } from '../features/auditor-workspace/routes';
import { auditRoutes } from '../features/audits/routes';
import { nonconformityRoutes } from '../features/nonconformities/routes';
import { reviewRoutes } from '../features/reviews/routes';
import { metricRoutes } from '../features/metrics/routes';
import { NotFoundPage } from './NotFoundPage';
import { lazyPage } from '../ui/lazy-page';

// Each page is its own chunk, loaded when first opened (the first load stays small). The sign-in
// and set-up forms bring zod and the domain's schemas, the signed-in frame every feature's navigation
// labels: none of them is in the entry, which a first page of either kind needs (issue 20, item 6).
const LoginPage = lazyPage(() => import('../features/auth/LoginPage'), 'LoginPage');
const SetupPage = lazyPage(() => import('../features/auth/SetupPage'), 'SetupPage');
const AppFrame = lazyPage(() => import('../features/shell/AppFrame'), 'AppFrame');
const WelcomePage = lazyPage(() => import('../features/shell/WelcomePage'), 'WelcomePage');
const ForgotPasswordPage = lazyPage(() => import('../features/auth/ForgotPasswordPage'), 'ForgotPasswordPage');
const AcceptInvitationPage = lazyPage(
  () => import('../features/invitations/AcceptInvitationPage'),
  'AcceptInvitationPage',
);
const InventoryListPage = lazyPage(() => import('../features/inventory/InventoryListPage'), 'InventoryListPage');
const AiSystemDetailPage = lazyPage(() => import('../features/inventory/AiSystemDetailPage'), 'AiSystemDetailPage');
const EditAiSystemPage = lazyPage(() => import('../features/inventory/AiSystemFormPage'), 'EditAiSystemPage');
const NewAiSystemPage = lazyPage(() => import('../features/inventory/AiSystemFormPage'), 'NewAiSystemPage');
const EditAiSystemProfilePage = lazyPage(
  () => import('../features/inventory/ProfileFormPage'),
  'EditAiSystemProfilePage',
);
const MembersPage = lazyPage(() => import('../features/members/MembersPage'), 'MembersPage');
const AuditTrailPage = lazyPage(() => import('../features/audit-trail/AuditTrailPage'), 'AuditTrailPage');
const TokensPage = lazyPage(() => import('../features/tokens/TokensPage'), 'TokensPage');
const AccountPage = lazyPage(() => import('../features/account/AccountPage'), 'AccountPage');
const ResetPasswordPage = lazyPage(() => import('../features/account/ResetPasswordPage'), 'ResetPasswordPage');
const NotBuiltPage = lazyPage(() => import('../features/journey/NotBuiltPage'), 'NotBuiltPage');
const CatalogPage = lazyPage(() => import('../features/catalog/CatalogPage'), 'CatalogPage');
const CustomControlsPage = lazyPage(() => import('../features/catalog/CustomControlsPage'), 'CustomControlsPage');
const EditCustomControlPage = lazyPage(
  () => import('../features/catalog/CustomControlFormPage'),
  'EditCustomControlPage',
);
const NewCustomControlPage = lazyPage(
  () => import('../features/catalog/CustomControlFormPage'),
  'NewCustomControlPage',
);
const ImportsPage = lazyPage(() => import('../features/catalog/ImportsPage'), 'ImportsPage');
const MyTasksPage = lazyPage(() => import('../features/tasks/MyTasksPage'), 'MyTasksPage');
const ScopePage = lazyPage(() => import('../features/scope/ScopePage'), 'ScopePage');
const GovernancePage = lazyPage(() => import('../features/governance/GovernancePage'), 'GovernancePage');
const RaciPage = lazyPage(() => import('../features/governance/RaciPage'), 'RaciPage');
const PortfolioPage = lazyPage(() => import('../features/certification/PortfolioPage'), 'PortfolioPage');

// URLs carry the organization (/orgs/:orgId/...), so every page is a link someone else can open.
const HomePage = lazyPage(() => import('../features/home/HomePage'), 'HomePage');

function Root() {
  return (
    <>
      <ScrollRestoration />
      <Outlet />
    </>
  );
}

/** The organization's home; an external auditor's home is the auditor workspace. */
function OrgHome() {
  const { org } = useOrg();
  return org.myRole === 'external_auditor' ? <Navigate to="auditor-workspace" replace /> : <HomePage />;
}

const orgPages = [
  { index: true, element: <OrgHome /> },
  { path: 'ai-systems', element: <InventoryListPage /> },
  {
    path: 'ai-systems/new',
    element: (
      <RequireAction action="ai_system.write">
        <NewAiSystemPage />
      </RequireAction>
    ),
  },
  { path: 'ai-systems/:id', element: <AiSystemDetailPage /> },
  {
    path: 'ai-systems/:id/edit',
    element: (
      <RequireAction action="ai_system.write">
        <EditAiSystemPage />
      </RequireAction>
    ),
  },
  {
    path: 'ai-systems/:id/profile/edit',
    element: (
      <RequireAction action="ai_system.write">
        <EditAiSystemProfilePage />
      </RequireAction>
    ),
  },
  { path: 'members', element: <MembersPage /> },
  // The catalogue: /catalog/:frameworkId/:ref is the address of one item (refs URL-encoded: GOVERN%201.1).
  // The fixed paths rank above the parameters, so custom-controls and imports are never read as a framework.
  { path: 'catalog', element: <CatalogPage /> },
  { path: 'catalog/custom-controls', element: <CustomControlsPage /> },
  {
    path: 'catalog/custom-controls/new',
    element: (
      <RequireAction action="catalog.manage">
        <NewCustomControlPage />
      </RequireAction>
    ),
  },
  {
    path: 'catalog/custom-controls/:id/edit',
    element: (
      <RequireAction action="catalog.manage">
        <EditCustomControlPage />
      </RequireAction>
    ),
  },
  { path: 'catalog/imports', element: <ImportsPage /> },
  { path: 'catalog/:frameworkId', element: <CatalogPage /> },
  { path: 'catalog/:frameworkId/:ref', element: <CatalogPage /> },
  {
    path: 'audit-trail',
    element: (
      <RequireAction action="audit_event.read">
        <AuditTrailPage />
      </RequireAction>
    ),
  },
  // Step 1: the gap analysis takes the step's own address; it ranks above the placeholder below.
  ...gapRoutes,
  { path: 'tasks', element: <MyTasksPage /> },
  // Step 2: context and interested parties (4.1, 4.2) under /context.
  ...contextRoutes,
  // Step 2: the scope builder takes the step's own address; it ranks above the placeholder below.
  { path: 'scope', element: <ScopePage /> },
  { path: 'governance', element: <GovernancePage /> },
  { path: 'raci', element: <RaciPage /> },
  // Step 3: the master list takes the step's own address; documents under /documents.
  ...documentRoutes,
  // Step 4: risks, the treatment plan and the criteria (6.1.1–6.1.3), the SoA, impact assessments.
  ...riskRoutes,
  ...objectiveRoutes,
  ...metricRoutes,
  ...soaRoutes,
  ...controlRoutes,
  ...impactRoutes,
  ...competenceRoutes,
  ...evidenceRoutes,
  ...thirdPartyRoutes,
  // Step 6: the readiness check takes the step's own address; it ranks above the placeholder below.
  ...certificationRoutes,
  ...auditorWorkspaceRoutes,
  // Step 5: the audit programme takes the step's own address; audits and nonconformities beside it.
  ...auditRoutes,
  ...nonconformityRoutes,
  // Step 5: management review (9.3).
  ...reviewRoutes,
  ...JOURNEY.map((s) => ({ path: s.slug, element: <NotBuiltPage key={s.slug} slug={s.slug} /> })),
  { path: 'inventory', element: <Navigate to="../ai-systems" replace /> },
  { path: '*', element: <NotFoundPage /> },
];

export const router = createBrowserRouter([
  {
    element: <Root />,
    children: [
      { path: '/setup', element: <SetupPage /> },
      { path: '/login', element: <LoginPage /> },
      { path: '/invitations/:token', element: <AcceptInvitationPage /> },
      { path: '/reset-password/:token', element: <ResetPasswordPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      {
        element: <RequireAuth />,
        children: [
          { index: true, element: <HomeRedirect /> },
          {
            element: <AppFrame />,
            children: [
              { path: '/welcome', element: <WelcomePage /> },
              { path: '/account', element: <AccountPage /> },
              { path: '/account/tokens', element: <TokensPage /> },
              { path: '/portfolio', element: <PortfolioPage /> },
              { path: '/orgs/:orgId', element: <OrgScopeRoute />, children: orgPages },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
