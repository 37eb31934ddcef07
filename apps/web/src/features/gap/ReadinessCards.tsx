import type { ReactNode } from 'react';
import { Paper, Progress, SimpleGrid, Text } from '@mantine/core';
import type { Scores } from './api';
import { BAND_COLORS, bandOf, formatPercent } from './format';
import { GAP_TEXT as T } from './text';

function Card({
  label,
  value,
  hint,
  testId,
  children,
}: {
  label: string;
  value: string;
  hint: string;
  testId: string;
  children?: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Text fz="xs" c="dimmed" tt="uppercase" fw={700} style={{ letterSpacing: 0.5 }}>
        {label}
      </Text>
      <Text fz={28} fw={700} mt={4} lh={1.2} data-testid={`${testId}-value`}>
        {value}
      </Text>
      {children}
      <Text fz="xs" c="dimmed" mt={4}>
        {hint}
      </Text>
    </Paper>
  );
}

const bar = (n: number | null, label: string) => (
  <Progress
    value={n ?? 0}
    color={BAND_COLORS[bandOf(n)]}
    size="sm"
    radius="xl"
    mt={6}
    aria-label={`${label}: ${formatPercent(n)}`}
  />
);

/** Where the assessment stands: overall, clauses, Annex A, documentation gaps and how much is answered. */
export function ReadinessCards({ scores }: { scores: Scores }) {
  const c = scores.counts;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="md">
      <Card
        label={T.overallShort}
        value={formatPercent(scores.overall)}
        hint={T.applicableOf(c.applicable)}
        testId="readiness-overall"
      >
        {bar(scores.overall, T.overall)}
      </Card>
      <Card
        label={T.clauses}
        value={formatPercent(scores.clauses)}
        hint={T.maturityAvg(scores.maturity.clauses)}
        testId="readiness-clauses"
      >
        {bar(scores.clauses, T.clauses)}
      </Card>
      <Card
        label={T.annexAShort}
        value={formatPercent(scores.annexA)}
        hint={T.maturityAvg(scores.maturity.annexA)}
        testId="readiness-annex"
      >
        {bar(scores.annexA, T.annexA)}
      </Card>
      <Card
        label={T.documentationGaps}
        value={String(scores.documentationGaps)}
        hint={T.documentationGapsHint}
        testId="readiness-docs"
      />
      <Card
        label={T.answered}
        value={T.answeredOf(c.answered, c.total)}
        hint={T.breakdown(c.conformant, c.partiallyConformant, c.nonconformant, c.notApplicable)}
        testId="readiness-answered"
      >
        <Progress
          value={c.total ? (100 * c.answered) / c.total : 0}
          size="sm"
          radius="xl"
          mt={6}
          aria-label={`${T.answered}: ${T.answeredOf(c.answered, c.total)}`}
        />
      </Card>
    </SimpleGrid>
  );
}
