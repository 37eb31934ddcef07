import { useState } from 'react';
import { Anchor, Badge, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import { reviewHref, useReviews } from './api';
import { ReviewForm } from './ReviewForm';
import { REVIEWS_TEXT as T } from './text';

export const statusColor = (s: string) => (s === 'signed_off' ? 'teal' : s === 'held' ? 'blue' : 'gray');

/** The management reviews (9.3), latest meeting first. */
export function ReviewsPage() {
  const { orgId, can } = useOrg();
  const list = useReviews(orgId);
  const [adding, setAdding] = useState(false);
  const canWrite = can('review.write');
  const add = canWrite && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
      {T.add}
    </Button>
  );

  return (
    <>
      <PageHeader title={T.title} description={T.description} actions={add} />
      {canWrite && <ReviewForm orgId={orgId} opened={adding} onClose={() => setAdding(false)} />}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <Stack gap="sm" align="flex-start" maw={640}>
            <Title order={2} fz="lg">
              {T.emptyTitle}
            </Title>
            <Text c="dimmed">{T.emptyBody}</Text>
            {add}
          </Stack>
        </Paper>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped highlightOnHover aria-label={T.title}>
            <Table.Thead>
              <Table.Tr>
                {Object.values(T.columns).map((c) => (
                  <Table.Th key={c}>{c}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.ref}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={reviewHref(orgId, r.id)}>
                      {r.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatDate(r.meetingDate)}</Table.Td>
                  <Table.Td>{r.chair?.name ?? T.none}</Table.Td>
                  <Table.Td>{r.attendeeCount}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={statusColor(r.status)}>
                      {T.status[r.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {r.missingInputs === null ? (
                      T.none
                    ) : (
                      <Badge variant="light" color={r.missingInputs ? 'orange' : 'teal'}>
                        {r.missingInputs}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
