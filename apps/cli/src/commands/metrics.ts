import { normalizeMeasuredAt } from '@fortytwo/domain';
import { parseCommand } from '../args';
import { connection } from '../config';
import { ApiError, UsageError } from '../errors';
import { Api } from '../http';
import { println, type Io } from '../io';
import { resolveOrg } from '../org';

export const METRICS_HELP = `Usage: fortytwo metrics <command> [options]

Monitoring and measurement (ISO/IEC 42001 9.1): the metrics of the organization and their
measurements. A monitoring pipeline pushes values with an API token of scope "measurements",
which can record measurements and nothing else.

Commands:
  push <metric> <value>  record a measurement of a metric (its ref such as M-3, or its id)

Run "fortytwo metrics <command> --help" for a command's options.
`;

const PUSH_HELP = `Usage: fortytwo metrics push <metric> <value> [--at <time>] [--note <text>] [--key <text>] [--org <id>]

Records one measurement. Outside the metric's thresholds, it opens a breach episode and its
action for the metric's owner (once per episode, however many values follow out of bounds).

Arguments:
  <metric>          the metric's ref (M-3) or id
  <value>           a number, with a dot for decimals (0.93); put -- before a negative one:
                    fortytwo metrics push M-3 -- -0.5

Options:
  --at <time>       when it was measured: 2027-03-31 or 2027-03-31T09:00:00Z (default: now)
  --note <text>     a note kept with the measurement
  --key <text>      an idempotency key unique to this measurement (a pipeline run id): pushed
                    again with the same key, or with the same --at and value, it counts once
  --org <id>        the organization (default: FORTYTWO_ORG, or the one saved at login; a
                    measurements token cannot list organizations, so give it one of these)
  -h, --help        show this help

Prints the measurement and whether it opened or ended a breach; --json prints the server's answer.
`;

type Recorded = {
  measurement: { at: string; value: number; state: string };
  breach: 'open' | 'close' | 'none';
  metric: { ref: string; name: string; unit: string };
  duplicate?: boolean;
};

async function push(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(
    {
      args: argv,
      options: {
        at: { type: 'string' },
        note: { type: 'string' },
        key: { type: 'string' },
        org: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
      allowNegative: false,
    },
    'metrics push',
  );
  if (values.help) return (io.stdout.write(PUSH_HELP), 0);
  if (positionals.length !== 2)
    throw new UsageError(
      `metrics push takes a metric and a value, such as: fortytwo metrics push M-3 0.93\n${PUSH_HELP}`,
    );
  const [metric, raw] = positionals as [string, string];
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value))
    throw new UsageError(`<value> must be a number with a dot for decimals, such as 0.93, not "${raw}"`);
  if (values.at !== undefined && !normalizeMeasuredAt(values.at))
    throw new UsageError(
      `--at must be a date or a time such as 2027-03-31 or 2027-03-31T09:00:00Z, not "${values.at}"`,
    );

  const conn = connection(io.env);
  const api = new Api(conn.url, conn.token);
  let orgId: string;
  try {
    orgId = await resolveOrg(api, conn, values.org);
  } catch (err) {
    if (err instanceof ApiError && err.status === 403)
      throw new UsageError(
        'This token cannot list your organizations (a measurements token): pass --org <id> or set FORTYTWO_ORG.',
      );
    throw err;
  }
  const body = {
    value,
    ...(values.at !== undefined ? { at: values.at } : {}),
    ...(values.note !== undefined ? { note: values.note } : {}),
    ...(values.key !== undefined ? { idempotencyKey: values.key } : {}),
  };
  const r = await api.request<Recorded>(
    'POST',
    `/api/orgs/${encodeURIComponent(orgId)}/metrics/${encodeURIComponent(metric)}/measurements`,
    {},
    body,
  );
  if (values.json) return (println(io.stdout, JSON.stringify(r, null, 2)), 0);
  const unit = r.metric.unit ? ` ${r.metric.unit}` : '';
  if (r.duplicate) {
    println(
      io.stdout,
      `Already recorded: ${r.metric.ref} ${r.metric.name} has ${r.measurement.value}${unit} at ${r.measurement.at}; nothing was added.`,
    );
    return 0;
  }
  println(
    io.stdout,
    `Recorded ${r.measurement.value}${unit} for ${r.metric.ref} ${r.metric.name} at ${r.measurement.at} (${r.measurement.state} the thresholds).`,
  );
  if (r.breach === 'open')
    println(io.stdout, `Out of threshold: a breach was opened, with an action for the metric's owner.`);
  if (r.breach === 'close') println(io.stdout, 'Back within the thresholds: the open breach has ended.');
  return 0;
}

export async function metrics(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'push':
      return push(rest, io);
    case '--help':
    case '-h':
    case 'help':
      io.stdout.write(METRICS_HELP);
      return 0;
    case undefined:
      io.stderr.write(METRICS_HELP);
      return 2;
    default:
      throw new UsageError(`Unknown command "metrics ${sub}".\nRun "fortytwo metrics --help" for the commands.`);
  }
}
