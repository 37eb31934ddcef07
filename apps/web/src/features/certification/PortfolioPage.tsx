import { Anchor, Badge, Table } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { usePortfolio } from './api';
import { CERTIFICATION_TEXT as T } from './text';

const VERDICT_COLOR = { ready: 'teal', ready_with_concerns: 'yellow', not_ready: 'red' } as const;

/** A consultant's page: every organization they belong to, what needs them first on top. */
export function PortfolioPage() {
  const list = usePortfolio();
  return (
    <>
      <PageHeader title={T.portfolioTitle} description={T.portfolioDescription} />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped highlightOnHover aria-label={T.portfolioTitle}>
            <Table.Thead>
              <Table.Tr>
                {T.portfolioColumns.map((c) => (
                  <Table.Th key={c}>{c}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((o) => (
                <Table.Tr key={o.orgId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/orgs/${o.orgId}/certification`}>
                      {o.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={VERDICT_COLOR[o.verdict]} variant="light" title={o.summary}>
                      {T.verdict[o.verdict]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{o.blocking}</Table.Td>
                  <Table.Td>{o.nextAuditDate ? formatDate(o.nextAuditDate) : T.none}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/orgs/${o.orgId}/tasks`}>
                      {o.overdueTasks}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {o.openMajors === null ? T.notRecorded : `${o.openMajors} / ${o.openMinors ?? 0}`}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
