import { z } from 'zod';
import {
  CatalogFileError,
  CROSSWALK_FORMAT,
  CUSTOM_FRAMEWORK_ID,
  FRAMEWORK_FORMAT,
  parseCrosswalk,
  parseFramework,
  type Crosswalk,
  type Framework,
} from '@fortytwo/catalog';
import type { Actor } from '../../platform/audit';
import { AppError, notFound } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { builtinCatalog } from './builtin';
import { catalogViewFor } from './org-catalog';

const ENTITY = 'catalog_import';

export const ZCatalogImport = z.object({
  id: z.string(),
  kind: z.enum(['framework', 'crosswalk']),
  key: z.string(),
  name: z.string(),
  fileName: z.string().nullable(),
  size: z.number().describe('items of a framework, links of a crosswalk'),
  createdAt: z.string(),
});
export type CatalogImport = z.infer<typeof ZCatalogImport>;

export const ZImportBody = z.strictObject({
  content: z
    .string({ error: 'content is required: the text of a framework or crosswalk file (YAML or JSON)' })
    .min(1, 'content is empty: send the text of the file')
    .max(5_000_000, 'content must be at most 5 MB'),
  fileName: z.string().trim().max(200).optional(),
  replace: z.boolean().default(false).describe('replace an earlier import with the same id'),
});

/**
 * The format line decides how the rest of the file is read. Blanks are spaces and tabs only: with
 * `\s` (which spans line breaks) the search went back over every blank line from every line start,
 * so a file of a few MB of empty lines held the server for hours.
 */
function formatOf(text: string): string | undefined {
  return /^[ \t]*"?format"?[ \t]*:[ \t]*"?([\w/@.-]+)"?/m.exec(text)?.[1];
}

function rejected(file: string, issues: CatalogFileError['issues']): AppError {
  const first = issues[0];
  const where = first?.line ? `line ${first.line}` : first?.path || 'the file';
  return new AppError(
    'IMPORT_REJECTED',
    `${file} was not imported: ${where}: ${first?.message ?? 'invalid'}${issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : ''}. Nothing was changed.`,
    { issues },
  );
}

export async function listImports(deps: Deps, orgId: string): Promise<CatalogImport[]> {
  const rows = await deps.db
    .selectFrom('catalogImports')
    .selectAll()
    .where('orgId', '=', orgId)
    .orderBy('createdAt', 'desc')
    .execute();
  return rows.map((r) => {
    const parsed = JSON.parse(r.content) as Framework | Crosswalk;
    return {
      id: r.id,
      kind: r.kind,
      key: r.key,
      name: r.name,
      fileName: r.fileName,
      size: 'items' in parsed ? parsed.items.length : parsed.links.length,
      createdAt: r.createdAt,
    };
  });
}

/**
 * Control characters or the replacement character (what a browser makes of bytes that are not UTF-8)
 * near the start: an image, a PDF or a spreadsheet, not a text file. Said as such, rather than
 * asking for a format line the user cannot find in a PNG (issue 18).
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
const looksBinary = (text: string) => /[\u0000-\u0008\u000E-\u001F\uFFFD]/.test(text.slice(0, 4096));

/** All or nothing: the file is checked whole (schema, then every reference) before a row is written. */
export async function importCatalogFile(
  deps: Deps,
  actor: Actor,
  orgId: string,
  body: z.output<typeof ZImportBody>,
): Promise<CatalogImport> {
  const file = body.fileName || 'The file';
  const format = formatOf(body.content);
  const view = await catalogViewFor(deps.db, orgId);
  let parsed: { kind: 'framework'; value: Framework } | { kind: 'crosswalk'; value: Crosswalk };
  if (looksBinary(body.content))
    throw rejected(file, [
      {
        path: 'content',
        line: null,
        message:
          'not a YAML or JSON file: it holds binary data, such as an image or a PDF. Choose the text file of the framework or crosswalk',
      },
    ]);
  try {
    if (format === FRAMEWORK_FORMAT) parsed = { kind: 'framework', value: parseFramework(file, body.content) };
    else if (format === CROSSWALK_FORMAT) {
      const refs = new Map(view.catalog.frameworks.map((f) => [f.id, new Set(f.items.map((i) => i.ref))]));
      parsed = { kind: 'crosswalk', value: parseCrosswalk(file, body.content, refs) };
    } else {
      throw new CatalogFileError(file, [
        {
          path: 'format',
          line: null,
          message: `the first lines must say which format this is: "format: ${FRAMEWORK_FORMAT}" or "format: ${CROSSWALK_FORMAT}"`,
        },
      ]);
    }
  } catch (e) {
    if (e instanceof CatalogFileError) throw rejected(file, e.issues);
    throw e;
  }
  const key = parsed.value.id;
  if (parsed.kind === 'framework' && (builtinCatalog().framework(key) || key === CUSTOM_FRAMEWORK_ID)) {
    throw rejected(file, [
      {
        path: 'id',
        line: null,
        message: `id "${key}" belongs to a framework Fortytwo ships; give your framework its own id`,
      },
    ]);
  }
  if (parsed.kind === 'crosswalk' && builtinCatalog().crosswalks.some((c) => c.id === key)) {
    throw rejected(file, [
      { path: 'id', line: null, message: `id "${key}" belongs to a crosswalk Fortytwo ships; give yours its own id` },
    ]);
  }
  return inTransaction(deps, async (tx, audit) => {
    const existing = await tx
      .selectFrom('catalogImports')
      .selectAll()
      .where('orgId', '=', orgId)
      .where('kind', '=', parsed.kind)
      .where('key', '=', key)
      .executeTakeFirst();
    if (existing && !body.replace) {
      throw new AppError(
        'CONFLICT',
        `A ${parsed.kind} with id "${key}" was imported before (${existing.createdAt.slice(0, 10)}). Import again with "replace" to overwrite it, or change the id.`,
        { existingId: existing.id },
      );
    }
    if (existing) await tx.deleteFrom('catalogImports').where('id', '=', existing.id).execute();
    const id = newId();
    const row = {
      id,
      orgId,
      kind: parsed.kind,
      key,
      name: parsed.value.name,
      fileName: body.fileName ?? null,
      content: JSON.stringify(parsed.value),
      createdAt: nowIso(),
      createdBy: actor.userId,
    };
    await tx.insertInto('catalogImports').values(row).execute();
    const size = parsed.kind === 'framework' ? parsed.value.items.length : parsed.value.links.length;
    const summary = { kind: parsed.kind, key, name: parsed.value.name, fileName: row.fileName, size };
    await audit({
      orgId,
      actor,
      action: existing ? 'catalog_import.replaced' : 'catalog_import.created',
      entityType: ENTITY,
      entityId: id,
      ...(existing
        ? { before: { kind: existing.kind, key: existing.key, name: existing.name, fileName: existing.fileName } }
        : {}),
      after: summary,
    });
    return { id, ...summary, createdAt: row.createdAt };
  });
}

export function removeImport(deps: Deps, actor: Actor, orgId: string, id: string): Promise<void> {
  return inTransaction(deps, async (tx, audit) => {
    const row = await tx
      .selectFrom('catalogImports')
      .selectAll()
      .where('orgId', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('Catalogue import');
    await tx.deleteFrom('catalogImports').where('id', '=', id).execute();
    await audit({
      orgId,
      actor,
      action: 'catalog_import.deleted',
      entityType: ENTITY,
      entityId: id,
      before: { kind: row.kind, key: row.key, name: row.name, fileName: row.fileName },
    });
  });
}
