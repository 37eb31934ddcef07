import { Alert, Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { riskHref, type SoaWarning } from './api';
import { SOA_TEXT as T } from './text';

/**
 * What stands between this SoA and its approval (blocking first), and the risks the plan still has
 * to settle. Each points at its control row or its risk.
 */
export function SoaWarnings({
  orgId,
  warnings,
  onGoTo,
  onShowUndecided,
}: {
  orgId: string;
  warnings: SoaWarning[];
  onGoTo: (ref: string) => void;
  onShowUndecided: () => void;
}) {
  if (warnings.length === 0) return null;
  const sorted = [...warnings].sort((a, b) => Number(b.blocking) - Number(a.blocking));
  const blocking = sorted.filter((w) => w.blocking).length;
  return (
    <Alert
      color={blocking ? 'orange' : 'yellow'}
      variant="light"
      icon={<IconAlertTriangle size={20} />}
      title={T.warningsTitle(blocking, warnings.length - blocking)}
      data-testid="soa-warnings"
    >
      <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {sorted.map((w, n) => (
          <Group
            key={`${w.code}-${w.ref ?? w.riskId ?? n}`}
            component="li"
            justify="space-between"
            wrap="nowrap"
            gap="sm"
            align="flex-start"
            data-testid="soa-warning"
            data-code={w.code}
            data-blocking={w.blocking || undefined}
          >
            <Group gap="xs" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
              <Badge
                size="sm"
                variant={w.blocking ? 'filled' : 'outline'}
                color={w.blocking ? 'red.9' : 'gray'}
                tt="none"
                style={{ flexShrink: 0 }}
                mt={2}
              >
                {w.blocking ? T.blocking : T.notBlocking}
              </Badge>
              <Text fz="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                {w.message}
              </Text>
            </Group>
            <div style={{ flexShrink: 0 }}>
              {w.ref ? (
                <Button size="compact-sm" variant="default" onClick={() => onGoTo(w.ref!)}>
                  {T.goToControl(w.ref)}
                </Button>
              ) : w.riskId ? (
                <Anchor component={Link} to={riskHref(orgId, w.riskId)} fz="sm" fw={600}>
                  {T.openRisk}
                </Anchor>
              ) : w.code === 'UNDECIDED' ? (
                <Button size="compact-sm" variant="default" onClick={onShowUndecided}>
                  {T.showUndecided}
                </Button>
              ) : null}
            </div>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
