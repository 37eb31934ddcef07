import { parseCommand } from '../args';
import { connection } from '../config';
import { EXIT, UsageError } from '../errors';
import { Api } from '../http';
import { println, type Io } from '../io';
import { resolveOrg } from '../org';

export const READINESS_HELP = `Usage: fortytwo readiness [--stage 1|2] [--json] [--org <id>]

The certification readiness check: the organization's live data read as a stage-1 (or stage-2)
certification auditor would. Prints the verdict, then each finding (blocking first) with the record
it names and where to fix it. Exits 3 while the verdict is "not ready" (a blocking finding, or a
blocking rule without data), so it can gate a pipeline; 0 when ready or ready with concerns.

Options:
  --stage <1|2>     the audit stage to check for (default 1; 2 adds operation over time)
  --json            print the server's answer as JSON (the exit code still follows the verdict)
  --all             also list the rules that passed
  --org <id>        the organization (default: FORTYTWO_ORG, or the one saved at login)
  -h, --help        show this help
`;

type Finding = {
  id: string;
  ref: string;
  title: string;
  grade: 'blocking' | 'concern' | 'note';
  status: 'passed' | 'failed' | 'lacks_data';
  reasons: { message: string; href: string }[];
};
type Readiness = {
  stage: 1 | 2;
  verdict: 'ready' | 'ready_with_concerns' | 'not_ready';
  summary: string;
  counts: { passed: number; blocking: number; concern: number; note: number; lacksData: number };
  findings: Finding[];
};

const VERDICT = { ready: 'READY', ready_with_concerns: 'READY WITH CONCERNS', not_ready: 'NOT READY' } as const;
const GRADE = { blocking: 'BLOCKING', concern: 'concern', note: 'note' } as const;

export async function readiness(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(
    {
      args: argv,
      options: {
        stage: { type: 'string' },
        json: { type: 'boolean' },
        all: { type: 'boolean' },
        org: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    },
    'readiness',
  );
  if (values.help) return (io.stdout.write(READINESS_HELP), EXIT.ok);
  if (positionals.length)
    throw new UsageError(`readiness takes no arguments, not "${positionals[0]}"\n${READINESS_HELP}`);
  const stage = values.stage ?? '1';
  if (stage !== '1' && stage !== '2') throw new UsageError(`--stage must be 1 or 2, not "${stage}"`);

  const conn = connection(io.env);
  const api = new Api(conn.url, conn.token);
  const orgId = await resolveOrg(api, conn, values.org);
  const r = await api.request<Readiness>('GET', `/api/orgs/${encodeURIComponent(orgId)}/readiness`, { stage });
  const code = r.verdict === 'not_ready' ? EXIT.failed : EXIT.ok;
  if (values.json) return (println(io.stdout, JSON.stringify(r, null, 2)), code);

  println(io.stdout, `${VERDICT[r.verdict]} for stage ${r.stage}: ${r.summary}`);
  println(
    io.stdout,
    `${r.counts.blocking} blocking, ${r.counts.concern} concerns, ${r.counts.note} notes, ${r.counts.passed} passed (${r.counts.lacksData} lack data)`,
  );
  const base = `${conn.url}/orgs/${orgId}`;
  for (const f of r.findings) {
    if (f.status === 'passed' && !values.all) continue;
    const status = f.status === 'passed' ? 'passed' : f.status === 'lacks_data' ? 'lacks data' : 'failed';
    println(io.stdout, '');
    println(io.stdout, `[${f.status === 'passed' ? 'ok' : GRADE[f.grade]}] ${f.ref}  ${f.title} (${status}; ${f.id})`);
    for (const reason of f.reasons) println(io.stdout, `    - ${reason.message}\n      fix: ${base}${reason.href}`);
  }
  return code;
}
