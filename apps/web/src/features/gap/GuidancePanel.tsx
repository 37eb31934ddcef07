import type { ReactNode } from 'react';
import { Anchor, Badge, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink, IconFileDescription } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { CatalogItem } from '../../api/types';
import { catalogHref, DEFAULT_FRAMEWORK } from '../catalog/api';
import type { GapItem } from './api';
import { GAP_TEXT as T } from './text';

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Title order={3} fz="sm">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** What the requirement asks, what an auditor looks for and the usual evidence, beside the answer. */
export function GuidancePanel({
  orgId,
  item,
  guide,
}: {
  orgId: string;
  item: GapItem;
  guide: CatalogItem | undefined;
}) {
  const g = guide?.guidance;
  return (
    <Paper withBorder radius="md" p="md" component="aside" aria-labelledby="gap-guidance" data-testid="guidance">
      <Stack gap="md">
        <div>
          <Title order={2} fz="md" id="gap-guidance">
            {T.guidance}
          </Title>
          <Text fz="xs" c="dimmed">
            {T.guidanceHint}
          </Text>
        </div>
        {item.documentation && (
          <Badge
            variant="light"
            color="violet"
            tt="none"
            leftSection={<IconFileDescription size={14} />}
            style={{ alignSelf: 'flex-start', overflow: 'visible' }}
            title={T.documentedInfoHint}
          >
            {T.documentedInfo}
          </Badge>
        )}
        {g ? (
          <>
            <Part title={T.asks}>
              <Text fz="sm">{g.asks}</Text>
            </Part>
            <Part title={T.auditor}>
              <Text fz="sm">{g.auditorLooksFor}</Text>
            </Part>
            <Part title={T.evidence}>
              <List fz="sm" spacing={4} withPadding>
                {g.evidence.map((e) => (
                  <List.Item key={e}>{e}</List.Item>
                ))}
              </List>
            </Part>
            {guide.documentationNote && (
              <Text fz="xs" c="dimmed">
                {guide.documentationNote}
              </Text>
            )}
          </>
        ) : (
          <Text fz="sm" c="dimmed">
            {guide ? T.guidanceMissing : '…'}
          </Text>
        )}
        <Anchor component={Link} to={catalogHref(orgId, DEFAULT_FRAMEWORK, item.ref)} fz="sm">
          <IconExternalLink size={14} style={{ verticalAlign: -2, marginRight: 4 }} aria-hidden />
          {T.openInCatalogue} ({item.ref})
        </Anchor>
      </Stack>
    </Paper>
  );
}
