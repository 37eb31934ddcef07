import { useCallback, useEffect, useMemo, useRef } from 'react';
import { Button, Group, Kbd, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconPlayerTrackNext } from '@tabler/icons-react';
import { computeScores } from '@fortytwo/domain';
import { Navigate, useLocation, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../ui/QueryState';
import { useMembers } from '../members/api';
import { useOrg } from '../shell/org-context';
import { gapHref, useAiSystemOptions, type GapItem } from './api';
import { useAssessmentOutlet } from './AssessmentLayout';
import { BAND_COLORS, bandOf, formatPercent } from './format';
import { GuidancePanel } from './GuidancePanel';
import { ItemEditor } from './ItemEditor';
import { SectionNav } from './SectionNav';
import { groupBySection, sectionName, useGapCatalogue } from './sections';
import { GAP_TEXT as T } from './text';
import classes from './gap.module.css';

function ShortcutHint({ canAnswer }: { canAnswer: boolean }) {
  return (
    <Text fz="xs" c="dimmed" data-testid="shortcut-hint">
      <Text span fw={700} inherit>
        {T.shortcuts}:
      </Text>{' '}
      {canAnswer && (
        <>
          <Kbd size="xs">1</Kbd>–<Kbd size="xs">4</Kbd> {T.shortcutResult} ·{' '}
        </>
      )}
      <Kbd size="xs">J</Kbd> / <Kbd size="xs">K</Kbd> {T.shortcutMove}. {T.shortcutHint}
    </Text>
  );
}

/** The questionnaire: clause by clause, then Annex A group by group, one requirement at a time. */
export function QuestionnairePage() {
  const { orgId } = useOrg();
  const { ref } = useParams();
  const { assessment, saver, readOnly, setLastRef } = useAssessmentOutlet();
  const navigate = useNavigate();
  const location = useLocation();
  const catalogue = useGapCatalogue(orgId);
  const members = useMembers(orgId);
  const systems = useAiSystemOptions(orgId);
  const items = assessment.items;
  const sections = useMemo(() => groupBySection(items, catalogue.titles), [items, catalogue.titles]);
  const ordered = useMemo(() => sections.flatMap((s) => s.items), [sections]);
  // Computed here from the answers on the page, so the number moves with every answer.
  const scores = useMemo(() => computeScores(items), [items]);
  const index = ordered.findIndex((i) => i.ref === ref);
  const side = useRef<HTMLDivElement>(null);
  const sideBox = useCallback(() => side.current, []);

  useEffect(() => {
    if (ref && index >= 0) setLastRef(ref);
  }, [ref, index, setLastRef]);

  if (!ref) {
    const start = ordered.find((i) => i.result === null) ?? ordered[0];
    return start ? <Navigate replace to={gapHref(orgId, assessment.id, start.ref)} /> : null;
  }
  const item = ordered[index];
  if (!item) return <ErrorAlert error={new Error(T.itemNotFound(ref))} title={T.notFound} />;

  const go = (target: GapItem | undefined) => {
    if (target) void navigate(gapHref(orgId, assessment.id, target.ref), { replace: true, state: { focusItem: true } });
  };
  const previous = ordered[index - 1];
  const next = ordered[index + 1];
  const nextUnanswered = [...ordered.slice(index + 1), ...ordered.slice(0, index)].find((i) => i.result === null);
  const section = sections.find((s) => s.section === item.section);
  const c = scores.counts;

  return (
    <div className={classes.walk}>
      <div className={classes.columns}>
        <Stack gap="sm" className={classes.side} ref={side}>
          <Paper withBorder radius="md" p="sm" data-testid="live-readiness">
            <Group justify="space-between" gap={4}>
              <Text fz="xs" fw={700} c="dimmed" tt="uppercase">
                {T.liveReadiness}
              </Text>
              <Text fz="sm" fw={700} data-testid="live-readiness-value">
                {formatPercent(scores.overall)}
              </Text>
            </Group>
            <Progress
              value={scores.overall ?? 0}
              color={BAND_COLORS[bandOf(scores.overall)]}
              size="sm"
              radius="xl"
              mt={6}
              aria-label={`${T.liveReadiness}: ${formatPercent(scores.overall)}`}
            />
            <Text fz="xs" c="dimmed" mt={4}>
              {T.answered} {T.answeredOf(c.answered, c.total)}
            </Text>
          </Paper>
          <SectionNav
            orgId={orgId}
            assessmentId={assessment.id}
            sections={sections}
            currentRef={item.ref}
            scroller={sideBox}
          />
        </Stack>
        <Stack gap="md" style={{ minWidth: 0 }}>
          <ItemEditor
            key={item.ref}
            orgId={orgId}
            assessmentId={assessment.id}
            item={item}
            position={{
              n: index + 1,
              total: ordered.length,
              section: `${sectionName(item.section)} · ${section?.title ?? ''}`,
            }}
            saver={saver}
            readOnly={readOnly !== null}
            members={members.data ?? []}
            people={assessment.people}
            systems={systems.data ?? []}
            focusOnArrival={(location.state as { focusItem?: boolean } | null)?.focusItem === true}
            onNext={() => go(next)}
            onPrevious={() => go(previous)}
          />
          <Group justify="space-between" gap="xs">
            <Button
              variant="default"
              leftSection={<IconArrowLeft size={16} />}
              disabled={!previous}
              onClick={() => go(previous)}
            >
              {T.previous}
              {previous && (
                <Text span c="dimmed" fz="xs" ml={6} className={classes.mono}>
                  {previous.ref}
                </Text>
              )}
            </Button>
            {!readOnly && (
              <Button
                variant="subtle"
                leftSection={<IconPlayerTrackNext size={16} />}
                disabled={!nextUnanswered}
                onClick={() => go(nextUnanswered)}
                title={nextUnanswered ? undefined : T.allAnswered}
              >
                {T.nextUnanswered}
              </Button>
            )}
            <Button
              variant="default"
              rightSection={<IconArrowRight size={16} />}
              disabled={!next}
              onClick={() => go(next)}
            >
              {next && (
                <Text span c="dimmed" fz="xs" mr={6} className={classes.mono}>
                  {next.ref}
                </Text>
              )}
              {T.next}
            </Button>
          </Group>
          <ShortcutHint canAnswer={readOnly === null} />
        </Stack>
        <div className={classes.guidance}>
          <GuidancePanel orgId={orgId} item={item} guide={catalogue.byRef.get(item.ref)} />
        </div>
      </div>
    </div>
  );
}
