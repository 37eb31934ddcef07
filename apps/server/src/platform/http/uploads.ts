import multipart from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { AppError } from '../errors';
import { errorHandler } from './error-handler';

// File uploads (multipart/form-data) live in their own encapsulated scope, so every other route
// keeps accepting JSON only. One file per request, in the field "file".

/** The multipart parser reads the file and leaves the body empty: the body schema documents the field for OpenAPI, nothing checks it. */
const bodyDocumentedOnly: FastifySchemaCompiler<z.ZodType> = (route) => (route.httpPart === 'body' ? () => true : validatorCompiler(route));

export type UploadOptions = { maxBytes: number; what: string };

export function uploadScope(fastify: FastifyInstance, opts: UploadOptions, routes: (scope: FastifyInstance) => void) {
  const mb = `${Math.round(opts.maxBytes / 1024 / 1024)} MB`;
  // Upload problems in the contract's error shape, in words about the file, not about the parser.
  const errors = (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    switch (err.code) {
      case 'FST_REQ_FILE_TOO_LARGE':
      case 'FST_PARTS_LIMIT':
      case 'FST_FILES_LIMIT':
      case 'FST_FIELDS_LIMIT':
        return errorHandler(new AppError('PAYLOAD_TOO_LARGE', `Upload one ${opts.what} of at most ${mb}, in the field "file". Nothing was changed.`), req, reply);
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
        return errorHandler(new AppError('UNSUPPORTED_MEDIA_TYPE', `Send the ${opts.what} as multipart/form-data in the field "file".`), req, reply);
      default:
        return errorHandler(err, req, reply);
    }
  };
  void fastify.register(async (scope) => {
    await scope.register(multipart, { limits: { files: 1, fileSize: opts.maxBytes, fields: 10, parts: 11 } });
    scope.setErrorHandler(errors);
    scope.setValidatorCompiler(bodyDocumentedOnly);
    routes(scope);
  });
}

/** The one uploaded file of a request, or a 4xx that says what to send. */
export async function uploadedFile(req: FastifyRequest, what: string): Promise<{ name: string; mediaType: string; bytes: Buffer }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Send the ${what} as multipart/form-data in the field "file".`);
  const file = await req.file();
  if (!file || file.fieldname !== 'file') {
    throw new AppError('VALIDATION', `Send the ${what} in the multipart field "file".`, { issues: [{ path: 'body.file', message: file ? `expected the field "file", got "${file.fieldname}"` : 'no file was sent' }] });
  }
  return { name: file.filename, mediaType: file.mimetype, bytes: await file.toBuffer() };
}
