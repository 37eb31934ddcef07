import { Button, EmptyState, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPencil, IconStack2 } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { aiSystemProfileEditHref, useAiSystemProfile } from './api';
import { ProfileGaps } from './ProfileGaps';
import { PROFILE_TEXT as T } from './profile-text';
import { profileOfRecord } from './profile-values';
import { ProfileView } from './ProfileView';

/** Before the first save: why this record matters, and the way in. */
function ProfileEmpty({ editHref, canWrite }: { editHref: string; canWrite: boolean }) {
  return (
    <Paper withBorder radius="md" p="xl" data-testid="profile-empty">
      <EmptyState
        size="sm"
        align="left"
        variant="light"
        icon={<IconStack2 size={28} />}
        title={T.emptyTitle}
        description={
          <Stack gap="sm" maw={760}>
            <Text fz="sm">{T.emptyBody}</Text>
            <Text fz="sm">{T.emptyWhy}</Text>
            {!canWrite && (
              <Text fz="sm" fw={500}>
                {T.emptyReadOnly}
              </Text>
            )}
          </Stack>
        }
      >
        {canWrite && (
          <EmptyState.Actions>
            <Button component={Link} to={editHref} leftSection={<IconPencil size={16} />}>
              {T.describe}
            </Button>
          </EmptyState.Actions>
        )}
      </EmptyState>
    </Paper>
  );
}

/** The "Resources & use" tab of an AI system: what is missing first, then the record itself. */
export function ProfileTab({ orgId, aiSystemId, canWrite }: { orgId: string; aiSystemId: string; canWrite: boolean }) {
  const profile = useAiSystemProfile(orgId, aiSystemId);
  if (profile.isPending) return <Loading />;
  if (profile.isError) return <ErrorAlert error={profile.error} onRetry={() => void profile.refetch()} />;
  const p = profile.data;
  const editHref = aiSystemProfileEditHref(orgId, aiSystemId);
  const saved = p.updatedAt !== null;
  return (
    <Stack gap="lg">
      {saved && (
        <Group justify="space-between" gap="sm">
          <Text fz="sm" c="dimmed">
            {T.lastUpdated(formatDateTime(p.updatedAt))}
          </Text>
          {canWrite && (
            <Button component={Link} to={editHref} variant="light" leftSection={<IconPencil size={16} />}>
              {T.edit}
            </Button>
          )}
        </Group>
      )}
      <ProfileGaps orgId={orgId} gaps={p.gaps} />
      {saved ? (
        <ProfileView orgId={orgId} profile={profileOfRecord(p)} />
      ) : (
        <ProfileEmpty editHref={editHref} canWrite={canWrite} />
      )}
    </Stack>
  );
}
