import { ActionIcon, Button, Divider, Group, Popover, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconBookmark, IconCheck, IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import type { RegisterKey, SavedViewState } from '@fortytwo/domain';
import { useState } from 'react';
import { errorMessage } from '../QueryState';
import { notifyError, notifySuccess } from '../notify';
import { useSavedViews, useSavedViewWrites } from './saved-views-api';
import { sameView } from './url-state';
import { REGISTER_TEXT as T } from './text';

/** The person's saved views of this register: apply one, save the current one, update or delete. */
export function ViewsMenu({
  orgId,
  register,
  current,
  onApply,
}: {
  orgId: string;
  register: RegisterKey;
  current: SavedViewState;
  onApply: (state: SavedViewState) => void;
}) {
  const views = useSavedViews(orgId, register);
  const { create, update, remove } = useSavedViewWrites(orgId, register);
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const active = views.data?.find((v) => sameView(v.state, current));

  const save = () => {
    setError(null);
    create.mutate(
      { name, state: current },
      {
        onSuccess: (v) => {
          setName('');
          notifySuccess(T.viewSaved(v.name));
        },
        onError: (e) => setError(errorMessage(e)),
      },
    );
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" shadow="md" withinPortal trapFocus>
      <Popover.Target>
        <Button
          variant="default"
          leftSection={<IconBookmark size={16} aria-hidden />}
          onClick={() => setOpened((o) => !o)}
          aria-expanded={opened}
        >
          {active ? `${T.views}: ${active.name}` : T.views}
        </Button>
      </Popover.Target>
      <Popover.Dropdown w={320}>
        <Stack gap="xs" role="group" aria-label={T.viewsTitle} data-testid="saved-views">
          <Text fz="sm" fw={600}>
            {T.viewsTitle}
          </Text>
          {views.data?.length === 0 && (
            <Text fz="sm" c="dimmed">
              {T.viewsNone}
            </Text>
          )}
          {views.data?.map((v) => (
            <Group key={v.id} gap={4} wrap="nowrap" justify="space-between">
              <Button
                variant={v.id === active?.id ? 'light' : 'subtle'}
                justify="flex-start"
                flex={1}
                leftSection={v.id === active?.id ? <IconCheck size={14} aria-label={T.viewActive} /> : undefined}
                onClick={() => {
                  onApply(v.state);
                  setOpened(false);
                }}
              >
                {v.name}
              </Button>
              <Tooltip label={T.viewUpdate(v.name)}>
                <ActionIcon
                  variant="subtle"
                  aria-label={T.viewUpdate(v.name)}
                  disabled={v.id === active?.id}
                  onClick={() =>
                    update.mutate(
                      { id: v.id, version: v.version, state: current },
                      { onSuccess: () => notifySuccess(T.viewUpdated(v.name)), onError: (e) => notifyError(e) },
                    )
                  }
                >
                  <IconDeviceFloppy size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={T.viewDelete(v.name)}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={T.viewDelete(v.name)}
                  onClick={() => remove.mutate(v.id, { onError: (e) => notifyError(e) })}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            </Group>
          ))}
          <Divider />
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save();
            }}
          >
            <Group gap={6} align="flex-end" wrap="nowrap">
              <TextInput
                label={T.viewName}
                value={name}
                onChange={(e) => {
                  setName(e.currentTarget.value);
                  setError(null);
                }}
                error={error}
                flex={1}
                maxLength={80}
              />
              <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
                {T.viewSave}
              </Button>
            </Group>
          </form>
          <Text fz="xs" c="dimmed">
            {T.viewsHint}
          </Text>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
