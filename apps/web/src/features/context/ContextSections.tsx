import type { ReactNode } from 'react';
import { Badge, Tabs } from '@mantine/core';
import { IconListDetails, IconUsersGroup } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { useOrg } from '../shell/org-context';
import { contextHref, issuesHref, useContextIssues } from './api';
import { CONTEXT_TEXT as T, STEP_CRUMBS } from './text';

export type ContextSection = 'roles' | 'issues';

/**
 * The frame of the two clause 4.1 pages: one header, a tab per page. Each tab is its own address
 * (/context, /context/issues), so either can be shared.
 */
export function ContextSections({
  section,
  actions,
  children,
}: {
  section: ContextSection;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { orgId } = useOrg();
  const navigate = useNavigate();
  const issues = useContextIssues(orgId);
  return (
    <>
      <PageHeader crumbs={STEP_CRUMBS} title={T.title} description={T.description} actions={actions} />
      <Tabs
        value={section}
        onChange={(v) => v && v !== section && void navigate(v === 'issues' ? issuesHref(orgId) : contextHref(orgId))}
        keepMounted={false}
      >
        <Tabs.List mb="lg" aria-label={T.tabsLabel}>
          <Tabs.Tab value="roles" leftSection={<IconUsersGroup size={16} />}>
            {T.tabRoles}
          </Tabs.Tab>
          <Tabs.Tab
            value="issues"
            leftSection={<IconListDetails size={16} />}
            rightSection={
              issues.data ? (
                <Badge size="sm" variant="light" circle={issues.data.length < 100} aria-hidden>
                  {issues.data.length}
                </Badge>
              ) : undefined
            }
          >
            {T.tabIssues}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value={section}>{children}</Tabs.Panel>
      </Tabs>
    </>
  );
}
