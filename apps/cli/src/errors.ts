/** Exit codes: 0 ok, 1 an error from the server or the network, 2 a usage or input error, 3 a check that ran and failed (docs verify). */
export const EXIT = { ok: 0, server: 1, usage: 2, failed: 3 } as const;

/** An error the CLI reports as one message on stderr, then exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Bad arguments, a bad file, a missing login: the user can fix it locally. Exit 2. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT.usage);
    this.name = 'UsageError';
  }
}

/** The server refused the request, or could not be reached. Exit 1. */
export class ApiError extends CliError {
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string | null,
    readonly details?: unknown,
  ) {
    super(message, EXIT.server);
    this.name = 'ApiError';
  }
}
