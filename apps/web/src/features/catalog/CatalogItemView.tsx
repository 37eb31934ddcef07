import { useId } from 'react';
import { Alert, Anchor, Badge, Breadcrumbs, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconFileDescription, IconSearch } from '@tabler/icons-react';
import { PILLAR_LABELS } from '@fortytwo/catalog/browser';
import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import type { CatalogItemDetail, FrameworkDetail, ItemLink } from '../../api/types';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { catalogHref, useCatalogItem } from './api';
import { PaneSection } from './PaneSection';
import {
  DOCUMENTATION_HELP,
  DOCUMENTATION_LABELS,
  kindLabel,
  PDCA_LABELS,
  RELATIONSHIP_COLORS,
  RELATIONSHIP_LABELS,
} from './labels';
import { RefChip } from './RefChip';
import { DocumentWording } from './RequiredDocuments';
import { CATALOG_TEXT as T } from './text';
import classes from './catalog.module.css';

function RefRow({
  orgId,
  frameworkId,
  refId,
  title,
  assessable,
}: {
  orgId: string;
  frameworkId: string;
  refId: string;
  title: string;
  assessable?: boolean;
}) {
  return (
    <Group gap="sm" wrap="nowrap" align="baseline" component="li">
      <RefChip orgId={orgId} frameworkId={frameworkId} refId={refId} />
      <Text fz="sm" style={{ flex: 1, minWidth: 0 }}>
        {title}
        {assessable && (
          <Text span c="dimmed" fz="xs">
            {' '}
            · {T.assessable.toLowerCase()}
          </Text>
        )}
      </Text>
    </Group>
  );
}

function CrosswalkLinks({ orgId, links }: { orgId: string; links: ItemLink[] }) {
  const groups = new Map<string, { name: string; links: ItemLink[] }>();
  for (const l of links) {
    const g = groups.get(l.frameworkId) ?? { name: l.frameworkName, links: [] };
    g.links.push(l);
    groups.set(l.frameworkId, g);
  }
  return (
    <PaneSection title={T.crosswalk} hint={links.length ? T.crosswalkHint : undefined}>
      {links.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {T.crosswalkEmpty}
        </Text>
      ) : (
        <Stack gap="lg">
          {[...groups.entries()].map(([frameworkId, g]) => (
            <Stack key={frameworkId} gap="xs" data-testid="crosswalk-group" data-framework={frameworkId}>
              <Group gap="xs">
                <Title order={4} fz="sm">
                  {g.name}
                </Title>
                <Badge size="sm" variant="default" circle={g.links.length < 10}>
                  {g.links.length}
                </Badge>
              </Group>
              <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                {g.links.map((l) => (
                  <li key={`${l.crosswalkId}:${l.ref}`}>
                    <Group gap="sm" wrap="nowrap" align="flex-start" justify="space-between">
                      <Group gap="sm" wrap="nowrap" align="baseline" style={{ minWidth: 0 }}>
                        <RefChip orgId={orgId} frameworkId={l.frameworkId} refId={l.ref} />
                        <Text fz="sm" fw={500}>
                          {l.title}
                        </Text>
                      </Group>
                      <Badge
                        variant="light"
                        color={RELATIONSHIP_COLORS[l.relationship]}
                        tt="none"
                        style={{ flexShrink: 0 }}
                      >
                        {RELATIONSHIP_LABELS[l.relationship]}
                      </Badge>
                    </Group>
                    <Text fz="sm" c="dimmed" mt={2}>
                      {l.rationale}
                    </Text>
                  </li>
                ))}
              </Stack>
            </Stack>
          ))}
        </Stack>
      )}
    </PaneSection>
  );
}

