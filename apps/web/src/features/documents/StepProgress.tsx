import { Progress, Stack, Text } from '@mantine/core';
import { useMasterList } from './api';
import { masterProgress } from './progress';

/** The overview's step-3 card: mandatory documented information met, of all required, from the master list. */
export function DocumentationProgress({ orgId }: { orgId: string }) {
  const list = useMasterList(orgId);
  if (!list.data) return null;
  const p = masterProgress(list.data);
  return (
    <Stack gap={4} mt="xs" data-testid="documentation-progress">
      <Text fz="xs" fw={600}>
        {p.met} of {p.required} required items met · {p.inForce} documents in force
      </Text>
      <Progress value={p.required ? (p.met / p.required) * 100 : 0} color="teal" size="sm" aria-hidden />
    </Stack>
  );
}
