import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe, useSetupStatus } from '../../api/session';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { lastOrg } from '../shell/org-context';

/** Pages behind sign-in: first run goes to setup, signed-out users to login (and back afterwards). */
export function RequireAuth() {
  const status = useSetupStatus();
  const me = useMe();
  const location = useLocation();
  if (status.isPending || me.isPending) return <Loading />;
  if (status.isError) return <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />;
  if (!status.data.setUp) return <Navigate to="/setup" replace />;
  if (me.isError) return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const here = location.pathname + location.search;
    return <Navigate to={here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`} replace />;
  }
  return <Outlet />;
}

/** "/": the last organization opened, else the first one, else the welcome page. */
export function HomeRedirect() {
  const me = useMe();
  const orgs = me.data?.memberships ?? [];
  const remembered = lastOrg();
  const target = orgs.find((m) => m.organization.id === remembered) ?? orgs[0];
  if (!target) return <Navigate to="/welcome" replace />;
  // An external auditor sees the organization through the auditor workspace: that is where they land.
  const home = target.role === 'external_auditor' ? '/auditor-workspace' : '';
  return <Navigate to={`/orgs/${target.organization.id}${home}`} replace />;
}
