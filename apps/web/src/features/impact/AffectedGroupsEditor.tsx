import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { INDIVIDUAL_EFFECT_AREAS, INDIVIDUAL_EFFECT_LABELS, type IndividualEffectArea } from '@fortytwo/domain';
import type { ZodForm } from '../../ui/use-zod-form';
import { emptyGroup, type GroupValues, type ImpactFormValues } from './impact-values';
import { IMPACT_TEXT as T } from './text';
import classes from './impact.module.css';

type Key = keyof ImpactFormValues;

/** The individuals and groups an AI system affects: a name, whether vulnerable, and the effects per area (A.5.4). */
export function AffectedGroupsEditor({ form }: { form: ZodForm<ImpactFormValues> }) {
  const groups = form.values.affectedGroups;
  const set = (next: GroupValues[]) => form.setValue('affectedGroups', next);
  const change = (n: number, patch: Partial<GroupValues>) =>
    set(groups.map((g, i) => (i === n ? { ...g, ...patch } : g)));
  const nested = (n: number, field: string) => `affectedGroups.${n}.${field}` as Key;

  return (
    <Stack gap="md">
      {groups.length === 0 && (
        <Text fz="sm" c="dimmed">
          {T.noGroups}
        </Text>
      )}
      {form.errorFor('affectedGroups') && (
        <Text fz="sm" c="red.8" role="alert">
          {form.errorFor('affectedGroups')}
        </Text>
      )}
      {groups.map((g, n) => (
        <Fieldset
          key={g.key}
          legend={T.groupLegend(n + 1)}
          radius="md"
          className={classes.group}
          data-testid="affected-group"
        >
          <Stack gap="sm">
            <Group align="flex-end" gap="md" wrap="nowrap">
              <TextInput
                label={T.groupName}
                placeholder={T.groupNamePlaceholder}
                required
                value={g.group}
                onChange={(e) => change(n, { group: e.currentTarget.value })}
                onBlur={() => form.touch(nested(n, 'group'))}
                error={form.errorFor(nested(n, 'group'))}
                maxLength={200}
                style={{ flex: 1 }}
              />
              <Checkbox
                label={T.vulnerable}
                description={T.vulnerableHint}
                checked={g.vulnerable}
                onChange={(e) => change(n, { vulnerable: e.currentTarget.checked })}
                mb={4}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                onClick={() => set(groups.filter((_, i) => i !== n))}
                aria-label={T.removeGroup(n + 1)}
                mb={4}
              >
                <IconTrash size={18} />
              </ActionIcon>
            </Group>
            <Text fz="sm" fw={600}>
              {T.effectsOn}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
              {INDIVIDUAL_EFFECT_AREAS.map((area: IndividualEffectArea) => (
                <Textarea
                  key={area}
                  label={INDIVIDUAL_EFFECT_LABELS[area]}
                  value={g.effects[area]}
                  onChange={(e) => change(n, { effects: { ...g.effects, [area]: e.currentTarget.value } })}
                  autosize
                  minRows={1}
                  maxRows={6}
                  maxLength={3000}
                />
              ))}
            </SimpleGrid>
          </Stack>
        </Fieldset>
      ))}
      <Button
        variant="default"
        leftSection={<IconPlus size={16} />}
        onClick={() => set([...groups, emptyGroup()])}
        style={{ alignSelf: 'flex-start' }}
      >
        {T.addGroup}
      </Button>
    </Stack>
  );
}
