import { loadDocumentTypes, type DocumentType } from '@fortytwo/catalog';
import { notFound } from '../../platform/errors';

// The shipped document types (packages/catalog/data/document-types), read and checked once, at
// the first use; a broken type file stops that request with the file and field named.

let cached: DocumentType[] | undefined;

export function documentTypes(): DocumentType[] {
  cached ??= loadDocumentTypes();
  return cached;
}

export function documentType(id: string): DocumentType {
  const t = documentTypes().find((x) => x.id === id);
  if (!t) throw notFound(`Document type "${id}"`);
  return t;
}