function ItemHeader({ orgId, framework, d }: { orgId: string; framework: FrameworkDetail; d: CatalogItemDetail }) {
  const headingId = useId();
  return (
    <Stack gap="xs">
      <Breadcrumbs separatorMargin={6} fz="sm" aria-label={T.breadcrumb}>
        <Anchor
          component={Link}
          to={catalogHref(orgId, framework.id)}
          fz="sm"
          className={classes.crumb}
          title={framework.name}
        >
          {framework.name}
        </Anchor>
        {d.ancestors.map((a) => (
          <Anchor
            key={a.ref}
            component={Link}
            to={catalogHref(orgId, framework.id, a.ref)}
            fz="sm"
            className={classes.crumb}
            title={`${a.ref} ${a.title}`}
          >
            <span className={classes.mono}>{a.ref}</span> {a.title}
          </Anchor>
        ))}
      </Breadcrumbs>
      <Title order={2} fz={22} id={headingId} style={{ overflowWrap: 'anywhere' }}>
        <span className={classes.mono}>{d.ref}</span> {d.title}
      </Title>
      <Group gap={6}>
        <Badge variant="light" tt="none">
          {kindLabel(d.kind)}
        </Badge>
        {d.assessable && (
          <Badge variant="light" color="teal" tt="none" title={T.assessableHint}>
            {T.assessable}
          </Badge>
        )}
        {d.documentation !== 'none' && (
          <Badge
            variant="light"
            color="grape"
            tt="none"
            title={DOCUMENTATION_HELP[d.documentation]}
            leftSection={<IconFileDescription size={12} aria-hidden />}
          >
            {T.documentation}: {DOCUMENTATION_LABELS[d.documentation]}
          </Badge>
        )}
        {d.pdca && (
          <Badge variant="outline" color="gray" tt="none">
            {T.pdca(PDCA_LABELS[d.pdca])}
          </Badge>
        )}
        {d.pillars.map((p) => (
          <Badge key={p} variant="dot" color="indigo" tt="none" fw={500}>
            {PILLAR_LABELS[p]}
          </Badge>
        ))}
      </Group>
      {d.summary && (
        <Text className={classes.prose} mt={4}>
          {d.summary}
        </Text>
      )}
      {d.documentation !== 'none' && d.documentationNote && (
        <div className={classes.note}>
          <IconFileDescription size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Text fz="sm">
            <Text span fw={600} fz="sm">
              {T.documentationToKeep}
            </Text>{' '}
            {d.documentationNote}
          </Text>
        </div>
      )}
    </Stack>
  );
}

/** The right pane for one item: what it asks, what an auditor checks, and where it connects. */
export function CatalogItemView({
  orgId,
  framework,
  refId,
}: {
  orgId: string;
  framework: FrameworkDetail;
  refId: string;
}) {
  const item = useCatalogItem(orgId, framework.id, refId);
  if (item.isPending) return <Loading />;
  if (item.isError) {
    if (isApiError(item.error) && item.error.status === 404)
      return (
        <Alert color="orange" variant="light" title={T.notFoundTitle} icon={<IconSearch size={18} />} role="alert">
          {T.notFound(refId, framework.name)}
        </Alert>
      );
    return <ErrorAlert error={item.error} onRetry={() => void item.refetch()} />;
  }
  const d = item.data;
  const g = d.guidance;
  return (
    <Stack gap="lg" component="article" aria-label={`${d.ref} ${d.title}`}>
      <ItemHeader orgId={orgId} framework={framework} d={d} />
      {g ? (
        <PaneSection title={T.guidance}>
          <Stack gap="md">
            <div>
              <Title order={4} fz="sm" mb={4}>
                {T.asks}
              </Title>
              <Text fz="sm" className={classes.prose}>
                {g.asks}
              </Text>
            </div>
            <div>
              <Title order={4} fz="sm" mb={4}>
                {T.auditor}
              </Title>
              <Text fz="sm" className={classes.prose}>
                {g.auditorLooksFor}
              </Text>
            </div>
            {g.evidence.length > 0 && (
              <div>
                <Title order={4} fz="sm" mb={4}>
                  {T.evidence}
                </Title>
                <List fz="sm" spacing={4} withPadding>
                  {g.evidence.map((e) => (
                    <List.Item key={e}>{e}</List.Item>
                  ))}
                </List>
              </div>
            )}
          </Stack>
        </PaneSection>
      ) : (
        d.children.length === 0 && (
          <Text fz="sm" c="dimmed">
            {T.noGuidanceLeaf}
          </Text>
        )
      )}
      {d.children.length > 0 && (
        <PaneSection title={T.children} hint={g ? undefined : T.noGuidance}>
          <Stack gap={8} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {d.children.map((c) => (
              <RefRow
                key={c.ref}
                orgId={orgId}
                frameworkId={framework.id}
                refId={c.ref}
                title={c.title}
                assessable={c.assessable}
              />
            ))}
          </Stack>
        </PaneSection>
      )}
      {d.documents.length > 0 && (
        <PaneSection title={T.documents} hint={T.documentsHint}>
          <Stack gap="md" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {d.documents.map((doc) => (
              <li key={doc.id}>
                <Group gap="xs" wrap="nowrap" align="baseline">
                  <Text fz="sm" fw={600}>
                    {doc.title}
                  </Text>
                  <DocumentWording wording={doc.wording} />
                </Group>
                <Text fz="sm" c="dimmed" mt={2}>
                  {doc.description}
                </Text>
              </li>
            ))}
          </Stack>
        </PaneSection>
      )}
      {d.related.length > 0 && (
        <PaneSection title={T.related}>
          <Stack gap={8} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {d.related.map((r) => (
              <RefRow key={r.ref} orgId={orgId} frameworkId={framework.id} refId={r.ref} title={r.title} />
            ))}
          </Stack>
        </PaneSection>
      )}
      <CrosswalkLinks orgId={orgId} links={d.links} />
    </Stack>
  );
}
