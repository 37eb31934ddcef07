import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconLock, IconRosetteDiscountCheck } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { DownloadMenu } from '../../ui/DownloadMenu';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import { soaDownloads, soaHref, useSoaVersion } from './api';
import { useGroupTitles } from './SoaPage';
import { SoaTable } from './SoaTable';
import { SOA_TEXT as T } from './text';

/** One approved version, read-only, exactly as it was frozen. */
export function SoaVersionPage() {
  const { orgId } = useOrg();
  const version = Number(useParams().version);
  const valid = Number.isInteger(version) && version > 0;
  const frozen = useSoaVersion(orgId, valid ? version : 0);
  const titles = useGroupTitles(orgId);
  const crumbs = [{ label: 'Do' }, { label: T.title, to: soaHref(orgId) }, { label: T.versionLabel(version) }];
  if (!valid || frozen.isError)
    return (
      <>
        <PageHeader crumbs={crumbs} title={T.versionTitle(version)} />
        <ErrorAlert error={frozen.error ?? new Error(T.versionNotFound)} title={T.versionNotFound} />
      </>
    );
  if (frozen.isPending) return <Loading />;
  const v = frozen.data;
  return (
    <>
      <PageHeader
        crumbs={crumbs}
        title={T.versionTitle(v.version)}
        badge={
          <Badge
            color="teal"
            variant="light"
            size="lg"
            tt="none"
            data-testid="soa-status"
            style={{ flexShrink: 0 }}
            leftSection={<IconRosetteDiscountCheck size={14} aria-hidden />}
          >
            {T.approvedBadge(v.version)}
          </Badge>
        }
        description={T.stamp(v.version, v.approvedBy.name, formatDateTime(v.approvedAt))}
        actions={<DownloadMenu label={T.export} hint={T.exportVersionHint} items={soaDownloads(orgId, v.version)} />}
      />
      <Stack gap="lg">
        <Alert variant="light" color="gray" icon={<IconLock size={18} />}>
          <Group gap="lg" justify="space-between" wrap="wrap">
            <Stack gap={2}>
              <Text fz="sm">{T.versionReadOnly}</Text>
              <Text fz="sm" fw={600}>
                {v.counts.included} {T.included.toLowerCase()} · {v.counts.excluded} {T.excluded.toLowerCase()} ·{' '}
                {v.counts.undecided} {T.undecided.toLowerCase()}
              </Text>
            </Stack>
            <Button
              variant="default"
              size="sm"
              component={Link}
              to={soaHref(orgId)}
              leftSection={<IconArrowLeft size={16} />}
            >
              {T.backToCurrent}
            </Button>
          </Group>
        </Alert>
        <Paper withBorder radius="md">
          <SoaTable orgId={orgId} items={v.items} groupTitles={titles} />
        </Paper>
      </Stack>
    </>
  );
}
