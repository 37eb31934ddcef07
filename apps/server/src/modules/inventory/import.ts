import { z } from 'zod';
import { ZCreateAiSystem, type TAiSystemFields } from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Tx } from '../../platform/db/connect';
import { AppError, ruleViolation } from '../../platform/errors';
import { inTransaction, type Deps } from '../../platform/transaction';
import { createAiSystemInTx, MAX_BULK_ITEMS, updateAiSystemInTx } from './service';
import { selectAiSystems, toAiSystem } from './repository';
import type { TAiSystem } from './schema';

// Importing the inventory (CLI and web): a row with the id of one of this organization's AI systems,
// or else with the name of exactly one, updates it; any other row creates a system. So an export
// imported back changes what changed and duplicates nothing. The plan is computed the same way for a
// dry run and for the import, which applies it all or nothing.

export const ZImportItem = ZCreateAiSystem.extend({
  id: z
    .string()
    .trim()
    .max(64)
    .nullable()
    .optional()
    .describe('an AI system of this organization to update; otherwise the name is matched'),
});
export const ZImportBody = z.strictObject({
  items: z
    .array(ZImportItem)
    .min(1, 'The file has no AI systems to import')
    .max(MAX_BULK_ITEMS, `Import at most ${MAX_BULK_ITEMS} AI systems at once`),
  dryRun: z.boolean().default(false),
});
const ROW_ACTIONS = ['create', 'update', 'unchanged'] as const;
export const ZImportPlan = z.object({
  dryRun: z.boolean(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rows: z.array(
    z.object({
      row: z.number().describe('index in items'),
      action: z.enum(ROW_ACTIONS),
      id: z.string().nullable().describe('the system updated, or created (null in a dry run)'),
      name: z.string(),
      changes: z.array(z.string()).describe('fields that change'),
    }),
  ),
});
type Plan = z.infer<typeof ZImportPlan>;

const FIELDS = [
  'name',
  'description',
  'intendedPurpose',
  'aiRoles',
  'lifecycleStage',
  'ownerId',
  'jurisdictions',
  'thirdParties',
  'riskTier',
  'status',
  'tags',
] as const satisfies readonly (keyof TAiSystemFields)[];
const key = (name: string) => name.trim().toLowerCase();

function changesOf(before: TAiSystem, after: TAiSystemFields): string[] {
  return FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}

async function plan(tx: Tx, orgId: string, items: z.output<typeof ZImportItem>[]) {
  const existing = (await selectAiSystems(tx, orgId, {}).execute()).map(toAiSystem);
  const byId = new Map(existing.map((s) => [s.id, s]));
  const byName = new Map<string, TAiSystem[]>();
  for (const s of existing) byName.set(key(s.name), [...(byName.get(key(s.name)) ?? []), s]);
  const claimed = new Map<string, number>();
  return items.map((item, row) => {
    const { id, ...fields } = item;
    let target = id ? byId.get(id) : undefined;
    if (!target) {
      const named = byName.get(key(fields.name)) ?? [];
      if (named.length > 1)
        throw ruleViolation(
          `Row ${row + 1}: ${named.length} AI systems are named "${fields.name}"; add the id column to say which one this row updates`,
          { row, field: 'name' },
        );
      target = named[0];
    }
    if (target) {
      const earlier = claimed.get(target.id);
      if (earlier !== undefined)
        throw ruleViolation(`Rows ${earlier + 1} and ${row + 1} both update "${target.name}"; keep one of them`, {
          row,
          field: 'name',
        });
      claimed.set(target.id, row);
    }
    return { row, target, fields };
  });
}

export function importAiSystems(
  deps: Deps,
  actor: Actor,
  orgId: string,
  body: z.output<typeof ZImportBody>,
): Promise<Plan> {
  return inTransaction(deps, async (tx, audit) => {
    const steps = await plan(tx, orgId, body.items);
    const rows: Plan['rows'] = [];
    for (const { row, target, fields } of steps) {
      if (!target) {
        const created = body.dryRun ? null : await createAiSystemInTx(tx, audit, actor, orgId, fields, row);
        rows.push({ row, action: 'create', id: created?.id ?? null, name: fields.name, changes: [] });
        continue;
      }
      const changes = changesOf(target, fields);
      if (changes.length && !body.dryRun) await updateAiSystemInTx(tx, audit, actor, orgId, target, fields, row);
      rows.push({ row, action: changes.length ? 'update' : 'unchanged', id: target.id, name: fields.name, changes });
    }
    const count = (a: (typeof ROW_ACTIONS)[number]) => rows.filter((r) => r.action === a).length;
    if (rows.length === 0) throw new AppError('VALIDATION', 'The file has no AI systems to import');
    return {
      dryRun: body.dryRun,
      created: count('create'),
      updated: count('update'),
      unchanged: count('unchanged'),
      rows,
    };
  });
}
