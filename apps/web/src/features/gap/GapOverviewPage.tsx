import { useState } from 'react';
import { Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight, IconListCheck, IconPlus } from '@tabler/icons-react';
import { SCORE_FORMULA } from '@fortytwo/domain';
import { Link } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import {
  currentWorking,
  gapHref,
  gapListHref,
  useAssessments,
  useProgress,
  useScores,
  type GapAssessmentSummary,
} from './api';
import { AssessmentList } from './AssessmentList';
import { GapEmpty } from './GapEmpty';
import { Heatmap } from './Heatmap';
import { NewAssessmentForm } from './NewAssessmentForm';
import { ProgressChart } from './ProgressChart';
import { ReadinessCards } from './ReadinessCards';
import { useGapCatalogue } from './sections';
import { SnapshotButton } from './SnapshotButton';
import { GAP_TEXT as T } from './text';

function CurrentAssessment({
  orgId,
  current,
  canWrite,
}: {
  orgId: string;
  current: GapAssessmentSummary;
  canWrite: boolean;
}) {
  const scores = useScores(orgId, current.id);
  const progress = useProgress(orgId);
  const catalogue = useGapCatalogue(orgId);

  return (
    <Stack gap="lg" component="section" aria-labelledby="gap-current">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <div>
          <Text fz="xs" c="dimmed" tt="uppercase" fw={700} style={{ letterSpacing: 0.5 }}>
            {T.current}
          </Text>
          <Title order={2} fz="lg" id="gap-current">
            {current.name}
          </Title>
          <Text fz="sm" c="dimmed">
            {T.currentHint}
          </Text>
        </div>
        <Group gap="sm">
          {canWrite && <SnapshotButton orgId={orgId} assessment={current} />}
          <Button
            component={Link}
            to={gapListHref(orgId, current.id)}
            variant="default"
            leftSection={<IconListCheck size={16} />}
          >
            {T.openGaps}
          </Button>
          <Button component={Link} to={gapHref(orgId, current.id)} rightSection={<IconArrowRight size={16} />}>
            {T.openQuestionnaire}
          </Button>
        </Group>
      </Group>
      {scores.isPending ? (
        <Loading />
      ) : scores.isError ? (
        <ErrorAlert error={scores.error} onRetry={() => void scores.refetch()} />
      ) : (
        <>
          <ReadinessCards scores={scores.data} />
          <Text fz="xs" c="dimmed" data-testid="score-formula">
            <Text span fw={700} inherit>
              {T.formulaTitle}:{' '}
            </Text>
            {SCORE_FORMULA}
          </Text>
          <Heatmap
            scores={scores.data}
            titles={catalogue.titles}
            hrefOf={(s) => gapHref(orgId, current.id, catalogue.firstRef[s])}
          />
          {progress.isError ? <ErrorAlert error={progress.error} /> : <ProgressChart points={progress.data ?? []} />}
        </>
      )}
    </Stack>
  );
}

/** Step 1: where the organization stands (readiness, heatmap, progress) and every assessment and snapshot. */
export function GapOverviewPage() {
  const { orgId, can } = useOrg();
  const list = useAssessments(orgId);
  const [creating, setCreating] = useState(false);
  const canWrite = can('gap.write');
  const items = list.data ?? [];
  const current = currentWorking(items);

  return (
    <>
      <PageHeader
        crumbs={[{ label: T.crumbsPhase }, { label: T.crumbsStep }]}
        title={`1. ${T.title}`}
        description={T.description}
        actions={
          canWrite &&
          items.length > 0 && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {T.newAssessment}
            </Button>
          )
        }
      />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <GapEmpty orgId={orgId} canWrite={canWrite} />
      ) : (
        <Stack gap="xl">
          {current ? (
            <CurrentAssessment orgId={orgId} current={current} canWrite={canWrite} />
          ) : (
            <Paper withBorder radius="md" p="lg">
              <Text fz="sm">{T.emptyBody}</Text>
            </Paper>
          )}
          <AssessmentList orgId={orgId} items={items} current={current} canWrite={canWrite} />
        </Stack>
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title={T.newTitle}>
        <Stack gap="md">
          <Text fz="sm">{T.newHint}</Text>
          <NewAssessmentForm orgId={orgId} onCancel={() => setCreating(false)} autoFocus />
        </Stack>
      </Modal>
    </>
  );
}
