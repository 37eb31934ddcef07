import { Badge, Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconRosetteDiscountCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { AcknowledgementNote } from '../../ui/ApprovalDialog';
import { formatDateTime } from '../../ui/format';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { soaVersionHref, useSoaVersions, type Soa } from './api';
import { SOA_TEXT as T } from './text';

/** "Draft v2" or "Approved v1": the version the page shows and whether it is the approved one. */
export function SoaStatusBadge({ soa }: { soa: Pick<Soa, 'status' | 'version'> }) {
  return soa.status === 'approved' ? (
    <Badge
      color="teal"
      variant="light"
      size="lg"
      tt="none"
      data-testid="soa-status"
      style={{ flexShrink: 0 }}
      leftSection={<IconRosetteDiscountCheck size={14} aria-hidden />}
    >
      {T.approvedBadge(soa.version)}
    </Badge>
  ) : (
    <Badge color="gray" variant="light" size="lg" tt="none" data-testid="soa-status" style={{ flexShrink: 0 }}>
      {T.draft(soa.version)}
    </Badge>
  );
}

/** Why the SoA cannot be approved now, or null when it can. */
export function approvalBlocker(soa: Soa): string | null {
  if (soa.status === 'approved') return T.alreadyApproved(soa.version);
  const blocking = soa.warnings.filter((w) => w.blocking).length;
  return blocking ? T.blockedBy(blocking) : null;
}

function Versions({ orgId }: { orgId: string }) {
  const versions = useSoaVersions(orgId);
  return (
    <section aria-labelledby="soa-versions-title">
      <Text fz="sm" fw={600} id="soa-versions-title" component="h3" mt={0} mb={6}>
        {T.versions}
      </Text>
      {versions.isPending ? (
        <Loading />
      ) : versions.isError ? (
        <ErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />
      ) : versions.data.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {T.versionsEmpty}
        </Text>
      ) : (
        <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {versions.data.map((v) => (
            <Group
              key={v.version}
              component="li"
              justify="space-between"
              wrap="nowrap"
              gap="sm"
              data-testid="soa-version"
            >
              <div style={{ minWidth: 0 }}>
                <Text fz="sm" fw={600}>
                  {T.versionLabel(v.version)}
                </Text>
                <Text fz="xs" c="dimmed">
                  {T.versionBy(v.approvedBy.name, formatDateTime(v.approvedAt))} · {T.versionCounts(v.counts)}
                </Text>
                <AcknowledgementNote acknowledgement={v.acknowledgement} testId="soa-version-acknowledgement" />
              </div>
              <Button
                size="compact-sm"
                variant="default"
                component={Link}
                to={soaVersionHref(orgId, v.version)}
                aria-label={T.viewVersion(v.version)}
              >
                {T.view}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
    </section>
  );
}

/** Who approved which version and when, the approve button (off, with its reason), and the versions kept. */
export function SoaApproval({
  orgId,
  soa,
  canApprove,
  pending,
  onApprove,
}: {
  orgId: string;
  soa: Soa;
  canApprove: boolean;
  pending: boolean;
  onApprove: () => void;
}) {
  const blocker = approvalBlocker(soa);
  const a = soa.approved;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="soa-approval-title" h="100%">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} fz="md" id="soa-approval-title">
            {T.approval}
          </Title>
          <SoaStatusBadge soa={soa} />
        </Group>
        {a ? (
          <Group gap={8} wrap="nowrap" align="flex-start">
            <IconRosetteDiscountCheck
              size={20}
              color="var(--mantine-color-teal-7)"
              style={{ flexShrink: 0 }}
              aria-hidden
            />
            <Text fz="sm" data-testid="soa-stamp">
              {soa.status === 'approved'
                ? T.stamp(a.version, a.approvedBy.name, formatDateTime(a.approvedAt))
                : T.draftSince(a.version, a.approvedBy.name, formatDateTime(a.approvedAt))}
            </Text>
          </Group>
        ) : (
          <Text fz="sm" c="dimmed">
            {T.neverApproved}
          </Text>
        )}
        {soa.status === 'approved' ? (
          <Text fz="xs" c="dimmed">
            {blocker}
          </Text>
        ) : canApprove ? (
          <Stack gap={4} align="flex-start">
            <Button
              leftSection={<IconRosetteDiscountCheck size={16} />}
              onClick={onApprove}
              disabled={blocker !== null}
              loading={pending}
              aria-describedby={blocker ? 'soa-approve-blocker' : undefined}
            >
              {T.approve}
            </Button>
            {blocker && (
              <Text fz="xs" c="dimmed" id="soa-approve-blocker">
                {blocker}
              </Text>
            )}
          </Stack>
        ) : (
          <Text fz="xs" c="dimmed">
            {T.whoCanApprove}
          </Text>
        )}
        <Divider />
        <Versions orgId={orgId} />
      </Stack>
    </Paper>
  );
}
