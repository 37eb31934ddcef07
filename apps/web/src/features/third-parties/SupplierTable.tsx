import { Anchor, Badge, Table, Text } from '@mantine/core';
import { DILIGENCE_ANSWER_LABELS, SUPPLY_KIND_LABELS } from '@fortytwo/domain';
import { Link } from 'react-router';
import { formatDate } from '../../ui/format';
import { supplierHref, type Supplier } from './api';
import { THIRD_PARTY_TEXT } from './text';

const T = THIRD_PARTY_TEXT.suppliers;

export const ReviewBadge = ({ s }: { s: Supplier }) => (
  <Badge variant="light" color={s.reviewState === 'overdue' ? 'red' : 'teal'} tt="none">
    {s.reviewState === 'overdue' ? T.overdue : T.current}
  </Badge>
);

/** The supplier rows: the register page and an AI system's Suppliers tab show the same table. */
export function SupplierTable({ orgId, items }: { orgId: string; items: Supplier[] }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover aria-label={T.title}>
        <Table.Thead>
          <Table.Tr>
            {Object.values(T.columns).map((c) => (
              <Table.Th key={c}>{c}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.ref}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={supplierHref(orgId, s.id)}>
                  {s.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{SUPPLY_KIND_LABELS[s.kind]}</Table.Td>
              <Table.Td>{s.aiSystems.map((x) => x.name).join(', ') || THIRD_PARTY_TEXT.none}</Table.Td>
              <Table.Td>{DILIGENCE_ANSWER_LABELS[s.trainsOnInputs]}</Table.Td>
              <Table.Td>{s.contractClauses.length}</Table.Td>
              <Table.Td>
                <Text fz="sm">{formatDate(s.nextReviewOn)}</Text>
                <ReviewBadge s={s} />
              </Table.Td>
              <Table.Td>{s.warnings.length || THIRD_PARTY_TEXT.none}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
