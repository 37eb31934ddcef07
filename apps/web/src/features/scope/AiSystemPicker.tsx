import { useState } from 'react';
import { Alert, Anchor, Badge, Checkbox, Group, Stack, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { LIVE_STAGES } from '@fortytwo/domain';
import { Link } from 'react-router';
import type { AiSystem } from '../../api/types';
import { STAGE_COLORS, stageShort } from '../inventory/labels';
import type { ScopeFormValues } from './scope-values';
import type { PathForm } from './use-path-form';
import { SCOPE_TEXT as T } from './text';
import classes from './scope.module.css';

export const isLive = (s: Pick<AiSystem, 'lifecycleStage' | 'status'>) =>
  (LIVE_STAGES as readonly string[]).includes(s.lifecycleStage) && s.status !== 'archived';
export const systemRowId = (id: string) => `scope-system-${id}`;
export const reasonInputId = (id: string) => `scope-reason-${id}`;
export const checkboxId = (id: string) => `scope-check-${id}`;

/** Puts an AI system in scope or takes it out; its reason is kept, so unticking by mistake loses nothing. */
export function setInScope(form: PathForm<ScopeFormValues>, id: string, inScope: boolean) {
  form.update(
    (v) => ({
      ...v,
      aiSystemIds: inScope ? [...v.aiSystemIds.filter((x) => x !== id), id] : v.aiSystemIds.filter((x) => x !== id),
    }),
    'aiSystemIds',
  );
}

const FILTER_FROM = 8;

/** The inventory as a checklist: each system with its stage; a live one left out asks for the reason. */
export function AiSystemPicker({
  orgId,
  systems,
  form,
  readOnly,
  truncatedAt,
}: {
  orgId: string;
  systems: AiSystem[];
  form: PathForm<ScopeFormValues>;
  readOnly: boolean;
  truncatedAt: number | null;
}) {
  const [filter, setFilter] = useState('');
  const { values } = form;
  const reasonOf = (id: string) => values.outOfScope.find((o) => o.aiSystemId === id)?.reason ?? '';
  // Archived systems only show while the scope still names them.
  const listed = systems.filter(
    (s) => s.status !== 'archived' || values.aiSystemIds.includes(s.id) || reasonOf(s.id).trim(),
  );
  const q = filter.trim().toLowerCase();
  const shown = q ? listed.filter((s) => `${s.name} ${s.intendedPurpose}`.toLowerCase().includes(q)) : listed;
  const inScope = listed.filter((s) => values.aiSystemIds.includes(s.id)).length;
  const setReason = (id: string, reason: string) =>
    form.update(
      (v) => ({
        ...v,
        outOfScope: v.outOfScope.some((o) => o.aiSystemId === id)
          ? v.outOfScope.map((o) => (o.aiSystemId === id ? { ...o, reason } : o))
          : [...v.outOfScope, { aiSystemId: id, reason }],
      }),
      `reason.${id}`,
    );

  if (systems.length === 0)
    return (
      <Alert variant="light" color="gray">
        <Stack gap={6} align="flex-start">
          <Text fz="sm">{T.systemsEmpty}</Text>
          <Anchor component={Link} to={`/orgs/${orgId}/ai-systems`} fz="sm">
            {T.systemsEmptyCta}
          </Anchor>
        </Stack>
      </Alert>
    );

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Text fz="sm" fw={600} aria-live="polite">
          {T.systemsCount(inScope, listed.length)}
        </Text>
        {listed.length > FILTER_FROM && (
          <TextInput
            size="xs"
            w={220}
            label={T.systemsFilter}
            placeholder={T.systemsFilterPlaceholder}
            leftSection={<IconSearch size={14} />}
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
          />
        )}
      </Group>
      {form.errorFor('aiSystemIds') && (
        <Text fz="sm" c="var(--mantine-color-error)" role="alert">
          {form.errorFor('aiSystemIds')}
        </Text>
      )}
      <div
        className={classes.systemList}
        data-long={listed.length > FILTER_FROM || undefined}
        role="group"
        aria-label={T.sectionSystems}
      >
        {shown.map((s) => {
          const checked = values.aiSystemIds.includes(s.id);
          const live = isLive(s);
          const reason = reasonOf(s.id);
          const askReason = !checked && (live || reason.trim() !== '');
          const warn = live && !checked && !reason.trim();
          return (
            <div
              key={s.id}
              id={systemRowId(s.id)}
              className={classes.systemRow}
              data-warning={warn || undefined}
              data-testid="scope-system"
              data-name={s.name}
            >
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                <Checkbox
                  id={checkboxId(s.id)}
                  label={s.name}
                  description={
                    <Text component="span" fz="xs" c="dimmed" lineClamp={2}>
                      {s.intendedPurpose}
                    </Text>
                  }
                  checked={checked}
                  disabled={readOnly}
                  onChange={(e) => setInScope(form, s.id, e.currentTarget.checked)}
                  classNames={{ label: classes.systemName }}
                  style={{ minWidth: 0 }}
                />
                <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
                  {live && (
                    <Tooltip label={T.liveHint} withArrow>
                      <Badge size="sm" variant="light" color="teal" tt="none">
                        {T.live}
                      </Badge>
                    </Tooltip>
                  )}
                  {s.status === 'archived' && (
                    <Badge size="sm" variant="outline" color="gray" tt="none">
                      {T.archived}
                    </Badge>
                  )}
                  <Badge size="sm" variant="dot" color={STAGE_COLORS[s.lifecycleStage]} tt="none">
                    {stageShort(s.lifecycleStage)}
                  </Badge>
                </Group>
              </Group>
              {askReason && (
                <Textarea
                  id={reasonInputId(s.id)}
                  className={classes.reason}
                  size="sm"
                  label={T.reasonLabel(s.name)}
                  description={warn ? T.reasonHint : undefined}
                  placeholder={T.reasonPlaceholder}
                  value={reason}
                  onChange={(e) => setReason(s.id, e.currentTarget.value)}
                  onBlur={() => form.touch(`reason.${s.id}`)}
                  error={form.errorFor(`reason.${s.id}`)}
                  readOnly={readOnly}
                  autosize
                  minRows={1}
                  maxRows={6}
                  maxLength={2050}
                />
              )}
            </div>
          );
        })}
        {shown.length === 0 && (
          <Text fz="sm" c="dimmed" p="sm">
            {T.systemsNoMatch}
          </Text>
        )}
      </div>
      {truncatedAt !== null && (
        <Text fz="xs" c="dimmed">
          {T.systemsTruncated(truncatedAt)}
        </Text>
      )}
    </Stack>
  );
}
