import type { ReactNode } from 'react';
import { Tabs } from '@mantine/core';
import { IconBooks, IconFileImport, IconPuzzle } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { useOrg } from '../shell/org-context';
import { CATALOG_TEXT as T } from './text';

export type CatalogSection = 'browse' | 'custom-controls' | 'imports';

const PATHS: Record<CatalogSection, string> = {
  browse: '',
  'custom-controls': '/custom-controls',
  imports: '/imports',
};

/**
 * The frame of the three catalogue pages: one header and a tab per page. Each tab is its own
 * address (/catalog, /catalog/custom-controls, /catalog/imports), so a tab can be shared.
 */
export function CatalogSections({
  section,
  actions,
  children,
}: {
  section: CatalogSection;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { orgId } = useOrg();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={T.title} description={T.description} actions={actions} />
      <Tabs
        value={section}
        onChange={(v) => v && v !== section && void navigate(`/orgs/${orgId}/catalog${PATHS[v as CatalogSection]}`)}
        keepMounted={false}
      >
        <Tabs.List mb="lg" aria-label={T.tabsLabel}>
          <Tabs.Tab value="browse" leftSection={<IconBooks size={16} />}>
            {T.tabBrowse}
          </Tabs.Tab>
          <Tabs.Tab value="custom-controls" leftSection={<IconPuzzle size={16} />}>
            {T.tabCustom}
          </Tabs.Tab>
          <Tabs.Tab value="imports" leftSection={<IconFileImport size={16} />}>
            {T.tabImports}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value={section}>{children}</Tabs.Panel>
      </Tabs>
    </>
  );
}
