import { useEffect, useMemo, useState } from 'react';
import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { composeScopeStatement, EMPTY_SCOPE, scopeWarnings, type AiRole, type ScopeContent } from '@fortytwo/domain';
import { api, isApiError } from '../../api/client';
import type { AiSystem } from '../../api/types';
import { DRAFT_TEXT, DraftOffer } from '../../ui/DraftOffer';
import { useDraft } from '../../ui/use-draft';
import { useLeaveGuard } from '../../ui/use-leave-guard';
import { confirmDanger } from '../../ui/confirm';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { StaleConflictAlert } from '../../ui/StaleConflictAlert';
import { focusFirstInvalid } from '../../ui/use-zod-form';
import { useOrg } from '../shell/org-context';
import {
  approveScopePath,
  scopeKey,
  scopePath,
  scopeRevisionsKey,
  useOrgAiRoles,
  useScope,
  useScopeAiSystems,
} from './api';
import { approvalBlocker, ApprovalPanel, StatusBadge } from './ApprovalPanel';
import { usePrintStatement } from './print';
import { RecordHistory } from './RecordHistory';
import {
  changedFields,
  contentOf,
  differingFields,
  display,
  keyOf,
  reapply,
  schema,
  toInput,
  valuesOf,
  type ScopeFormValues,
} from './scope-values';
import { ScopeBuilderForm } from './ScopeBuilderForm';
import { ScopeRevisions } from './ScopeRevisions';
import { ScopeWarnings } from './ScopeWarnings';
import { StatementPanel } from './StatementPanel';
import type { Scope } from './types';
import { usePathForm } from './use-path-form';
import { SCOPE_FIELD_LABELS as L, SCOPE_TEXT as T } from './text';
import { WhyScope } from './WhyScope';
import classes from './scope.module.css';

type Conflict = { base: Scope; current: Scope; mine: ScopeFormValues };

const HISTORY_ACTIONS = { 'scope.updated': 'Changed the draft', 'scope.approved': 'Approved a revision' };

/** The scope builder (clause 4.3): loads the draft, the inventory and the AI roles the statement names. */
export function ScopePage() {
  const { orgId } = useOrg();
  const scope = useScope(orgId);
  const systems = useScopeAiSystems(orgId);
  const roles = useOrgAiRoles(orgId);
  const failed = scope.error ?? systems.error ?? roles.error;
  if (failed)
    return (
      <>
        <PageHeader title={T.title} description={T.description} />
        <ErrorAlert
          error={failed}
          onRetry={() => void Promise.all([scope.refetch(), systems.refetch(), roles.refetch()])}
        />
      </>
    );
  if (!scope.data || !systems.data || !roles.data) return <Loading />;
  return (
    <ScopeWorkspace saved={scope.data} systems={systems.data.items} total={systems.data.total} aiRoles={roles.data} />
  );
}

