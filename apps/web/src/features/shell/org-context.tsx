import { createContext, useContext } from 'react';
import { can, type Action } from '@fortytwo/domain';
import type { OrganizationWithRole } from '../../api/types';

export type OrgScope = { orgId: string; org: OrganizationWithRole; can: (action: Action) => boolean };

export const OrgContext = createContext<OrgScope | null>(null);

export function makeOrgScope(org: OrganizationWithRole): OrgScope {
  return { orgId: org.id, org, can: (action) => can(org.myRole, action) };
}

/** The organization of the current page and what the signed-in member may do in it. */
export function useOrg(): OrgScope {
  const scope = useContext(OrgContext);
  if (!scope) throw new Error('useOrg() used outside an organization page');
  return scope;
}

const LAST_ORG = 'fortytwo.lastOrg';
export const rememberOrg = (orgId: string) => {
  try {
    localStorage.setItem(LAST_ORG, orgId);
  } catch {
    // private mode: nothing to remember
  }
};
export const lastOrg = (): string | null => {
  try {
    return localStorage.getItem(LAST_ORG);
  } catch {
    return null;
  }
};
