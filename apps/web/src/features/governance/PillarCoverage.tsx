import { useState } from 'react';
import { Anchor, Badge, Button, Group, RingProgress, Stack, Text, Tooltip } from '@mantine/core';
import { CUSTOM_FRAMEWORK_ID } from '@fortytwo/catalog/browser';
import { GAP_RESULT_LABELS, type GapResult } from '@fortytwo/domain';
import { Link } from 'react-router';
import { catalogHref, DEFAULT_FRAMEWORK } from '../catalog/api';
import type { CoverageItem, GovernancePillar } from './types';
import { GOVERNANCE_TEXT as T } from './text';
import classes from './governance.module.css';

const RESULT_COLORS: Record<GapResult, string> = {
  conformant: 'teal',
  partially_conformant: 'yellow',
  nonconformant: 'red',
  not_applicable: 'gray',
};
const readinessColor = (r: number) => (r >= 80 ? 'teal' : r >= 50 ? 'yellow' : 'red');
/** About two rows of chips in a card; the rest on demand. */
const FIRST_CHIPS = 14;

function ItemChip({ orgId, item }: { orgId: string; item: CoverageItem }) {
  const result = item.source === 'custom' ? T.custom : item.result ? GAP_RESULT_LABELS[item.result] : T.unanswered;
  return (
    <Tooltip label={`${item.title} · ${result}`} withArrow openDelay={300} multiline maw={280}>
      <Badge
        component={Link}
        to={catalogHref(orgId, item.source === 'custom' ? CUSTOM_FRAMEWORK_ID : DEFAULT_FRAMEWORK, item.ref)}
        variant={item.result ? 'light' : 'default'}
        color={item.result ? RESULT_COLORS[item.result] : undefined}
        radius="sm"
        tt="none"
        fw={600}
        className={classes.chip}
        data-result={item.result ?? (item.source === 'custom' ? 'custom' : 'unanswered')}
        aria-label={`${item.ref} ${item.title}: ${result}`}
      >
        {item.ref}
      </Badge>
    </Tooltip>
  );
}

/** The readiness ring and the clauses and controls a pillar covers, each with its latest result. */
export function PillarCoverage({ orgId, pillar }: { orgId: string; pillar: GovernancePillar }) {
  const { coverage } = pillar;
  const [all, setAll] = useState(false);
  const chips = all ? coverage.items : coverage.items.slice(0, FIRST_CHIPS);
  const iso = coverage.items.filter((i) => i.source === 'iso42001').length;
  const readiness = coverage.readiness;
  return (
    <Stack gap="sm">
      <Group gap="md" wrap="nowrap" align="center">
        <RingProgress
          size={76}
          thickness={8}
          roundCaps
          sections={readiness === null ? [] : [{ value: readiness, color: readinessColor(readiness) }]}
          rootColor="var(--mantine-color-default-border)"
          role="img"
          aria-label={T.readinessLabel(pillar.label, readiness)}
          label={
            <Text ta="center" fz="sm" fw={700} aria-hidden>
              {readiness === null ? '—' : `${Math.round(readiness)}%`}
            </Text>
          }
        />
        <Stack gap={2} style={{ minWidth: 0 }}>
          {coverage.assessmentId === null ? (
            <>
              <Text fz="sm" fw={600}>
                {T.noAssessment}
              </Text>
              <Text fz="xs" c="dimmed">
                {T.noAssessmentHint}{' '}
                <Anchor component={Link} to={`/orgs/${orgId}/gap-analysis`} fz="xs" underline="always">
                  {T.startGap}
                </Anchor>
              </Text>
            </>
          ) : (
            <>
              <Text fz="sm" fw={600}>
                {T.answered(coverage.answered, iso)}
              </Text>
              <Text fz="xs" c="dimmed">
                {T.readinessHint}
              </Text>
            </>
          )}
        </Stack>
      </Group>
      <div>
        <Text fz="xs" fw={700} c="dimmed" tt="uppercase" mb={6} style={{ letterSpacing: 0.4 }}>
          {T.covered(coverage.items.length)}
        </Text>
        {coverage.items.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {T.coveredNone}
          </Text>
        ) : (
          <Group gap={4}>
            {chips.map((i) => (
              <ItemChip key={`${i.source}:${i.ref}`} orgId={orgId} item={i} />
            ))}
            {coverage.items.length > FIRST_CHIPS && (
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => setAll((x) => !x)}
                aria-expanded={all}
                aria-label={T.chipsToggle(
                  all ? T.showLess : T.showMore(coverage.items.length - FIRST_CHIPS),
                  pillar.label,
                )}
              >
                {all ? T.showLess : T.showMore(coverage.items.length - FIRST_CHIPS)}
              </Button>
            )}
          </Group>
        )}
      </div>
    </Stack>
  );
}
