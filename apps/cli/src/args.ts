import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors';

type Parsed<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>;

/** node:util parseArgs, with its errors turned into usage errors that point at the command's help. */
export function parseCommand<T extends ParseArgsConfig>(config: T, command: string): Parsed<T> {
  try {
    return parseArgs(config);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError(`${(err as Error).message}\nRun "fortytwo ${command} --help" for usage.`);
    }
    throw err;
  }
}

export function positiveInt(
  value: string | undefined,
  option: string,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1 || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? 'of at least 1' : `from 1 to ${max}`;
    throw new UsageError(`${option} must be a whole number ${range}, not "${value}"`);
  }
  return n;
}

export function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  option: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`${option} must be one of: ${allowed.join(', ')} (not "${value}")`);
  return value as T;
}
