import { useEffect, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button } from '@mantine/core';
import { Link, Outlet, useParams } from 'react-router';
import { api, isApiError } from '../../api/client';
import type { OrganizationWithRole } from '../../api/types';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { PageHeader } from '../../ui/PageHeader';
import { OrgContext, makeOrgScope, rememberOrg } from './org-context';
import { SHELL_TEXT } from './text';

export const orgKey = (orgId: string) => ['org', orgId] as const;

export function useOrganization(orgId: string | undefined) {
  return useQuery({
    queryKey: orgKey(orgId ?? ''),
    queryFn: () => api.get<OrganizationWithRole>(`/api/orgs/${encodeURIComponent(orgId!)}`),
    enabled: !!orgId,
    retry: (n, e) => !isApiError(e) && n < 2,
  });
}

/** Loads /orgs/:orgId and gives its pages the organization and the member's role. */
export function OrgScopeRoute() {
  const { orgId } = useParams();
  const org = useOrganization(orgId);
  const scope = useMemo(() => (org.data ? makeOrgScope(org.data) : null), [org.data]);
  useEffect(() => {
    if (org.data) rememberOrg(org.data.id);
  }, [org.data]);

  if (org.isPending) return <Loading />;
  if (org.isError) {
    if (isApiError(org.error) && org.error.status === 404)
      return (
        <PageHeader
          title={SHELL_TEXT.orgNotFoundTitle}
          description={SHELL_TEXT.orgNotFound}
          actions={
            <Button component={Link} to="/" variant="default">
              {SHELL_TEXT.yourOrgs}
            </Button>
          }
        />
      );
    return <ErrorAlert error={org.error} onRetry={() => void org.refetch()} />;
  }
  return (
    <OrgContext.Provider value={scope}>
      <Outlet />
    </OrgContext.Provider>
  );
}
