import { ApiError } from './errors';

type Query = Record<string, string | number | undefined>;
type ErrorBody = { error: { code: string; message: string; details?: unknown } };

const TIMEOUT_MS = 120_000;

const isErrorBody = (v: unknown): v is ErrorBody =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as ErrorBody).error === 'object' &&
  typeof (v as ErrorBody).error?.message === 'string';

const HINTS: Record<string, string> = {
  UNAUTHENTICATED:
    'Check the token (create a new one under "API tokens" in the web app), then run "fortytwo login" again.',
  NOT_FOUND: 'Check the id; a resource of an organization you do not belong to also answers "not found".',
  FORBIDDEN: 'Ask an owner or manager of the organization for a role that allows it.',
};

/** A value of an error answer as text, whatever its JSON type. */
export const asText = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v);

/** One line per validation issue the server reported, if any. */
export function issueLines(details: unknown): string[] {
  const issues = (details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.map((i: { path?: unknown; message?: unknown }) => `  ${asText(i.path)}: ${asText(i.message)}`);
}

/** The file name of a Content-Disposition header (filename*=UTF-8'' first, then filename=), without any directory part. */
export function fileNameOf(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  let name: string | null = null;
  if (star?.[1]) {
    try {
      name = decodeURIComponent(star[1].trim());
    } catch {
      name = null;
    }
  }
  name ??= /filename\s*=\s*"([^"]*)"/.exec(header)?.[1] ?? /filename\s*=\s*([^;\s]+)/.exec(header)?.[1] ?? null;
  const base = name?.split(/[\\/]/).pop()?.trim();
  return base && base !== '.' && base !== '..' ? base : null;
}

function describeNetworkError(err: unknown): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))
    return `no answer within ${TIMEOUT_MS / 1000} seconds`;
  const cause = err instanceof Error ? (err.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}

/** A client of the Fortytwo HTTP API with a bearer token; every failure becomes an ApiError. */
export class Api {
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  get<T>(path: string, query: Query = {}): Promise<T> {
    return this.request<T>('GET', path, query);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('POST', path, {}, body);
  }

  /** A file download: the bytes, and the name and type the server gave them. Errors as for JSON requests. */
  async download(
    path: string,
    query: Query = {},
  ): Promise<{ bytes: Buffer; fileName: string | null; contentType: string | null }> {
    const res = await this.send('GET', path, query, undefined, '*/*');
    if (!res.ok) await this.fail('GET', path, res);
    return {
      bytes: Buffer.from(await res.arrayBuffer()),
      fileName: fileNameOf(res.headers.get('content-disposition')),
      contentType: res.headers.get('content-type'),
    };
  }

  /** A multipart upload: one file in the field "file" and text fields; answers the JSON body. */
  async upload<T>(
    path: string,
    file: { name: string; bytes: Buffer },
    fields: Record<string, string | undefined> = {},
  ): Promise<T> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== '') form.append(k, v);
    form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
    const res = await this.send('POST', path, {}, form, 'application/json');
    if (!res.ok) await this.fail('POST', path, res);
    return (await res.json()) as T;
  }

  private async send(method: string, path: string, query: Query, body: unknown, accept: string): Promise<Response> {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}`, accept };
    const form = body instanceof FormData;
    if (body !== undefined && !form) headers['content-type'] = 'application/json';
    try {
      return await fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : form ? body : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      throw new ApiError(
        `Cannot reach ${this.baseUrl}: ${describeNetworkError(err)}. Is the server running, and is the URL right?`,
        null,
        null,
      );
    }
  }

  private async fail(method: string, path: string, res: Response): Promise<never> {
    const text = await res.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (isErrorBody(parsed)) {
      const { code, message, details } = parsed.error;
      const lines = [`${message} (HTTP ${res.status} ${code})`, ...issueLines(details)];
      if (HINTS[code]) lines.push(`  ${HINTS[code]}`);
      throw new ApiError(lines.join('\n'), res.status, code, details);
    }
    throw new ApiError(
      `${method} ${path} answered HTTP ${res.status} ${res.statusText}. Is ${this.baseUrl} a Fortytwo server?`,
      res.status,
      null,
    );
  }

  async request<T>(method: string, path: string, query: Query = {}, body?: unknown): Promise<T> {
    const res = await this.send(method, path, query, body, 'application/json');
    if (!res.ok) await this.fail(method, path, res);
    const text = await res.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (res.status === 204) return undefined as T;
    if (parsed === undefined)
      throw new ApiError(
        `${method} ${path} did not answer JSON. Is ${this.baseUrl} a Fortytwo server?`,
        res.status,
        null,
      );
    return parsed as T;
  }
}
