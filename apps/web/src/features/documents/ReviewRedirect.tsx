import { Navigate, useParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import { documentHref, useDocuments } from './api';

/** A review task names the version it is about: open its document at that version. */
export function ReviewRedirect() {
  const { orgId } = useOrg();
  const { versionId = '' } = useParams();
  const docs = useDocuments(orgId);
  if (docs.isPending) return <Loading />;
  if (docs.isError) return <ErrorAlert error={docs.error} onRetry={() => void docs.refetch()} />;
  const doc = docs.data.find((d) => d.latest.id === versionId || d.inForce?.id === versionId);
  if (!doc)
    return (
      <PageHeader
        title="This review is no longer open"
        description="The version was changed since the task was made. Open the document from the Documents page."
      />
    );
  return <Navigate to={documentHref(orgId, doc.id, versionId)} replace />;
}
