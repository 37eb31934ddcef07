import { AI_ROLES, AI_SYSTEM_STATUSES, LIFECYCLE_STAGES, RISK_TIERS } from '@fortytwo/domain';
import { oneOf, parseCommand, positiveInt } from '../args';
import type { AiSystem, Page, User } from '../api-types';
import { connection } from '../config';
import { Api } from '../http';
import { personOf, type WithPeople } from '../people';
import { println, type Io } from '../io';
import { resolveOrg } from '../org';
import { renderTable } from '../table';

export const LIST_HELP = `Usage: fortytwo ai-systems list [options]

Lists the organization's AI systems, sorted by name (every page, following nextCursor).

Options:
  --json                    print a JSON array of the full records instead of a table
  --org <id>                the organization (default: the one saved at login)
  --q <text>                only systems whose name, purpose or description contain the text
  --lifecycle-stage <s>     ${LIFECYCLE_STAGES.join(', ')}
  --risk-tier <t>           ${RISK_TIERS.join(', ')}
  --ai-role <r>             ${AI_ROLES.join(', ')}
  --status <s>              ${AI_SYSTEM_STATUSES.join(', ')}
  --tag <tag>               only systems with this tag
  --limit <n>               show at most n systems (default: all)
  --page-size <n>           systems fetched per request, 1-500 (default 500)
  -h, --help                show this help
`;

export async function listAiSystems(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommand(
    {
      args: argv,
      options: {
        json: { type: 'boolean' },
        org: { type: 'string' },
        q: { type: 'string' },
        'lifecycle-stage': { type: 'string' },
        'risk-tier': { type: 'string' },
        'ai-role': { type: 'string' },
        status: { type: 'string' },
        tag: { type: 'string' },
        limit: { type: 'string' },
        'page-size': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
      strict: true,
    },
    'ai-systems list',
  );
  if (values.help) {
    io.stdout.write(LIST_HELP);
    return 0;
  }
  const filter = {
    q: values.q,
    lifecycleStage: oneOf(values['lifecycle-stage'], LIFECYCLE_STAGES, '--lifecycle-stage'),
    riskTier: oneOf(values['risk-tier'], RISK_TIERS, '--risk-tier'),
    aiRole: oneOf(values['ai-role'], AI_ROLES, '--ai-role'),
    status: oneOf(values.status, AI_SYSTEM_STATUSES, '--status'),
    tag: values.tag,
  };
  const limit = positiveInt(values.limit, '--limit');
  const pageSize = positiveInt(values['page-size'], '--page-size', 500) ?? 500;

  const conn = connection(io.env);
  const api = new Api(conn.url, conn.token);
  const orgId = await resolveOrg(api, conn, values.org);
  // Each record printed with its owner beside `ownerId`, as the full record reads.
  const items: (AiSystem & { owner: User | null })[] = [];
  let cursor: string | undefined;
  let total: number | undefined;
  do {
    const want = limit === undefined ? pageSize : Math.min(pageSize, limit - items.length);
    const page = await api.get<Page<AiSystem> & WithPeople>(`/api/orgs/${encodeURIComponent(orgId)}/ai-systems`, {
      ...filter,
      sort: 'name',
      order: 'asc',
      limit: want,
      cursor,
    });
    items.push(...page.items.map((s) => ({ ...s, owner: personOf(page.people, s.ownerId) })));
    total ??= page.total;
    cursor = page.nextCursor ?? undefined;
  } while (cursor && (limit === undefined || items.length < limit));

  if (values.json) {
    println(io.stdout, JSON.stringify(items, null, 2));
    return 0;
  }
  if (items.length === 0) {
    println(io.stdout, 'No AI systems found.');
    return 0;
  }
  const rows = items.map((s) => [s.name, s.lifecycleStage, s.aiRoles.join(', '), s.riskTier, s.owner?.email ?? '-']);
  println(io.stdout, renderTable(['NAME', 'LIFECYCLE STAGE', 'AI ROLES', 'RISK TIER', 'OWNER'], rows));
  const shown = total !== undefined && total > items.length ? `${items.length} of ${total}` : `${items.length}`;
  println(io.stdout, `\n${shown} AI system${items.length === 1 && shown === '1' ? '' : 's'}`);
  return 0;
}
