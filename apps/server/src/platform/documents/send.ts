import type { FastifyReply } from 'fastify';
import { attachment } from '../http/content-disposition';
import { renderDocx } from './docx';
import type { ReportDocument } from './model';
import { renderPdf } from './pdf';
import { today } from '../clock';

// Every register that prints as a document is sent the same way: one helper, so the two formats
// are named alike and the routes only choose the format.

export const DOCUMENT_FORMATS = ['docx', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

const CONTENT_TYPES: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export async function sendDocument(reply: FastifyReply, format: DocumentFormat, doc: ReportDocument) {
  const bytes = format === 'docx' ? await renderDocx(doc) : await renderPdf(doc);
  // The name goes into a quoted header: anything but plain ASCII name characters becomes '-'.
  const filename = `${doc.fileName.replace(/[^A-Za-z0-9._-]+/g, '-')}-${today()}.${format}`;
  reply.header('content-disposition', attachment(filename));
  return reply.type(CONTENT_TYPES[format]).send(bytes);
}
