import type { DocumentFormat } from '../../platform/documents/send';
import type { ReportDocument } from '../../platform/documents/model';
import { notFound } from '../../platform/errors';
import type { FileStore } from '../../platform/files';
import type { Deps } from '../../platform/transaction';
import { renderVersion } from './render';
import { findDocument, findVersion } from './repository';
import { documentType } from './types';

// A version's file: once approved (or published), the stored bytes whose SHA-256 the approval
// names, never a new rendering; before that, a rendering marked with its state on every page.

const MEDIA: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export type VersionFile =
  | { kind: 'stored'; bytes: Buffer; sha256: string; mediaType: string; fileName: string }
  | { kind: 'rendered'; report: ReportDocument };

export async function downloadVersion(
  deps: Deps,
  store: FileStore,
  orgId: string,
  documentId: string,
  versionId: string,
  format: DocumentFormat,
): Promise<VersionFile> {
  const d = await findDocument(deps.db, orgId, documentId);
  const v = await findVersion(deps.db, orgId, documentId, versionId);
  if (!d || !v) throw notFound('Document version');
  const sha256 = format === 'docx' ? v.docxSha256 : v.pdfSha256;
  if (sha256) {
    const row = await deps.db
      .selectFrom('files')
      .select('name')
      .where('orgId', '=', orgId)
      .where('entityType', '=', 'document_version')
      .where('entityId', '=', versionId)
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    return {
      kind: 'stored',
      bytes: await store.read(sha256),
      sha256,
      mediaType: MEDIA[format],
      fileName: row?.name ?? `document.${format}`,
    };
  }
  return { kind: 'rendered', report: (await renderVersion(deps, orgId, d, v, documentType(d.typeId))).report };
}
