import { Alert, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { AI_ROLES } from '@fortytwo/domain';
import { FormSection } from '../../ui/FormSection';
import { formatDateTime } from '../../ui/format';
import { CLIMATE_LABELS, subRoleLabel } from './context-values';
import { CONTEXT_TEXT as T, ROLE_TEXT } from './text';
import type { OrgContext } from './types';
import { WideSection } from './WideSection';
import classes from './context.module.css';

const CLIMATE_COLORS = { relevant: 'orange', not_relevant: 'teal', undecided: 'gray' } as const;

/** The context record for roles that read it: the roles determined, the climate decision, the summary. */
export function ContextReadView({ record }: { record: OrgContext }) {
  const other = AI_ROLES.filter((r) => !record.aiRoles.some((d) => d.role === r));
  const climate = record.climateRelevant === null ? 'undecided' : record.climateRelevant ? 'relevant' : 'not_relevant';
  return (
    <Stack gap="lg">
      <Alert color="gray" variant="light" icon={<IconEye size={18} />}>
        {T.readOnly}
      </Alert>
      <WideSection title={T.rolesTitle} hint={T.rolesReadHint}>
        {record.aiRoles.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {T.noRoles}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="md">
            {record.aiRoles.map((d) => (
              <Paper
                key={d.role}
                withBorder
                radius="md"
                p="md"
                className={classes.roleCard}
                data-chosen
                data-role={d.role}
                component="article"
                aria-label={ROLE_TEXT[d.role].title}
              >
                <Stack gap={6}>
                  <Title order={3} fz="sm">
                    {ROLE_TEXT[d.role].title}
                  </Title>
                  <Text fz="xs" c="dimmed">
                    {ROLE_TEXT[d.role].explanation}
                  </Text>
                  {d.subRoles.length > 0 && (
                    <Group gap={4}>
                      {d.subRoles.map((s) => (
                        <Badge key={s} variant="default" tt="none" fw={500}>
                          {subRoleLabel(s)}
                        </Badge>
                      ))}
                    </Group>
                  )}
                  <Text fz="sm" className={classes.prewrap}>
                    {d.reason || T.noReason}
                  </Text>
                </Stack>
              </Paper>
            ))}
          </SimpleGrid>
        )}
        {other.length > 0 && (
          <Text fz="sm">
            <Text span fw={600} fz="sm">
              {T.otherRoles}:
            </Text>{' '}
            {other.map((r) => ROLE_TEXT[r].title).join(', ')}
          </Text>
        )}
      </WideSection>
      <FormSection title={T.climateTitle} hint={T.climateReadHint}>
        <Group gap="xs">
          <Text fz="sm" fw={600}>
            {T.climate}
          </Text>
          <Badge variant="light" color={CLIMATE_COLORS[climate]} tt="none">
            {CLIMATE_LABELS[climate]}
          </Badge>
        </Group>
        {record.climateReason && (
          <Text fz="sm" className={classes.prewrap}>
            {record.climateReason}
          </Text>
        )}
      </FormSection>
      <FormSection title={T.summaryTitle} hint={T.summaryReadHint}>
        <Text fz="sm" c={record.summary ? undefined : 'dimmed'} className={classes.prewrap}>
          {record.summary || T.noSummary}
        </Text>
      </FormSection>
      <Text fz="sm" c="dimmed" ta="right">
        {record.version === 0 || !record.updatedAt
          ? T.neverSaved
          : T.savedAt(record.version, formatDateTime(record.updatedAt))}
      </Text>
    </Stack>
  );
}
