import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isUniqueViolation } from '../db/unique-violation';
import { AppError, ERROR_STATUS, type ErrorCode } from '../errors';
import { setSecurityHeaders } from './security-headers';
import { ResponseContractError } from './serialize';
import { type Issue, labelledIssue, type RawIssue, summary } from './validation-messages';

function send(reply: FastifyReply, code: ErrorCode, message: string, details?: unknown) {
  return reply
    .code(ERROR_STATUS[code])
    .send({ error: { code, message, ...(details === undefined ? {} : { details }) } });
}

/** The refused fields, each message naming its field by the form's label (validation-messages.ts). */
function validationIssues(err: { validation: RawIssue[]; validationContext?: string }, req: FastifyRequest): Issue[] {
  const where = err.validationContext ?? 'body';
  const schema = (req.routeOptions.schema as Record<string, unknown> | undefined)?.[where];
  const input = where === 'body' ? req.body : where === 'querystring' ? req.query : req.params;
  return err.validation.map((v) => labelledIssue(schema, where, v, input));
}

// The one place where errors become HTTP answers. Unknown errors become a generic 500 without internals.
export function errorHandler(err: FastifyError | AppError | Error, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) return send(reply, err.code, err.message, err.details);
  // Only under NODE_ENV=test: the message names the route and the field, for the failing test to show.
  if (err instanceof ResponseContractError) {
    req.log.error({ err }, 'answer breaks its response schema');
    return send(reply, 'INTERNAL', err.message);
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = validationIssues(err, req);
    return send(reply, 'VALIDATION', summary(issues), { issues });
  }
  const fe = err as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return send(reply, 'MALFORMED_JSON', 'The request body is not valid JSON. Check quotes, commas and brackets.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return send(reply, 'MALFORMED_JSON', 'The request says it is JSON but the body is empty. Send {} for no fields.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return send(reply, 'PAYLOAD_TOO_LARGE', 'The request body is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return send(reply, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
    default:
  }
  if (isUniqueViolation(err)) {
    req.log.warn({ err }, 'unique constraint hit by concurrent writes');
    return send(
      reply,
      'CONFLICT',
      'Someone else saved the same record at the same moment, so nothing was changed. Reload and try again.',
    );
  }
  if (err instanceof SyntaxError && fe.statusCode === 400)
    return send(reply, 'MALFORMED_JSON', 'The request body is not valid JSON.');
  if (fe.statusCode === 413) return send(reply, 'PAYLOAD_TOO_LARGE', 'The request body is too large.');
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return send(reply, 'VALIDATION', fe.message);
  req.log.error({ err }, 'unhandled error');
  return send(reply, 'INTERNAL', 'Something went wrong on the server. The error has been logged.');
}

/**
 * Fastify's `frameworkErrors`: problems found while routing, before any hook runs (so neither the
 * error handler nor the onSend hook that sets the security headers would see them).
 */
export function frameworkErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  setSecurityHeaders(req, reply);
  switch (err.code) {
    case 'FST_ERR_BAD_URL':
      void send(
        reply,
        'VALIDATION',
        'The address has a malformed percent-encoding (a % not followed by valid UTF-8 bytes). Encode ids and parameters with encodeURIComponent.',
      );
      return;
    case 'FST_ERR_MAX_PARAM_LENGTH':
      void send(
        reply,
        'VALIDATION',
        'A part of the address is longer than 100 characters, longer than any id. Check the address.',
      );
      return;
    default:
      void errorHandler(err, req, reply);
  }
}
