import fs from 'node:fs';
import path from 'node:path';
import { oneOf, parseCommand, positiveInt } from '../args';
import { connection } from '../config';
import { UsageError } from '../errors';
import { Api } from '../http';
import { println, type Io } from '../io';
import { resolveOrg } from '../org';

export const SOA_FORMATS = ['xlsx', 'docx', 'csv', 'pdf'] as const;

export const SOA_HELP = `Usage: fortytwo soa <command> [options]

The Statement of Applicability (ISO/IEC 42001 6.1.3): every Annex A and custom control, included
or excluded with its justification and implementation status.

Commands:
  export --format <f>    download the SoA as ${SOA_FORMATS.join(', ')}

Run "fortytwo soa <command> --help" for a command's options.
`;

const EXPORT_HELP = `Usage: fortytwo soa export --format ${SOA_FORMATS.join('|')} [--version <n>] [--out <file>] [--org <id>]

Downloads the Statement of Applicability and writes it to a file.

Options:
  --format <f>     ${SOA_FORMATS.join(', ')} (required)
  --version <n>    an approved version exactly as it was frozen (default: the SoA as it stands,
                   approved or the next draft, with its status written on it)
  --out <file>     where to write it (default: the name the server gives, in the current
                   directory)
  --org <id>       the organization (default: the one saved at login)
  -h, --help       show this help
`;

const KB = 1024;
const size = (n: number) =>
  n < KB ? `${n} bytes` : n < KB * KB ? `${(n / KB).toFixed(1)} KB` : `${(n / KB / KB).toFixed(1)} MB`;

async function exportSoa(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommand(
    {
      args: argv,
      options: {
        format: { type: 'string', short: 'f' },
        version: { type: 'string' },
        out: { type: 'string', short: 'o' },
        org: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
      strict: true,
    },
    'soa export',
  );
  if (values.help) return (io.stdout.write(EXPORT_HELP), 0);
  if (values.format === undefined)
    throw new UsageError(`--format is required (${SOA_FORMATS.join(', ')}).\n${EXPORT_HELP}`);
  const format = oneOf(values.format.toLowerCase(), SOA_FORMATS, '--format')!;
  const version = positiveInt(values.version, '--version');

  const conn = connection(io.env);
  const api = new Api(conn.url, conn.token);
  const orgId = await resolveOrg(api, conn, values.org);
  const file = await api.download(`/api/orgs/${encodeURIComponent(orgId)}/soa/export.${format}`, { version });
  const target = path.resolve(
    values.out ?? file.fileName ?? `statement-of-applicability${version ? `-v${version}` : ''}.${format}`,
  );
  try {
    fs.writeFileSync(target, file.bytes);
  } catch (err) {
    throw new UsageError(`Cannot write ${target}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  println(
    io.stdout,
    `Wrote the Statement of Applicability${version ? ` (version ${version})` : ''} as ${format.toUpperCase()} to ${target} (${size(file.bytes.length)}).`,
  );
  return 0;
}

export async function soa(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'export':
      return exportSoa(rest, io);
    case '--help':
    case '-h':
    case 'help':
      io.stdout.write(SOA_HELP);
      return 0;
    case undefined:
      io.stderr.write(SOA_HELP);
      return 2;
    default:
      throw new UsageError(`Unknown command "soa ${sub}".\nRun "fortytwo soa --help" for the commands.`);
  }
}
