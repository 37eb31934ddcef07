import type { ReactNode } from 'react';
import { Badge, Button, DataList, Group, Paper, Tabs, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  IconAlertTriangle,
  IconDatabase,
  IconGavel,
  IconHistory,
  IconTruckDelivery,
  IconListDetails,
  IconPencil,
  IconStack2,
  IconTrash,
  IconVersions,
} from '@tabler/icons-react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { AiSystemRecord } from '../../api/types';
import { personOf } from '../../api/people';
import { useOrg } from '../shell/org-context';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { confirmDanger } from '../../ui/confirm';
import { notifyError, notifySuccess } from '../../ui/notify';
import { formatDateTime, joinList } from '../../ui/format';
import { aiSystemPath, inventoryKey, useAiSystem } from './api';
import { AiSystemHistory } from './AiSystemHistory';
import { ProfileTab } from './ProfileTab';
import { PROFILE_TEXT } from './profile-text';
import { AiSystemRisks } from '../risk/AiSystemRisks';
import { RISK_TEXT } from '../risk/text';
import { AiActTab } from '../third-parties/AiActTab';
import { DataTab } from '../third-parties/DataTab';
import { SystemSuppliersTab } from '../third-parties/SystemSuppliersTab';
import { THIRD_PARTY_TEXT } from '../third-parties/text';
import { ReleasesTab } from '../ai-lifecycle/ReleasesTab';
import { LIFECYCLE_TEXT } from '../ai-lifecycle/text';
import { RISK_COLORS, STAGE_COLORS, STATUS_COLORS, riskLabel, roleLabel, stageLabel, statusLabel } from './labels';
import { FIELD_LABELS as L, INVENTORY_TEXT as T } from './text';

function Details({ s }: { s: AiSystemRecord }) {
  const owner = personOf(s.people, s.ownerId);
  const item = (label: string, value: ReactNode) => (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{value}</DataList.ItemValue>
    </DataList.Item>
  );
  return (
    <Paper withBorder radius="md" p="lg">
      <DataList withDivider labelWidth={200} gap="md">
        {item(
          L.intendedPurpose,
          <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {s.intendedPurpose}
          </Text>,
        )}
        {item(
          L.description,
          <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }} c={s.description ? undefined : 'dimmed'}>
            {s.description || '—'}
          </Text>,
        )}
        {item(L.aiRoles, s.aiRoles.map(roleLabel).join(', '))}
        {item(
          L.lifecycleStage,
          <Badge variant="dot" color={STAGE_COLORS[s.lifecycleStage]} tt="none">
            {stageLabel(s.lifecycleStage)}
          </Badge>,
        )}
        {item(
          L.riskTier,
          <Badge variant="light" color={RISK_COLORS[s.riskTier]} tt="none">
            {riskLabel(s.riskTier)}
          </Badge>,
        )}
        {item(L.ownerId, owner ? `${owner.name} (${owner.email})` : T.noOwner)}
        {item(L.jurisdictions, joinList(s.jurisdictions))}
        {item(L.thirdParties, joinList(s.thirdParties))}
        {item(
          L.tags,
          s.tags.length ? (
            <Group gap={6}>
              {s.tags.map((t) => (
                <Badge key={t} variant="default" tt="none" fw={500}>
                  {t}
                </Badge>
              ))}
            </Group>
          ) : (
            '—'
          ),
        )}
        {item('Added', formatDateTime(s.createdAt))}
        {item('Last updated', `${formatDateTime(s.updatedAt)} (version ${s.version})`)}
      </DataList>
    </Paper>
  );
}

const TABS = ['details', 'resources', 'risks', 'releases', 'data', 'suppliers', 'ai-act', 'history'] as const;

export function AiSystemDetailPage() {
  const { orgId, can } = useOrg();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((t) => t === params.get('tab')) ?? 'details';
  const record = useAiSystem(orgId, id);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const listHref = `/orgs/${orgId}/ai-systems`;
  const remove = useMutation({
    mutationFn: () => api.delete(aiSystemPath(orgId, id)),
    onSuccess: async () => {
      notifySuccess(T.deleted(record.data?.name ?? ''));
      void navigate(listHref);
      await qc.invalidateQueries({ queryKey: inventoryKey(orgId) });
    },
    onError: (e) => notifyError(e),
  });

  if (record.isPending) return <Loading />;
  if (record.isError) return <ErrorAlert error={record.error} title={T.notFound} />;
  const s = record.data;
  const askDelete = async () => {
    if (await confirmDanger({ title: T.deleteTitle, message: T.deleteBody(s.name), confirmLabel: T.delete }))
      remove.mutate();
  };

  return (
    <>
      <PageHeader
        crumbs={[{ label: T.title, to: listHref }, { label: s.name }]}
        title={s.name}
        badge={
          <Badge variant="outline" color={STATUS_COLORS[s.status]} tt="none">
            {statusLabel(s.status)}
          </Badge>
        }
        actions={
          <>
            {can('ai_system.delete') && (
              <Button
                variant="default"
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() => void askDelete()}
                loading={remove.isPending}
              >
                {T.delete}
              </Button>
            )}
            {can('ai_system.write') && (
              <Button component={Link} to={`${listHref}/${s.id}/edit`} leftSection={<IconPencil size={16} />}>
                {/* Beside "Edit resources & use", say which part this one edits. */}
                {tab === 'resources' ? T.editDetails : T.edit}
              </Button>
            )}
          </>
        }
      />
      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== 'details' ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="details" leftSection={<IconListDetails size={16} />}>
            {T.details}
          </Tabs.Tab>
          <Tabs.Tab value="resources" leftSection={<IconStack2 size={16} />}>
            {PROFILE_TEXT.tab}
          </Tabs.Tab>
          <Tabs.Tab value="risks" leftSection={<IconAlertTriangle size={16} />}>
            {RISK_TEXT.systemTab}
          </Tabs.Tab>
          <Tabs.Tab value="data" leftSection={<IconDatabase size={16} />}>
            {THIRD_PARTY_TEXT.dataTab}
          </Tabs.Tab>
          <Tabs.Tab value="suppliers" leftSection={<IconTruckDelivery size={16} />}>
            {THIRD_PARTY_TEXT.suppliersTab}
          </Tabs.Tab>
          <Tabs.Tab value="ai-act" leftSection={<IconGavel size={16} />}>
            {THIRD_PARTY_TEXT.aiActTab}
          </Tabs.Tab>
          <Tabs.Tab value="releases" leftSection={<IconVersions size={16} />}>
            {LIFECYCLE_TEXT.tab}
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>
            {T.history}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details">
          <Details s={s} />
        </Tabs.Panel>
        <Tabs.Panel value="resources">
          <ProfileTab orgId={orgId} aiSystemId={s.id} canWrite={can('ai_system.write')} />
        </Tabs.Panel>
        <Tabs.Panel value="risks">
          <AiSystemRisks aiSystemId={s.id} />
        </Tabs.Panel>
        <Tabs.Panel value="data">
          <DataTab aiSystemId={s.id} />
        </Tabs.Panel>
        <Tabs.Panel value="suppliers">
          <SystemSuppliersTab aiSystemId={s.id} />
        </Tabs.Panel>
        <Tabs.Panel value="ai-act">
          <AiActTab aiSystemId={s.id} />
        </Tabs.Panel>
        <Tabs.Panel value="releases">
          <ReleasesTab
            orgId={orgId}
            aiSystemId={s.id}
            riskTier={s.riskTier}
            canWrite={can('ai_release.write')}
            canReassess={can('risk.write')}
          />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <AiSystemHistory orgId={orgId} id={s.id} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
