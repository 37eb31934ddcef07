import { Anchor, Badge, Text } from '@mantine/core';
import { useMemo } from 'react';
import { DILIGENCE_ANSWER_LABELS, SUPPLY_KIND_LABELS } from '@fortytwo/domain';
import { Link, useNavigate } from 'react-router';
import { RegisterTable, type RegisterColumn, type RegisterProps } from '../../ui/register';
import { formatDate } from '../../ui/format';
import { supplierHref, type Supplier } from './api';
import { THIRD_PARTY_TEXT } from './text';

const T = THIRD_PARTY_TEXT.suppliers;

export const ReviewBadge = ({ s }: { s: Supplier }) => (
  <Badge variant="light" color={s.reviewState === 'overdue' ? 'red' : 'teal'} tt="none">
    {s.reviewState === 'overdue' ? T.overdue : T.current}
  </Badge>
);

const supplierColumns = (orgId: string): RegisterColumn<Supplier>[] => [
  {
    id: 'ref',
    header: T.columns.ref,
    alwaysVisible: true,
    sortValue: (s) => Number(s.ref.replace(/\D/g, '')) || 0,
    text: (s) => s.ref,
    cell: (s) => s.ref,
  },
  {
    id: 'name',
    header: T.columns.name,
    sortValue: (s) => s.name.toLowerCase(),
    text: (s) => s.name,
    cell: (s) => (
      <Anchor component={Link} to={supplierHref(orgId, s.id)}>
        {s.name}
      </Anchor>
    ),
  },
  {
    id: 'kind',
    header: T.columns.kind,
    sortValue: (s) => SUPPLY_KIND_LABELS[s.kind],
    cell: (s) => SUPPLY_KIND_LABELS[s.kind],
  },
  {
    id: 'aiSystems',
    header: T.columns.systems,
    sortValue: (s) => s.aiSystems.map((x) => x.name).join(', ') || null,
    cell: (s) => s.aiSystems.map((x) => x.name).join(', ') || THIRD_PARTY_TEXT.none,
  },
  {
    id: 'trains',
    header: T.columns.training,
    sortValue: (s) => DILIGENCE_ANSWER_LABELS[s.trainsOnInputs],
    cell: (s) => DILIGENCE_ANSWER_LABELS[s.trainsOnInputs],
  },
  {
    id: 'clauses',
    header: T.columns.clauses,
    sortValue: (s) => s.contractClauses.length,
    cell: (s) => s.contractClauses.length,
  },
  {
    id: 'review',
    header: T.columns.next,
    sortValue: (s) => s.nextReviewOn,
    cell: (s) => (
      <>
        <Text fz="sm">{formatDate(s.nextReviewOn)}</Text>
        <ReviewBadge s={s} />
      </>
    ),
  },
  {
    id: 'warnings',
    header: T.columns.gaps,
    sortValue: (s) => s.warnings.length,
    cell: (s) => s.warnings.length || THIRD_PARTY_TEXT.none,
  },
];

/** The supplier rows on the register table: the register page and an AI system's Suppliers tab show the same table. */
export function SupplierTable({
  orgId,
  items,
  ...table
}: { orgId: string; items: Supplier[] } & Pick<RegisterProps<Supplier>, 'filters' | 'filtering' | 'onClearFilters'>) {
  const navigate = useNavigate();
  const columns = useMemo(() => supplierColumns(orgId), [orgId]);
  return (
    <RegisterTable
      orgId={orgId}
      register="suppliers"
      label={T.title}
      rows={items}
      columns={columns}
      getRowId={(s) => s.id}
      onOpen={(s) => void navigate(supplierHref(orgId, s.id))}
      rowAttributes={(s) => ({ 'data-ref': s.ref })}
      noMatch={{ title: T.noMatch, body: '' }}
      exportName="suppliers"
      minWidth={900}
      {...table}
    />
  );
}