function ScopeWorkspace({
  saved,
  systems,
  total,
  aiRoles,
}: {
  saved: Scope;
  systems: AiSystem[];
  total: number;
  aiRoles: AiRole[];
}) {
  const { orgId, org, can } = useOrg();
  const qc = useQueryClient();
  const canWrite = can('context.write');
  const readOnly = !canWrite;
  // Deleted systems can only be told apart when the whole inventory was read.
  const known = useMemo(
    () => (total <= systems.length ? new Set(systems.map((s) => s.id)) : undefined),
    [systems, total],
  );
  const [base, setBase] = useState<Scope>(saved);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const form = usePathForm(schema, valuesOf(saved, known), toInput, keyOf);
  const { print, sheet } = usePrintStatement();

  const content = contentOf(form.values);
  const dirty = differingFields(base, content).length > 0;
  // The scope is long to build: unsaved edits are kept as a draft and offered back on return.
  const draft = useDraft<ScopeFormValues>(
    canWrite ? `scope:${orgId}` : undefined,
    valuesOf(base, known),
    form.values,
    dirty,
  );
  useLeaveGuard(dirty && canWrite, draft.discard);
  const restoreDraft = () => {
    const d = draft.take();
    if (!d) return;
    form.reset(reapply(base, contentOf(d.startedFrom), d.values));
    setNotice(DRAFT_TEXT.restored);
  };
  const dropped = known ? base.aiSystemIds.filter((id) => !known.has(id)).length : 0;
  const warnings = dirty ? scopeWarnings(content, systems) : base.warnings;
  const statement = dirty
    ? composeScopeStatement({ organizationName: org.name, aiRoles, scope: content, aiSystems: systems })
    : base.statement;
  const systemName = (id: string) => systems.find((s) => s.id === id)?.name ?? 'a deleted AI system';

  // Someone else's save arrives (refetch) while nothing is being edited here: show it.
  useEffect(() => {
    if (saved.version !== base.version && !dirty && !conflict) {
      setBase(saved);
      form.reset(valuesOf(saved, known));
    }
    // Only a new answer from the server is a reason to look.
  }, [saved]);

  const adopt = (s: Scope) => {
    qc.setQueryData(scopeKey(orgId), s);
    setBase(s);
  };

  const save = useMutation({
    mutationFn: (parsed: ScopeContent) =>
      api.patch<Scope>(scopePath(orgId), { version: base.version, ...changedFields(parsed, base) }),
    onSuccess: (s) => {
      draft.discard();
      adopt(s);
      form.reset(valuesOf(s, known));
      notifySuccess(T.saved);
    },
    onError: (e) => {
      const current = isApiError(e, 'STALE_VERSION')
        ? (e.details as { current?: Scope } | undefined)?.current
        : undefined;
      if (current) setConflict({ base, current, mine: form.values });
      else form.showServerError(e);
    },
  });

  const approve = useMutation({
    mutationFn: () => api.post<Scope>(approveScopePath(orgId), { version: base.version }),
    onSuccess: async (s) => {
      adopt(s);
      notifySuccess(T.approved(s.approved?.revision ?? 1));
      await qc.invalidateQueries({ queryKey: scopeRevisionsKey(orgId) });
    },
    onError: (e) => {
      notifyError(e, 'The scope was not approved');
      if (isApiError(e, 'STALE_VERSION')) void qc.invalidateQueries({ queryKey: scopeKey(orgId) });
    },
  });

  const next = (base.approved?.revision ?? 0) + 1;
  const askApprove = () =>
    modals.openConfirmModal({
      title: T.approveTitle(next),
      children: <Text size="sm">{T.approveBody(next)}</Text>,
      labels: { confirm: T.approveConfirm(next), cancel: 'Cancel' },
      onConfirm: () => approve.mutate(),
    });

  const resolve = (keepMine: boolean) => {
    if (!conflict) return;
    adopt(conflict.current);
    form.reset(keepMine ? reapply(conflict.current, conflict.base, conflict.mine) : valuesOf(conflict.current, known));
    setConflict(null);
    setNotice(keepMine ? T.staleReapplied : null);
  };

  const discard = async () => {
    if (
      await confirmDanger({
        title: T.discard,
        message: 'Your unsaved changes to the scope will be lost.',
        confirmLabel: T.discard,
      })
    )
      form.reset(valuesOf(base, known));
  };

  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Plan' }, { label: T.crumbStep }]}
        title={T.title}
        badge={
          <Group gap={6} wrap="nowrap">
            <StatusBadge scope={base} />
            {dirty && (
              <Badge color="yellow" variant="light" size="lg" tt="none">
                {T.unsaved}
              </Badge>
            )}
          </Group>
        }
        description={T.description}
        actions={
          can('audit_event.read') && (
            <RecordHistory
              orgId={orgId}
              entityType="scope"
              entityId={orgId}
              title={T.title}
              actionLabels={HISTORY_ACTIONS}
              fieldLabels={L}
            />
          )
        }
      />
      {base.version === 0 && <WhyScope />}
      <Stack gap="lg">
        {draft.offer && <DraftOffer draft={{ at: draft.offer.at, restore: restoreDraft, discard: draft.discard }} />}
        {conflict && (
          <StaleConflictAlert
            conflict={conflict}
            title={T.staleTitle}
            body={T.staleBody(T.staleWho(conflict.current.version, conflict.base.version))}
            rows={[
              ...new Set([
                ...differingFields(conflict.base, conflict.current),
                ...differingFields(conflict.base, contentOf(conflict.mine)),
              ]),
            ].map((f) => ({
              field: f,
              label: L[f],
              theirs: display(f, conflict.current, systemName),
              yours: display(f, contentOf(conflict.mine), systemName),
            }))}
            labels={{
              field: T.staleField,
              theirs: T.staleTheirs,
              yours: T.staleYours,
              reapply: T.staleReapply,
              discard: T.staleDiscard,
            }}
            onReapply={() => resolve(true)}
            onDiscard={() => resolve(false)}
          />
        )}
        {notice && (
          <Alert
            color="blue"
            variant="light"
            withCloseButton
            onClose={() => setNotice(null)}
            closeButtonLabel="Dismiss"
          >
            {notice}
          </Alert>
        )}
        <ScopeWarnings warnings={warnings} form={form} readOnly={readOnly} />
        <div className={classes.layout}>
          <div className={classes.columns}>
            <ScopeBuilderForm
              orgId={orgId}
              form={form}
              systems={systems}
              total={total}
              dropped={dropped}
              canWrite={canWrite}
              dirty={dirty}
              conflicted={!!conflict}
              saving={save.isPending}
              onSubmit={(e) => {
                e.preventDefault();
                setNotice(null);
                const parsed = form.validate();
                if (parsed) save.mutate({ ...EMPTY_SCOPE, ...parsed });
                else focusFirstInvalid(e.currentTarget);
              }}
              onDiscard={() => void discard()}
            />
            <aside className={classes.side} aria-label="Statement and approval">
              <ApprovalPanel
                base={base}
                blocker={approvalBlocker(base, dirty, warnings.length)}
                canApprove={can('scope.approve')}
                pending={approve.isPending}
                onApprove={askApprove}
              >
                <ScopeRevisions orgId={orgId} orgName={org.name} onPrint={print} />
              </ApprovalPanel>
              <StatementPanel
                statement={statement}
                preview={dirty}
                onPrint={() =>
                  print({
                    heading: T.printTitle(org.name),
                    status:
                      !dirty && base.status === 'approved' && base.approved
                        ? T.stamp(
                            base.approved.revision,
                            base.approved.approvedByName,
                            new Date(base.approved.approvedAt).toLocaleString(),
                          )
                        : T.printDraft,
                    statement,
                  })
                }
              />
            </aside>
          </div>
        </div>
      </Stack>
      {sheet}
    </>
  );
}
