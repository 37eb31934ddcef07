import fs from 'node:fs';
import { RELEASE_FLAG_LABELS, VV_DECISIONS, ZCreateRelease, type ReleaseFlag } from '@fortytwo/domain';
import { oneOf, parseCommand } from '../args';
import { connection } from '../config';
import { ApiError, UsageError } from '../errors';
import { Api } from '../http';
import { println, type Io } from '../io';
import { resolveOrg } from '../org';

export const RELEASE_HELP = `Usage: fortytwo ai-systems release <command> [options]

Releases of an AI system (ISO/IEC 42001 A.6.2.4, A.6.2.5): what changed, the model and data
versions, and the verification and validation results. A CI job records a release with an API
token of scope "releases", which can record releases and nothing else.

Commands:
  add <system-id>   record a release, with its test results (--results)

Run "fortytwo ai-systems release add --help" for its options.
`;

const ADD_HELP = `Usage: fortytwo ai-systems release add <system-id> --version <v> [options]

Records one release of an AI system. With --results, it carries its verification and validation:
the tests against acceptance criteria (performance, fairness, robustness, security), their results,
and the decision to deploy and by whom.

Arguments:
  <system-id>             the AI system's id (shown on its page and by "fortytwo ai-systems list --json")

Options:
  --version <v>           the release's version, such as 2.1.0 (required; unique per system)
  --date <day>            the release date, such as 2027-03-31 (default: today, UTC)
  --what-changed <text>   what changed in this release
  --model-version <v>     the model's version or run id
  --data-version <v>      the training data's version
  --approved-by <name>    who approved the release
  --results <file>        a JSON file of test results: a list of
                          { "area": "performance", "criterion": "AUC >= 0.80", "result": "0.83", "passed": true }
                          or an object { "tests": [...], "decision": ..., "decisionNote": ... }
  --decision <d>          the decision to deploy: ${VV_DECISIONS.join(', ')} (required with --results,
                          unless the file has one)
  --decided-by <name>     who decided (required with --results, unless the file names decidedByName)
  --org <id>              the organization (default: FORTYTWO_ORG, or the one saved at login; a releases
                          token cannot list organizations, so give it one of these)
  --json                  print the server's answer
  -h, --help              show this help

Exit codes: 0 recorded, 1 refused by the server (such as a version already recorded: 409), 2 usage.
`;

type Recorded = {
  releaseVersion: string;
  releasedOn: string;
  verification: { tests: { passed: boolean }[]; decision: string; problems: string[] } | null;
  flags: ReleaseFlag[];
};

function readResults(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(
      `Cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${file} is not JSON: ${(err as Error).message}`);
  }
  if (Array.isArray(parsed)) return { tests: parsed };
  if (parsed && typeof parsed === 'object') return parsed as Record<string, unknown>;
  throw new UsageError(`${file} must hold a list of tests or an object with "tests"`);
}

async function add(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(
    {
      args: argv,
      options: {
        version: { type: 'string' },
        date: { type: 'string' },
        'what-changed': { type: 'string' },
        'model-version': { type: 'string' },
        'data-version': { type: 'string' },
        'approved-by': { type: 'string' },
        results: { type: 'string' },
        decision: { type: 'string' },
        'decided-by': { type: 'string' },
        org: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    },
    'ai-systems release add',
  );
  if (values.help) return (io.stdout.write(ADD_HELP), 0);
  if (positionals.length !== 1)
    throw new UsageError(`Name one AI system by its id.\nRun "fortytwo ai-systems release add --help" for usage.`);
  if (values.version === undefined)
    throw new UsageError('--version is required: the release’s version, such as --version 2.1.0');
  const decision = oneOf(values.decision, VV_DECISIONS, '--decision');
  const releasedOn = values.date ?? new Date().toISOString().slice(0, 10);

  let verification: Record<string, unknown> | undefined;
  if (values.results !== undefined) {
    const fromFile = readResults(values.results);
    verification = {
      decidedOn: releasedOn,
      ...fromFile,
      ...(decision ? { decision } : {}),
      ...(values['decided-by'] !== undefined ? { decidedByName: values['decided-by'] } : {}),
    };
    if (!verification.decision)
      throw new UsageError(`--decision is required with --results: one of ${VV_DECISIONS.join(', ')}`);
    if (!verification.decidedByName && !verification.decidedById)
      throw new UsageError('--decided-by is required with --results: who decided to deploy');
  } else if (decision || values['decided-by'] !== undefined) {
    throw new UsageError('--decision and --decided-by go with --results (the tests they decide on)');
  }

  const body = {
    version: values.version,
    releasedOn,
    ...(values['what-changed'] !== undefined ? { whatChanged: values['what-changed'] } : {}),
    ...(values['model-version'] !== undefined ? { modelVersion: values['model-version'] } : {}),
    ...(values['data-version'] !== undefined ? { dataVersion: values['data-version'] } : {}),
    ...(values['approved-by'] !== undefined ? { approvedByName: values['approved-by'] } : {}),
    ...(verification ? { verification } : {}),
  };
  // What needs no server first: a broken results file fails fast, offline, saying what to fix.
  const checked = ZCreateRelease.safeParse(body);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    throw new UsageError(`${where}${issue.message}`);
  }

  const conn = connection(io.env);
  const api = new Api(conn.url, conn.token);
  let orgId: string;
  try {
    orgId = await resolveOrg(api, conn, values.org);
  } catch (err) {
    if (err instanceof ApiError && err.status === 403)
      throw new UsageError(
        'This token cannot list your organizations (a releases token): pass --org <id> or set FORTYTWO_ORG.',
      );
    throw err;
  }
  const r = await api.request<Recorded>(
    'POST',
    `/api/orgs/${encodeURIComponent(orgId)}/ai-systems/${encodeURIComponent(positionals[0]!)}/releases`,
    {},
    body,
  );
  if (values.json) return (println(io.stdout, JSON.stringify(r, null, 2)), 0);
  const v = r.verification;
  const tests = v
    ? ` with ${v.tests.length} test${v.tests.length === 1 ? '' : 's'} (${v.tests.filter((t) => t.passed).length} passed), decision: ${v.decision}`
    : ' without verification and validation results';
  println(io.stdout, `Recorded release ${r.releaseVersion} of ${r.releasedOn}${tests}.`);
  for (const p of v?.problems ?? []) println(io.stdout, `Note: ${p}.`);
  for (const f of r.flags.filter((x) => x !== 'verification_gaps'))
    println(io.stdout, `Flag: ${RELEASE_FLAG_LABELS[f]}.`);
  return 0;
}

export async function release(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'add':
      return add(rest, io);
    case '--help':
    case '-h':
    case 'help':
      io.stdout.write(RELEASE_HELP);
      return 0;
    case undefined:
      io.stderr.write(RELEASE_HELP);
      return 2;
    default:
      throw new UsageError(
        `Unknown command "ai-systems release ${sub}".\nRun "fortytwo ai-systems release --help" for the commands.`,
      );
  }
}
