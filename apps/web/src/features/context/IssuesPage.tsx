import { useId, useState } from 'react';
import { Alert, Button, Drawer, EmptyState, Input, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconListDetails, IconPlus } from '@tabler/icons-react';
import { CONTEXT_CATEGORY_LABELS, CONTEXT_ISSUE_KINDS } from '@fortytwo/domain';
import { api } from '../../api/client';
import { confirmDanger } from '../../ui/confirm';
import { notifyError, notifySuccess } from '../../ui/notify';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import { issuePath, issuesDownloads, refreshAfterChange, useContextIssues } from './api';
import { ContextSections } from './ContextSections';
import { IssueFormModal } from './IssueFormModal';
import { IssuesTable } from './IssuesTable';
import { useIssueFilters } from './issues-url-state';
import { options } from './labels';
import { RecordHistory } from './RecordHistory';
import { reviewState } from './review-date';
import { COMMON_TEXT as C, ISSUE_KIND_LABELS, ISSUES_TEXT as T } from './text';
import type { ContextIssue } from './types';
import { DownloadMenu } from '../../ui/DownloadMenu';

function IssuesEmpty({ canWrite, onAdd }: { canWrite: boolean; onAdd: () => void }) {
  return (
    <Paper withBorder radius="md" p="xl">
      <EmptyState
        size="lg"
        variant="light"
        icon={<IconListDetails size={32} />}
        title={T.emptyTitle}
        description={
          <Stack gap="sm" maw={640} mx="auto">
            <Text fz="sm">{T.emptyBody}</Text>
            <Text fz="sm">{T.emptyWhy}</Text>
            {!canWrite && (
              <Text fz="sm" fw={500}>
                {T.emptyReadOnly}
              </Text>
            )}
          </Stack>
        }
      >
        {canWrite && (
          <EmptyState.Actions>
            <Button onClick={onAdd} leftSection={<IconPlus size={16} />}>
              {T.emptyCta}
            </Button>
          </EmptyState.Actions>
        )}
      </EmptyState>
    </Paper>
  );
}

type Editing = { issue: ContextIssue | null } | null;

/** Clause 4.1, second tab: the register of internal and external issues, filtered by kind and category. */
export function IssuesPage() {
  const { orgId, can } = useOrg();
  const qc = useQueryClient();
  const canWrite = can('context.write');
  const canReadHistory = can('audit_event.read');
  const { filters, update, hasFilters, clear } = useIssueFilters();
  const list = useContextIssues(orgId);
  const [editing, setEditing] = useState<Editing>(null);
  const [historyOf, setHistoryOf] = useState<ContextIssue | null>(null);
  const kindLabelId = useId();

  const remove = useMutation({
    mutationFn: (i: ContextIssue) => api.delete(issuePath(orgId, i.id)),
    onSuccess: async () => {
      notifySuccess(T.deleted);
      await refreshAfterChange(qc, orgId);
    },
    onError: (e) => notifyError(e),
  });
  const askDelete = async (i: ContextIssue) => {
    if (await confirmDanger({ title: T.deleteTitle, message: T.deleteBody(i.description), confirmLabel: T.delete }))
      remove.mutate(i);
  };

  const all = list.data ?? [];
  const shown = all.filter(
    (i) => (!filters.kind || i.kind === filters.kind) && (!filters.category || i.category === filters.category),
  );
  const overdue = all.filter((i) => reviewState(i.reviewDate) === 'overdue').length;
  const firstVisit = list.isSuccess && all.length === 0;
  const add = () => setEditing({ issue: null });

  return (
    <ContextSections
      section="issues"
      actions={
        !firstVisit &&
        list.isSuccess && (
          <>
            <DownloadMenu label={T.export} hint={T.exportHint} items={issuesDownloads(orgId, filters)} />
            {canWrite && (
              <Button onClick={add} leftSection={<IconPlus size={16} />}>
                {T.add}
              </Button>
            )}
          </>
        )
      }
    >
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : firstVisit ? (
        <IssuesEmpty canWrite={canWrite} onAdd={add} />
      ) : (
        <Stack gap="md">
          {overdue > 0 && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="overdue-summary">
              {T.overdueSummary(overdue)}
            </Alert>
          )}
          <IssuesTable
            orgId={orgId}
            items={shown}
            canWrite={canWrite}
            canReadHistory={canReadHistory}
            onEdit={(issue) => setEditing({ issue })}
            onHistory={setHistoryOf}
            onDelete={(i) => void askDelete(i)}
            filtering={hasFilters}
            onClearFilters={clear}
            countText={<span data-testid="issues-count">{T.showing(shown.length)}</span>}
            filters={
              <>
                <Input.Wrapper
                  label={T.filterKind}
                  labelElement="div"
                  labelProps={{ id: kindLabelId }}
                  inputContainer={(control) => <div>{control}</div>}
                >
                  <SegmentedControl
                    aria-labelledby={kindLabelId}
                    value={filters.kind ?? 'all'}
                    onChange={(v) => update({ kind: v === 'all' ? null : v })}
                    data={[
                      { value: 'all', label: T.allKinds },
                      ...CONTEXT_ISSUE_KINDS.map((k) => ({ value: k, label: ISSUE_KIND_LABELS[k] })),
                    ]}
                  />
                </Input.Wrapper>
                <Select
                  label={T.filterCategory}
                  placeholder={T.anyCategory}
                  data={options(CONTEXT_CATEGORY_LABELS)}
                  value={filters.category ?? null}
                  onChange={(v) => update({ category: v })}
                  clearable
                  w={220}
                  comboboxProps={{ withinPortal: true }}
                />
              </>
            }
          />
        </Stack>
      )}
      {editing && (
        <IssueFormModal
          key={editing.issue?.id ?? 'new'}
          issue={editing.issue}
          preset={filters}
          onClose={() => setEditing(null)}
        />
      )}
      <Drawer
        opened={historyOf !== null}
        onClose={() => setHistoryOf(null)}
        title={T.historyTitle}
        position="right"
        size="lg"
        closeButtonProps={{ 'aria-label': C.closeHistory }}
      >
        {historyOf && (
          <Stack gap="md">
            <Text fz="sm" fw={500}>
              {historyOf.description}
            </Text>
            <RecordHistory orgId={orgId} entityType="context_issue" entityId={historyOf.id} />
          </Stack>
        )}
      </Drawer>
    </ContextSections>
  );
}
