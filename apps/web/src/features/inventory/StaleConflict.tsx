import { useEffect, useRef } from 'react';
import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { AiSystem } from '../../api/types';
import { formatDateTime } from '../../ui/format';
import { differingFields, valuesOf, type AiSystemFormValues } from './form-values';
import { displayValue } from './labels';
import { fieldLabel, INVENTORY_TEXT as T } from './text';

export type Conflict = { base: AiSystem; current: AiSystem; mine: AiSystemFormValues };

/**
 * 409 STALE_VERSION: someone saved first. Shows what they changed and what you changed, and lets
 * you take their version with your edits re-applied (to review and save again) or drop yours.
 */
export function StaleConflict({
  conflict,
  memberName,
  onReapply,
  onDiscard,
}: {
  conflict: Conflict;
  memberName: (id: string) => string;
  onReapply: () => void;
  onDiscard: () => void;
}) {
  const { base, current, mine } = conflict;
  const ref = useRef<HTMLDivElement>(null);
  // Bring the conflict into view and focus, so nobody misses that their save did not happen.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'center' });
    ref.current?.focus({ preventScroll: true });
  }, [conflict]);
  const theirs = valuesOf(current);
  const startedFrom = valuesOf(base);
  const fields = [...new Set([...differingFields(startedFrom, theirs), ...differingFields(startedFrom, mine)])];
  const who = `The saved version is ${current.version} (you started from ${base.version}), last saved ${formatDateTime(current.updatedAt)}.`;
  return (
    <Alert color="orange" variant="light" title={T.staleTitle} icon={<IconAlertTriangle size={20} />} role="alert" data-testid="stale-conflict" ref={ref} tabIndex={-1}>
      <Stack gap="sm">
        <Text fz="sm">{T.staleBody(who)}</Text>
        {fields.length > 0 && (
          <Table withTableBorder withColumnBorders fz="sm" bg="var(--mantine-color-body)">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={160}>{T.staleField}</Table.Th>
                <Table.Th>{T.staleTheirs}</Table.Th>
                <Table.Th>{T.staleYours}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map((f) => (
                <Table.Tr key={f}>
                  <Table.Td fw={600}>{fieldLabel(f)}</Table.Td>
                  <Table.Td>{displayValue(f, theirs[f], memberName)}</Table.Td>
                  <Table.Td>{displayValue(f, mine[f], memberName)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group gap="sm">
          <Button onClick={onReapply}>
            {T.staleReapply}
          </Button>
          <Button variant="default" onClick={onDiscard}>
            {T.staleDiscard}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
