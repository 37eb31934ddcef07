import { Stack, Text } from '@mantine/core';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import { useOrgContext } from './api';
import { ContextEditor } from './ContextEditor';
import { ContextReadView } from './ContextReadView';
import { ContextSections } from './ContextSections';
import { RecordHistory } from './RecordHistory';
import { COMMON_TEXT as C, CONTEXT_TEXT as T } from './text';
import { WideSection } from './WideSection';

/** Clause 4.1, first tab: the AI roles determination, the climate decision and the summary, with their history. */
export function ContextRolesPage() {
  const { orgId, can } = useOrg();
  const record = useOrgContext(orgId);
  return (
    <ContextSections section="roles">
      {record.isPending ? (
        <Loading />
      ) : record.isError ? (
        <ErrorAlert error={record.error} onRetry={() => void record.refetch()} />
      ) : (
        <Stack gap="lg">
          {can('context.write') ? <ContextEditor record={record.data} /> : <ContextReadView record={record.data} />}
          <WideSection title={T.historyTitle} hint={T.historyHint}>
            {can('audit_event.read') ? (
              <RecordHistory orgId={orgId} entityType="org_context" entityId={orgId} />
            ) : (
              <Text fz="sm" c="dimmed">
                {C.historyNotAllowed}
              </Text>
            )}
          </WideSection>
        </Stack>
      )}
    </ContextSections>
  );
}
