import type { FormEvent } from 'react';
import { Alert, Button, Group, Stack, TagsInput, Text } from '@mantine/core';
import { IconDeviceFloppy, IconInfoCircle } from '@tabler/icons-react';
import type { AiSystem } from '../../api/types';
import { AiSystemPicker } from './AiSystemPicker';
import { BuilderSection } from './BuilderSection';
import { ExclusionsEditor } from './ExclusionsEditor';
import type { ListField, ScopeFormValues } from './scope-values';
import type { PathForm } from './use-path-form';
import { SCOPE_FIELD_LABELS as L, SCOPE_FIELD_PLACEHOLDERS as P, SCOPE_TEXT as T } from './text';
import classes from './scope.module.css';

/**
 * The scope builder's form (4.3): where, which AI systems, which activities and interfaces, what is
 * excluded, and the save bar. The page (ScopePage.tsx) validates, saves and settles conflicts.
 */
export function ScopeBuilderForm({
  orgId,
  form,
  systems,
  total,
  dropped,
  canWrite,
  dirty,
  conflicted,
  saving,
  onSubmit,
  onDiscard,
}: {
  orgId: string;
  form: PathForm<ScopeFormValues>;
  systems: AiSystem[];
  /** The size of the whole inventory: more than `systems` when the list was cut short. */
  total: number;
  /** How many AI systems of the saved scope no longer exist. */
  dropped: number;
  canWrite: boolean;
  dirty: boolean;
  /** Someone else's save waits to be settled: nothing is saved until it is. */
  conflicted: boolean;
  saving: boolean;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  onDiscard: () => void;
}) {
  const readOnly = !canWrite;
  const list = (field: ListField) => (
    <TagsInput
      label={L[field]}
      description={T.listHint}
      {...form.field(field)}
      placeholder={form.values[field].length ? undefined : P[field]}
      disabled={readOnly}
      clearable={!readOnly}
      acceptValueOnBlur
      splitChars={[';']}
      maxLength={350}
    />
  );

  return (
    <form noValidate aria-label="Scope builder" className={classes.builder} onSubmit={onSubmit}>
      <Stack gap="lg">
        {readOnly && (
          <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />}>
            {T.readOnly}
          </Alert>
        )}
        {form.formError && (
          <Alert color="red" variant="light" role="alert">
            {form.formError}
          </Alert>
        )}
        <BuilderSection title={T.sectionWhere} hint={T.sectionWhereHint}>
          {list('units')}
          {list('sites')}
        </BuilderSection>
        <BuilderSection title={T.sectionSystems} hint={T.sectionSystemsHint}>
          <AiSystemPicker
            orgId={orgId}
            systems={systems}
            form={form}
            readOnly={readOnly}
            truncatedAt={total > systems.length ? systems.length : null}
          />
          {dropped > 0 && (
            <Text fz="xs" c="dimmed">
              {T.systemsDropped(dropped)}
            </Text>
          )}
        </BuilderSection>
        <BuilderSection title={T.sectionActivities} hint={T.sectionActivitiesHint}>
          {list('processes')}
          {list('productsServices')}
        </BuilderSection>
        <BuilderSection title={T.sectionInterfaces} hint={T.sectionInterfacesHint}>
          {list('interfaces')}
        </BuilderSection>
        <BuilderSection title={T.sectionExclusions} hint={T.sectionExclusionsHint}>
          <ExclusionsEditor form={form} readOnly={readOnly} />
        </BuilderSection>
        {canWrite && (
          <div className={classes.saveBar} data-dirty={dirty || undefined}>
            <Text fz="sm" c={dirty ? undefined : 'dimmed'} fw={dirty ? 600 : undefined} aria-live="polite">
              {dirty ? T.unsavedBar : T.nothingToSave}
            </Text>
            <Group gap="sm" wrap="nowrap">
              {dirty && (
                <Button variant="default" onClick={onDiscard}>
                  {T.discard}
                </Button>
              )}
              <Button
                type="submit"
                leftSection={<IconDeviceFloppy size={16} />}
                loading={saving}
                disabled={!dirty || conflicted}
              >
                {T.save}
              </Button>
            </Group>
          </div>
        )}
      </Stack>
    </form>
  );
}
