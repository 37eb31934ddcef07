import { parseCommand } from '../args';
import type { Me } from '../api-types';
import { normalizeUrl, readConfig, writeConfig } from '../config';
import { UsageError } from '../errors';
import { Api } from '../http';
import { println, type Io } from '../io';

export const LOGIN_HELP = `Usage: fortytwo login --url <server> --token <token> [--org <id>]

Checks the API token against the server (GET /api/me), then saves the server, the token and the
default organization in the configuration file (mode 0600):
  $FORTYTWO_CONFIG, or ~/.config/fortytwo/config.json

Options:
  --url <url>     the Fortytwo server, e.g. http://localhost:4242 (default: the saved one)
  --token <tok>   a personal API token (ft_...), created under "API tokens" in the web app;
                  FORTYTWO_TOKEN is read when --token is not given
  --org <id>      the default organization for later commands (needed when you belong to
                  several; with exactly one, it is chosen for you)
  -h, --help      show this help
`;

const isLocal = (url: string) => ['localhost', '127.0.0.1', '[::1]'].includes(new URL(url).hostname);

export async function login(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommand(
    {
      args: argv,
      options: {
        url: { type: 'string' },
        token: { type: 'string' },
        org: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
      strict: true,
    },
    'login',
  );
  if (values.help) {
    io.stdout.write(LOGIN_HELP);
    return 0;
  }
  const rawUrl = values.url ?? io.env.FORTYTWO_URL ?? readConfig(io.env)?.url;
  if (!rawUrl)
    throw new UsageError('--url is required, e.g. --url http://localhost:4242\nRun "fortytwo login --help" for usage.');
  const token = values.token ?? io.env.FORTYTWO_TOKEN;
  if (!token)
    throw new UsageError(
      '--token is required: create one under "API tokens" in the web app.\nRun "fortytwo login --help" for usage.',
    );
  const url = normalizeUrl(rawUrl);
  if (url.startsWith('http:') && !isLocal(url))
    println(io.stderr, `warning: ${url} is plain http: the token crosses the network unencrypted. Prefer https.`);

  const me = await new Api(url, token).get<Me>('/api/me');
  let orgId: string | undefined;
  if (values.org !== undefined) {
    if (!me.memberships.some((m) => m.organization.id === values.org)) {
      const known = me.memberships.map((m) => `  ${m.organization.id}  ${m.organization.name}`).join('\n');
      throw new UsageError(
        `${me.user.email} is not a member of organization ${values.org}. Your organizations:\n${known || '  (none)'}`,
      );
    }
    orgId = values.org;
  } else if (me.memberships.length === 1) {
    orgId = me.memberships[0]!.organization.id;
  }
  const file = writeConfig(io.env, { url, token, orgId });

  println(io.stdout, `Logged in to ${url} as ${me.user.name} <${me.user.email}>.`);
  if (me.memberships.length === 0) println(io.stdout, 'You belong to no organization yet.');
  else {
    println(io.stdout, 'Organizations:');
    for (const m of me.memberships) {
      println(
        io.stdout,
        `  ${m.organization.id === orgId ? '*' : ' '} ${m.organization.id}  ${m.organization.name} (${m.role})`,
      );
    }
    if (orgId)
      println(
        io.stdout,
        `Default organization: ${me.memberships.find((m) => m.organization.id === orgId)!.organization.name} (marked *).`,
      );
    else
      println(
        io.stdout,
        'No default organization: pass --org <id> to each command, or run "fortytwo login --org <id>" again.',
      );
  }
  println(io.stdout, `Saved to ${file}.`);
  return 0;
}
