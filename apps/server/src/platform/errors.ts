// Typed errors thrown by services and the platform; the HTTP edge maps them to a status once
// (http/error-handler.ts). Services never know about HTTP, so the CLI and jobs can reuse them.

export const ERROR_STATUS = {
  VALIDATION: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ALREADY_SET_UP: 409,
  STALE_VERSION: 409,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RULE_VIOLATION: 422,
  IMPORT_REJECTED: 422,
  SOA_NOT_READY: 422,
  NOT_READY: 422,
  ACKNOWLEDGEMENT_REQUIRED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} was not found`);
export const forbidden = (message = 'Your role in this organization does not allow this action') =>
  new AppError('FORBIDDEN', message);
export const staleVersion = (entity: string, current: unknown) =>
  new AppError(
    'STALE_VERSION',
    `This ${entity} was changed by someone else since you read it. Reload it and apply your change again.`,
    { current },
  );
export const ruleViolation = (message: string, details?: unknown) => new AppError('RULE_VIOLATION', message, details);
