import { Anchor, Select } from '@mantine/core';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatDate } from '../../ui/format';
import { RegisterTable, type RegisterColumn } from '../../ui/register';
import { hrefs, type Assignment } from './api';
import { COMPETENCE_TEXT as T } from './text';
import { AssignmentStatusBadge, completionText } from './TrainingsPage';

const STATUS_FILTERS = [
  { value: 'open', label: 'Open' },
  { value: 'overdue', label: T.overdue },
  { value: 'completed', label: 'Completed' },
  { value: 'cancelled', label: 'Cancelled' },
];

const columns = (orgId: string): RegisterColumn<Assignment>[] => [
  {
    id: 'person',
    header: T.person,
    alwaysVisible: true,
    sortValue: (a) => a.person.name.toLowerCase(),
    text: (a) => a.person.name,
    cell: (a) => (
      <Anchor component={Link} to={hrefs.person(orgId, a.person.id)} fz="sm">
        {a.person.name}
      </Anchor>
    ),
  },
  {
    id: 'action',
    header: T.developmentAction,
    sortValue: (a) => a.action.title.toLowerCase(),
    text: (a) => a.action.title,
    cell: (a) => a.action.title,
  },
  {
    id: 'dueOn',
    header: T.dueOn,
    width: 120,
    sortValue: (a) => a.dueOn,
    cell: (a) => (a.dueOn ? formatDate(`${a.dueOn}T12:00:00`) : '—'),
  },
  {
    id: 'status',
    header: T.status,
    width: 140,
    sortValue: (a) => (a.overdue ? 'overdue' : a.status),
    cell: (a) => <AssignmentStatusBadge a={a} />,
  },
  { id: 'completion', header: 'Completion', text: completionText, cell: completionText },
];

/** The training records (7.2 d) on the register table: who was to do which action, by when, and how it ended. */
export function TrainingRecords({ orgId, records }: { orgId: string; records: Assignment[] }) {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const shown = records.filter(
    (a) => !status || (status === 'overdue' ? a.overdue : a.status === status && !a.overdue),
  );
  const cols = useMemo(() => columns(orgId), [orgId]);
  return (
    <RegisterTable
      orgId={orgId}
      register="trainings"
      label={T.records}
      testId="records-table"
      rows={shown}
      columns={cols}
      getRowId={(a) => a.id}
      onOpen={(a) => void navigate(hrefs.person(orgId, a.person.id))}
      emptyText={T.noRecords}
      exportName="training-records"
      minWidth={820}
      filters={
        <Select
          label={T.status}
          placeholder="Any status"
          clearable
          w={160}
          data={STATUS_FILTERS}
          value={status}
          onChange={(v) =>
            setParams(
              (p) => {
                const next = new URLSearchParams(p);
                if (v) next.set('status', v);
                else next.delete('status');
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
