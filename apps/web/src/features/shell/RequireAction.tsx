import type { ReactNode } from 'react';
import type { Action } from '@fortytwo/domain';
import { PageHeader } from '../../ui/PageHeader';
import { useOrg } from './org-context';

/** A page only some roles may use: others get a plain explanation instead of a broken page. */
export function RequireAction({ action, children }: { action: Action; children: ReactNode }) {
  const { can, org } = useOrg();
  if (can(action)) return <>{children}</>;
  return (
    <PageHeader
      title="Not available for your role"
      description={`Your role in ${org.name} does not allow this. Ask an owner or AIMS manager if you need it.`}
    />
  );
}
