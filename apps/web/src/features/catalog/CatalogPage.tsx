import { useEffect, useMemo, useRef } from 'react';
import { Alert, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IconDownload, IconSearch } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import type { FrameworkDetail, FrameworkSummary } from '../../api/types';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import { catalogHref, DEFAULT_FRAMEWORK, oscalHref, useFramework, useFrameworks } from './api';
import { CatalogItemView } from './CatalogItemView';
import { CatalogSearchBox, CatalogSearchResults, useCatalogSearchParams } from './CatalogSearch';
import { CatalogSections } from './CatalogSections';
import { buildTree, CatalogTree, useTreeState } from './CatalogTree';
import { FrameworkOverview } from './FrameworkOverview';
import { ORIGIN_LABELS } from './labels';
import { CATALOG_TEXT as T } from './text';
import classes from './catalog.module.css';

/** ISO/IEC 42001 first, then the other shipped frameworks, the imported ones and the custom controls. */
function switcherData(frameworks: FrameworkSummary[]) {
  const order = (f: FrameworkSummary) => (f.id === DEFAULT_FRAMEWORK ? 0 : 1);
  return (['builtin', 'imported', 'custom'] as const)
    .map((origin) => ({
      group: ORIGIN_LABELS[origin],
      items: frameworks
        .filter((f) => f.origin === origin)
        .sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name))
        .map((f) => ({ value: f.id, label: f.name })),
    }))
    .filter((g) => g.items.length > 0);
}

function TreePane({
  orgId,
  framework,
  selectedRef,
}: {
  orgId: string;
  framework: FrameworkDetail;
  selectedRef: string | undefined;
}) {
  const tree = useMemo(() => buildTree(framework.items), [framework.items]);
  const state = useTreeState(tree, selectedRef);
  const scrollRef = useRef<HTMLDivElement>(null);
  // Bring a newly opened item into view inside the pane (not the page), once its branch is unfolded.
  const toReveal = useRef(selectedRef);
  useEffect(() => {
    toReveal.current = selectedRef;
  }, [selectedRef]);
  useEffect(() => {
    const pane = scrollRef.current;
    const el = pane?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!pane || !el || toReveal.current === undefined) return;
    toReveal.current = undefined;
    const top = el.getBoundingClientRect().top - pane.getBoundingClientRect().top;
    if (top < 0 || top > pane.clientHeight - el.offsetHeight) pane.scrollTop += top - pane.clientHeight / 3;
  }, [selectedRef, state.expanded]);
  return (
    <>
      <Group justify="space-between" gap={4} mt="sm" mb={4}>
        <Text fz="xs" c="dimmed" fw={600}>
          {T.itemCount(framework.itemCount)}
        </Text>
        <Group gap={0}>
          <Button variant="subtle" size="compact-xs" color="gray" onClick={state.expandAll}>
            {T.expandAll}
          </Button>
          <Button variant="subtle" size="compact-xs" color="gray" onClick={state.collapseAll}>
            {T.collapseAll}
          </Button>
        </Group>
      </Group>
      <div className={classes.scroll} ref={scrollRef}>
        <CatalogTree orgId={orgId} framework={framework} tree={tree} state={state} selectedRef={selectedRef} />
      </div>
      {framework.assessableCount > 0 && (
        <Group gap={6} mt="xs" wrap="nowrap">
          <span className={classes.dot} aria-hidden />
          <Text fz="xs" c="dimmed">
            {T.legendAssessable}
          </Text>
        </Group>
      )}
    </>
  );
}

/**
 * The catalogue browser: a framework's tree (or search results) on the left, the open item or
 * the framework's overview on the right. /catalog/:frameworkId/:ref is the address of an item.
 */
export function CatalogPage() {
  const { orgId } = useOrg();
  const params = useParams();
  const frameworkId = params.frameworkId ?? DEFAULT_FRAMEWORK;
  const ref = params.ref;
  const navigate = useNavigate();
  const search = useCatalogSearchParams();
  const frameworks = useFrameworks(orgId);
  const framework = useFramework(orgId, frameworkId);
  const notFound = framework.isError && isApiError(framework.error) && framework.error.status === 404;
  const name = framework.data?.name ?? frameworks.data?.find((f) => f.id === frameworkId)?.name ?? frameworkId;

  return (
    <CatalogSections
      section="browse"
      actions={
        !notFound && (
          <Button
            component="a"
            href={oscalHref(orgId, frameworkId)}
            download
            variant="default"
            leftSection={<IconDownload size={16} />}
            title={T.exportOscalHint(name)}
          >
            {T.exportOscal}
          </Button>
        )
      }
    >
      <div className={classes.layout}>
        <div className={classes.columns}>
          <Paper withBorder radius="md" p="sm" className={classes.side} component="aside" aria-label={T.sideLabel}>
            <Stack gap="sm">
              <Select
                label={T.framework}
                data={frameworks.data ? switcherData(frameworks.data) : []}
                value={frameworks.data?.some((f) => f.id === frameworkId) ? frameworkId : null}
                placeholder={frameworks.isPending ? T.loading : T.chooseFramework}
                onChange={(v) => v && v !== frameworkId && void navigate(`${catalogHref(orgId, v)}${search.search}`)}
                allowDeselect={false}
                checkIconPosition="right"
                comboboxProps={{ withinPortal: true }}
                error={frameworks.isError ? T.frameworksError : undefined}
              />
              <CatalogSearchBox search={search} />
            </Stack>
            {search.q ? (
              <div className={classes.scroll} style={{ marginTop: 'var(--mantine-spacing-sm)' }}>
                <CatalogSearchResults
                  orgId={orgId}
                  search={search}
                  frameworkId={frameworkId}
                  selectedRef={ref}
                  frameworks={frameworks.data ?? []}
                />
              </div>
            ) : framework.data ? (
              <TreePane key={framework.data.id} orgId={orgId} framework={framework.data} selectedRef={ref} />
            ) : framework.isPending ? (
              <Loading />
            ) : null}
          </Paper>
          <div>
            {framework.isPending ? (
              <Loading />
            ) : notFound ? (
              <Alert
                color="orange"
                variant="light"
                title={T.frameworkNotFound}
                icon={<IconSearch size={18} />}
                role="alert"
              >
                <Stack gap="xs" align="flex-start">
                  <Text fz="sm">{T.frameworkNotFoundBody(frameworkId)}</Text>
                  <Button component={Link} to={catalogHref(orgId)} size="xs" variant="default">
                    {T.backToCatalogue}
                  </Button>
                </Stack>
              </Alert>
            ) : framework.isError ? (
              <ErrorAlert error={framework.error} onRetry={() => void framework.refetch()} />
            ) : ref !== undefined ? (
              <CatalogItemView key={`${frameworkId}:${ref}`} orgId={orgId} framework={framework.data} refId={ref} />
            ) : (
              <FrameworkOverview orgId={orgId} framework={framework.data} />
            )}
          </div>
        </div>
      </div>
    </CatalogSections>
  );
}
