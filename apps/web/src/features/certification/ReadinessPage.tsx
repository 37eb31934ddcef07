import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, List, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { DownloadMenu } from '../../ui/DownloadMenu';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import { NoChangeButton } from './NoChangeButton';
import { readinessDownloads, useReadiness, type ReadinessFinding } from './api';
import { CERTIFICATION_TEXT as T } from './text';

const GRADE_COLOR = { blocking: 'red', concern: 'orange', note: 'blue' } as const;
const VERDICT_COLOR = { ready: 'teal', ready_with_concerns: 'yellow', not_ready: 'red' } as const;

function Finding({ f, orgId }: { f: ReadinessFinding; orgId: string }) {
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={`${f.ref} ${f.title}`}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Badge color={GRADE_COLOR[f.grade]} variant={f.status === 'failed' ? 'filled' : 'light'}>
            {T.grade[f.grade]}
          </Badge>
          <Badge variant="outline" color="gray">
            {T.status[f.status]}
          </Badge>
          <Text fz="sm" c="dimmed">
            {f.ref} · {f.checklist}
          </Text>
        </Group>
        <Text fw={600}>{f.title}</Text>
        <List spacing={4} size="sm">
          {f.reasons.map((r) => (
            <List.Item key={r.message}>
              {r.message} —{' '}
              <Anchor component={Link} to={`/orgs/${orgId}${r.href}`}>
                {T.fix}
              </Anchor>
            </List.Item>
          ))}
        </List>
        {f.id === 'reassessed-after-change' && f.status === 'lacks_data' && f.reasons[0] && (
          <NoChangeButton orgId={orgId} href={f.reasons[0].href} />
        )}
      </Stack>
    </Paper>
  );
}

/** Step 6: the readiness check, as a stage-1 or stage-2 auditor would read the organization. */
export function ReadinessPage() {
  const { orgId } = useOrg();
  const [stage, setStage] = useState<1 | 2>(1);
  const check = useReadiness(orgId, stage);
  const open = check.data?.findings.filter((f) => f.status !== 'passed') ?? [];
  const passed = check.data?.findings.filter((f) => f.status === 'passed') ?? [];

  return (
    <>
      <PageHeader
        title={T.readinessTitle}
        description={T.readinessDescription}
        actions={
          <>
            <SegmentedControl
              aria-label="Audit stage"
              value={String(stage)}
              onChange={(v) => setStage(v === '2' ? 2 : 1)}
              data={[
                { value: '1', label: T.stage(1) },
                { value: '2', label: T.stage(2) },
              ]}
            />
            <DownloadMenu label={T.export} items={readinessDownloads(orgId, stage)} />
            <Button component={Link} to={`/orgs/${orgId}/certification/engagements`} variant="default">
              {T.engagementsTitle}
            </Button>
          </>
        }
      />
      {check.isPending ? (
        <Loading />
      ) : check.isError ? (
        <ErrorAlert error={check.error} onRetry={() => void check.refetch()} />
      ) : (
        <Stack gap="md">
          <Alert
            color={VERDICT_COLOR[check.data.verdict]}
            variant="light"
            role="status"
            icon={check.data.verdict === 'ready' ? <IconCircleCheck /> : <IconAlertTriangle />}
            title={`${T.verdict[check.data.verdict]} — ${T.stage(check.data.stage)}`}
          >
            <Stack gap={4}>
              <Text fz="sm">{check.data.summary}</Text>
              <Text fz="xs" c="dimmed">
                {T.counts(check.data.counts)} · {T.checked(check.data.durationMs)}
              </Text>
            </Stack>
          </Alert>
          {open.map((f) => (
            <Finding key={f.id} f={f} orgId={orgId} />
          ))}
          {passed.length > 0 && (
            <Paper withBorder radius="md" p="md">
              <Title order={2} fz="md" mb="xs">
                <Group gap={6}>
                  <IconInfoCircle size={18} />
                  {T.passedTitle(passed.length)}
                </Group>
              </Title>
              <List size="sm" spacing={2}>
                {passed.map((f) => (
                  <List.Item key={f.id}>
                    {f.ref} — {f.title}
                  </List.Item>
                ))}
              </List>
            </Paper>
          )}
        </Stack>
      )}
    </>
  );
}
