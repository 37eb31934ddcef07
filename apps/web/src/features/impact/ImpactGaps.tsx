import { Alert, Anchor, Button, Group, List, Text } from '@mantine/core';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { aiSystemHref, newImpactHref, useImpactGaps } from './api';

// AI systems in scope without a signed-off impact assessment (6.1.4, A.5.2), shown as gaps to close
// on the impact page (all systems) and on an AI system's page (that system), each with its next step.

export function ImpactGaps({ orgId, aiSystemId, canWrite }: { orgId: string; aiSystemId?: string; canWrite: boolean }) {
  const gaps = useImpactGaps(orgId, aiSystemId);
  if (!gaps.data?.length) return null;
  const one = aiSystemId !== undefined;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={
        one
          ? 'Impact assessment gap'
          : `${gaps.data.length} AI system${gaps.data.length === 1 ? '' : 's'} in scope without a signed-off impact assessment`
      }
      data-testid="impact-gaps"
    >
      <List size="sm" spacing={6}>
        {gaps.data.map((g) => (
          <List.Item key={g.aiSystemId} data-testid="impact-gap">
            <Group gap="xs" wrap="wrap">
              <Text fz="sm">
                {one ? (
                  g.message
                ) : (
                  <>
                    <Anchor component={Link} to={aiSystemHref(orgId, g.aiSystemId)} fz="sm">
                      {g.aiSystemName}
                    </Anchor>
                    {`: ${g.reason === 'never_assessed' ? 'never assessed' : 'draft only, none signed off'}.`}
                  </>
                )}
              </Text>
              {canWrite && g.reason === 'never_assessed' && (
                <Button
                  size="compact-xs"
                  variant="default"
                  component={Link}
                  to={newImpactHref(orgId, g.aiSystemId)}
                  leftSection={<IconPlus size={12} />}
                >
                  Assess {g.aiSystemName}
                </Button>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
