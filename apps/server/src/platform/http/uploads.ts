import multipart from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { AppError } from '../errors';
import { errorHandler } from './error-handler';

// File uploads (multipart/form-data) live in their own encapsulated scope, so every other route
// keeps accepting JSON only. One file per request, in the field "file".

/** The multipart parser reads the file and leaves the body empty: the body schema documents the field for OpenAPI, nothing checks it. */
const bodyDocumentedOnly: FastifySchemaCompiler<z.ZodType> = (route) =>
  route.httpPart === 'body' ? () => true : validatorCompiler(route);

export type UploadOptions = { maxBytes: number; what: string };
/** `fields`: the request's text fields (a form sending metadata with the file), at most 4,000 characters each. */
export type UploadedFile = { name: string; mediaType: string; bytes: Buffer; fields: Record<string, string> };
/** Reads the one file of an upload request in this scope (see `uploadedFile`). */
export type ReadUpload = (req: FastifyRequest) => Promise<UploadedFile>;

const sizeLabel = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const tooLarge = (opts: UploadOptions) =>
  new AppError(
    'PAYLOAD_TOO_LARGE',
    `Upload one ${opts.what} of at most ${sizeLabel(opts.maxBytes)}, in the field "file". Nothing was changed.`,
  );
const oneFileOnly = (opts: UploadOptions) =>
  new AppError(
    'VALIDATION',
    `Send one ${opts.what} per request, in the field "file"; this request had more than one. Nothing was changed.`,
    { issues: [{ path: 'body.file', message: 'more than one file was sent' }] },
  );

export function uploadScope(
  fastify: FastifyInstance,
  opts: UploadOptions,
  routes: (scope: FastifyInstance, readUpload: ReadUpload) => void,
) {
  // Upload problems in the contract's error shape, in words about the file, not about the parser.
  const errors = (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    switch (err.code) {
      case 'FST_REQ_FILE_TOO_LARGE':
      case 'FST_PARTS_LIMIT':
      case 'FST_FIELDS_LIMIT':
        return errorHandler(tooLarge(opts), req, reply);
      case 'FST_FILES_LIMIT':
        return errorHandler(oneFileOnly(opts), req, reply);
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
        return errorHandler(
          new AppError('UNSUPPORTED_MEDIA_TYPE', `Send the ${opts.what} as multipart/form-data in the field "file".`),
          req,
          reply,
        );
      default:
        return errorHandler(err, req, reply);
    }
  };
  void fastify.register(async (scope) => {
    // Two files allowed by the parser so that a second one is seen and refused, not silently dropped.
    await scope.register(multipart, { limits: { files: 2, fileSize: opts.maxBytes, fields: 10, parts: 12 } });
    scope.setErrorHandler(errors);
    scope.setValidatorCompiler(bodyDocumentedOnly);
    routes(scope, (req) => uploadedFile(req, opts));
  });
}

/**
 * The one uploaded file of a request, read whole, or a 4xx that says what to send. The parser's
 * "too large" flag can be raised after it has handed over the last allowed chunk (when the next
 * byte arrives in a read of its own), so the flag is checked after reading, not only during it.
 */
async function uploadedFile(req: FastifyRequest, opts: UploadOptions): Promise<UploadedFile> {
  if (!req.isMultipart())
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Send the ${opts.what} as multipart/form-data in the field "file".`);
  let found: UploadedFile | undefined;
  let otherField: string | undefined;
  const fields: Record<string, string> = {};
  try {
    for await (const part of req.parts()) {
      if (part.type !== 'file') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value.slice(0, 4000);
        continue;
      }
      if (part.fieldname !== 'file') {
        otherField ??= part.fieldname;
        part.file.resume(); // drain it, so the request ends
        continue;
      }
      if (found) throw oneFileOnly(opts);
      const bytes = await part.toBuffer();
      if (part.file.truncated || bytes.length > opts.maxBytes) throw tooLarge(opts);
      found = { name: part.filename, mediaType: part.mimetype, bytes, fields };
    }
  } catch (err) {
    // The parser's own limits carry a code (mapped in uploadScope); its other errors, which carry
    // none ("Boundary not found", "Unexpected end of multipart data"), mean a broken request body.
    if (err instanceof AppError || (err as Partial<FastifyError>).code) throw err;
    throw new AppError(
      'VALIDATION',
      `The upload is not a complete multipart/form-data body. Send the ${opts.what} in the field "file". Nothing was changed.`,
      { issues: [{ path: 'body', message: err instanceof Error ? err.message : 'malformed multipart body' }] },
    );
  }
  if (!found) {
    throw new AppError('VALIDATION', `Send the ${opts.what} in the multipart field "file".`, {
      issues: [
        {
          path: 'body.file',
          message: otherField ? `expected the field "file", got "${otherField}"` : 'no file was sent',
        },
      ],
    });
  }
  return found;
}
