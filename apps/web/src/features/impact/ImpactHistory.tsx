import { Badge, Button, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import type { AuditEvent } from '../../api/types';
import { formatDateTime, formatRelative } from '../../ui/format';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useImpactHistory } from './api';
import { IMPACT_FIELD_LABELS, IMPACT_TEXT as T } from './text';

const rec = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/** The labels of the fields an update changed. */
function changed(e: AuditEvent): string[] {
  if (!e.before || e.action !== 'impact_assessment.updated') return [];
  const [b, a] = [rec(e.before), rec(e.after)];
  return Object.entries(IMPACT_FIELD_LABELS)
    .filter(([k]) => k in a && JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map(([, label]) => label);
}

const COLORS: Record<string, string> = { 'impact_assessment.created': 'teal', 'impact_assessment.signed_off': 'teal', 'impact_assessment.deleted': 'red' };

/** The audit trail of one assessment, newest first: who did what, when, and which fields changed. */
export function ImpactHistory({ orgId, id }: { orgId: string; id: string }) {
  const history = useImpactHistory(orgId, id);
  const events = history.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="impact-history-title">
      <Stack gap="sm">
        <Title order={2} fz="md" id="impact-history-title">
          {T.history}
        </Title>
        {history.isPending ? (
          <Loading />
        ) : history.isError ? (
          <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />
        ) : events.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {T.historyEmpty}
          </Text>
        ) : (
          <Timeline bulletSize={12} lineWidth={2}>
            {events.map((e) => {
              const fields = changed(e);
              return (
                <Timeline.Item
                  key={e.id}
                  data-testid="history-entry"
                  data-action={e.action}
                  title={
                    <Group gap={6}>
                      <Text fz="sm" fw={600}>
                        {e.actor.name}
                      </Text>
                      <Badge size="sm" variant="light" color={COLORS[e.action] ?? 'blue'} tt="none">
                        {T.historyActions[e.action] ?? e.action.replace(/[._]/g, ' ')}
                      </Badge>
                    </Group>
                  }
                >
                  <Text fz="xs" c="dimmed">
                    {formatDateTime(e.at)} · {formatRelative(e.at)}
                  </Text>
                  {fields.length > 0 && <Text fz="sm">{T.historyChanged(fields.join(', '))}</Text>}
                </Timeline.Item>
              );
            })}
          </Timeline>
        )}
        {history.hasNextPage && (
          <Button variant="default" size="xs" onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage} w="fit-content">
            {T.historyMore}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
