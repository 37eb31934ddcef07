import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { formatDateTime } from '../../ui/format';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useScopeRevisions } from './api';
import type { Printable } from './print';
import { StatementText } from './StatementText';
import type { ScopeRevision } from './types';
import { SCOPE_TEXT as T } from './text';

/** The approved revisions, newest first (inside the approval card); each opens with its statement as it was signed off. */
export function ScopeRevisions({
  orgId,
  orgName,
  onPrint,
}: {
  orgId: string;
  orgName: string;
  onPrint: (doc: Printable) => void;
}) {
  const revisions = useScopeRevisions(orgId);
  const [open, setOpen] = useState<ScopeRevision | null>(null);
  return (
    <section aria-labelledby="scope-revisions-title">
      <Text fz="sm" fw={600} id="scope-revisions-title" component="h3" mt={0} mb={6}>
        {T.revisions}
      </Text>
      {revisions.isPending ? (
        <Loading />
      ) : revisions.isError ? (
        <ErrorAlert error={revisions.error} onRetry={() => void revisions.refetch()} />
      ) : revisions.data.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {T.revisionsEmpty}
        </Text>
      ) : (
        <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {revisions.data.map((r) => (
            <Group
              key={r.revision}
              component="li"
              justify="space-between"
              wrap="nowrap"
              gap="sm"
              data-testid="scope-revision"
            >
              <div style={{ minWidth: 0 }}>
                <Text fz="sm" fw={600}>
                  {T.revision(r.revision)}
                </Text>
                <Text fz="xs" c="dimmed" truncate>
                  {T.revisionBy(r.approvedByName, formatDateTime(r.approvedAt))}
                </Text>
              </div>
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => setOpen(r)}
                aria-label={T.viewRevision(r.revision)}
              >
                {T.view}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        title={open ? T.revisionTitle(open.revision) : ''}
        size="lg"
      >
        {open && (
          <Stack gap="md">
            <Text fz="sm" c="dimmed">
              {T.stamp(open.revision, open.approvedByName, formatDateTime(open.approvedAt))}
            </Text>
            <StatementText text={open.statement} />
            <Group justify="flex-end">
              <Button
                variant="default"
                leftSection={<IconPrinter size={16} />}
                onClick={() =>
                  onPrint({
                    heading: T.printTitle(orgName),
                    status: T.stamp(open.revision, open.approvedByName, formatDateTime(open.approvedAt)),
                    statement: open.statement,
                  })
                }
              >
                {T.print}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </section>
  );
}
