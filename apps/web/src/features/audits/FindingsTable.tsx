import { Anchor, Badge, Select, Text } from '@mantine/core';
import { FINDING_GRADES } from '@fortytwo/domain';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { RegisterTable, type RegisterColumn } from '../../ui/register';
import type { Finding } from './api';
import { AUDITS_TEXT as T } from './text';

const ncHref = (orgId: string, f: Finding) => `/orgs/${orgId}/nonconformities/${f.nonconformityId}`;

const columns = (orgId: string): RegisterColumn<Finding>[] => [
  {
    id: 'ref',
    header: 'Ref',
    width: 90,
    alwaysVisible: true,
    sortValue: (f) => Number(f.ref.replace(/\D/g, '')) || 0,
    text: (f) => f.ref,
    cell: (f) => <Text fw={600}>{f.ref}</Text>,
  },
  {
    id: 'grade',
    header: T.finding.grade,
    width: 150,
    sortValue: (f) => FINDING_GRADES.indexOf(f.grade),
    text: (f) => T.grade[f.grade],
    cell: (f) => (
      <Badge variant="light" color={f.grade === 'major' || f.grade === 'minor' ? 'red' : 'blue'}>
        {T.grade[f.grade]}
      </Badge>
    ),
  },
  {
    id: 'clause',
    header: T.finding.ref,
    width: 110,
    sortValue: (f) => f.clauseRef,
    cell: (f) => f.clauseRef && <Badge variant="outline">{f.clauseRef}</Badge>,
  },
  {
    id: 'statement',
    header: T.finding.statement,
    sortValue: (f) => f.statement.toLowerCase(),
    text: (f) => f.statement,
    cell: (f) => (
      <>
        <Text fz="sm">{f.statement}</Text>
        {f.evidence && (
          <Text fz="xs" c="dimmed">
            {T.finding.evidence}: {f.evidence}
          </Text>
        )}
      </>
    ),
  },
  {
    id: 'nonconformity',
    header: 'Raised',
    width: 140,
    sortValue: (f) => (f.nonconformityId ? 1 : null),
    text: (f) => (f.nonconformityId ? 'Nonconformity' : ''),
    cell: (f) =>
      f.nonconformityId && (
        <Anchor component={Link} to={ncHref(orgId, f)} fz="sm">
          Nonconformity
        </Anchor>
      ),
  },
];

/** The findings of one audit (9.2) on the register table; a graded one opens its nonconformity. */
export function FindingsTable({ orgId, findings }: { orgId: string; findings: Finding[] }) {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const grade = params.get('grade');
  const shown = grade ? findings.filter((f) => f.grade === grade) : findings;
  const cols = useMemo(() => columns(orgId), [orgId]);
  return (
    <RegisterTable
      orgId={orgId}
      register="findings"
      label={T.findings}
      testId="findings-table"
      rows={shown}
      columns={cols}
      getRowId={(f) => f.id}
      onOpen={(f) => f.nonconformityId && void navigate(ncHref(orgId, f))}
      rowAttributes={(f) => ({ 'data-ref': f.ref })}
      emptyText="No findings."
      exportName="findings"
      minWidth={760}
      filters={
        <Select
          label={T.finding.grade}
          placeholder="Any grade"
          clearable
          w={180}
          data={FINDING_GRADES.map((g) => ({ value: g, label: T.grade[g] }))}
          value={grade}
          onChange={(v) =>
            setParams(
              (p) => {
                const next = new URLSearchParams(p);
                if (v) next.set('grade', v);
                else next.delete('grade');
                return next;
              },
              { replace: true },
            )
          }
        />
      }
    />
  );
}
