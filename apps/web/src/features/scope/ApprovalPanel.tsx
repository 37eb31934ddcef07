import type { ReactNode } from 'react';
import { Badge, Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconRosetteDiscountCheck } from '@tabler/icons-react';
import { formatDateTime, formatRelative } from '../../ui/format';
import type { Scope } from './types';
import { SCOPE_TEXT as T } from './text';

export type Blocker = { kind: 'unsaved' | 'empty' | 'warnings' | 'approved'; message: string };

/** Why the draft cannot be approved now, or null when it can. */
export function approvalBlocker(base: Scope, dirty: boolean, warnings: number): Blocker | null {
  if (dirty) return { kind: 'unsaved', message: T.blockedUnsaved };
  if (base.version === 0) return { kind: 'empty', message: T.blockedEmpty };
  if (warnings > 0) return { kind: 'warnings', message: T.blockedWarnings(warnings) };
  if (base.status === 'approved' && base.approved)
    return { kind: 'approved', message: T.blockedApproved(base.approved.revision) };
  return null;
}

export function StatusBadge({ scope }: { scope: Scope }) {
  return scope.status === 'approved' && scope.approved ? (
    <Badge color="teal" variant="light" size="lg" tt="none" data-testid="scope-status">
      {T.statusApproved(scope.approved.revision)}
    </Badge>
  ) : (
    <Badge color="gray" variant="light" size="lg" tt="none" data-testid="scope-status">
      {T.statusDraft}
    </Badge>
  );
}

/** Who approved what and when, the revisions, and the approve button for owners and approvers, off with its reason. */
export function ApprovalPanel({
  base,
  blocker,
  canApprove,
  pending,
  onApprove,
  children,
}: {
  base: Scope;
  blocker: Blocker | null;
  canApprove: boolean;
  pending: boolean;
  onApprove: () => void;
  children: ReactNode;
}) {
  const next = (base.approved?.revision ?? 0) + 1;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="scope-approval-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} fz="md" id="scope-approval-title">
            {T.approval}
          </Title>
          <StatusBadge scope={base} />
        </Group>
        {base.approved ? (
          <Group gap={8} wrap="nowrap" align="flex-start">
            <IconRosetteDiscountCheck
              size={20}
              color="var(--mantine-color-teal-7)"
              style={{ flexShrink: 0 }}
              aria-hidden
            />
            <Text fz="sm">
              {base.status === 'approved'
                ? T.stamp(
                    base.approved.revision,
                    base.approved.approvedByName,
                    formatDateTime(base.approved.approvedAt),
                  )
                : T.draftSince(base.approved.revision, formatRelative(base.approved.approvedAt))}
            </Text>
          </Group>
        ) : (
          <Text fz="sm" c="dimmed">
            {T.neverApproved}
          </Text>
        )}
        {blocker?.kind === 'approved' ? (
          // Nothing new to sign off: no button, just why.
          <Text fz="xs" c="dimmed">
            {blocker.message}
          </Text>
        ) : canApprove ? (
          <Stack gap={4}>
            <Button
              leftSection={<IconRosetteDiscountCheck size={16} />}
              onClick={onApprove}
              disabled={blocker !== null}
              loading={pending}
              aria-describedby={blocker ? 'scope-approve-blocker' : undefined}
            >
              {blocker === null ? T.approveConfirm(next) : T.approve}
            </Button>
            {blocker && (
              <Text fz="xs" c="dimmed" id="scope-approve-blocker">
                {blocker.message}
              </Text>
            )}
          </Stack>
        ) : (
          <Text fz="xs" c="dimmed">
            {T.approveWhoCan}
          </Text>
        )}
        <Divider />
        {children}
      </Stack>
    </Paper>
  );
}
