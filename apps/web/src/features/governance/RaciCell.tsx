import { useEffect, useState } from 'react';
import { Badge, Checkbox, Group, Popover, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { RACI_LABELS, RACI_LETTERS, type RaciLetter } from '@fortytwo/domain';
import { RACI_COLORS, RACI_TEXT as T } from './text';
import classes from './governance.module.css';

function Letters({ letters }: { letters: RaciLetter[] }) {
  if (letters.length === 0)
    return (
      <Text span fz="sm" className={classes.empty} aria-hidden>
        –
      </Text>
    );
  return (
    <Group gap={3} wrap="nowrap" justify="center" aria-hidden>
      {letters.map((l) => (
        <Badge key={l} size="lg" radius="sm" variant="light" color={RACI_COLORS[l]} className={classes.letter}>
          {l}
        </Badge>
      ))}
    </Group>
  );
}

/** One cell of the matrix: the letters a person or role holds in an activity, changed in a small popover. */
export function RaciCell({
  activityName,
  who,
  letters,
  canWrite,
  pending,
  onChange,
}: {
  activityName: string;
  who: string;
  letters: RaciLetter[];
  canWrite: boolean;
  pending: boolean;
  onChange: (letters: RaciLetter[]) => void;
}) {
  // The click shows at once; the row's letters (optimistic, then the server's) take over once the save settles.
  const [clicked, setClicked] = useState<RaciLetter[] | null>(null);
  const settledKey = `${pending}:${letters.join('')}`;
  useEffect(() => {
    if (!pending) setClicked(null);
  }, [settledKey, pending]);
  const shown = clicked ?? letters;
  const spoken = shown.map((l) => RACI_LABELS[l]).join(', ');
  if (!canWrite)
    return (
      <>
        <Letters letters={letters} />
        <VisuallyHidden>{spoken || 'not involved'}</VisuallyHidden>
      </>
    );
  return (
    <Popover position="bottom" withArrow shadow="md" trapFocus returnFocus width={240}>
      <Popover.Target>
        <UnstyledButton
          className={classes.cellButton}
          aria-label={T.cellLabel(activityName, who, shown.join(''), spoken)}
          data-letters={shown.join('')}
        >
          <Letters letters={shown} />
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <Checkbox.Group
          label={T.cellGroup(who, activityName)}
          value={shown}
          onChange={(v) => {
            const next = RACI_LETTERS.filter((l) => v.includes(l));
            setClicked(next);
            onChange(next);
          }}
        >
          <Stack gap={8} mt={8}>
            {RACI_LETTERS.map((l) => (
              <Checkbox key={l} value={l} label={`${l} · ${RACI_LABELS[l]}`} description={T.letterHints[l]} />
            ))}
          </Stack>
        </Checkbox.Group>
        {pending && (
          <Text fz="xs" c="dimmed" mt={8} role="status">
            {T.saving}
          </Text>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
