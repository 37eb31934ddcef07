import { beforeAll, expect, it } from 'vitest';
import { type Client, describeEachDialect, newOrgOwner } from './harness';
import { upload } from './files';
import { gapWorkbook, hugeCellXml, manyRowsXml, rowXml } from './workbook-bombs';

// Hostile workbooks (issue 17 item 8): each is refused with a 422 that says what is wrong, before
// the server unpacks or parses more than the limits allow. The answers are asserted, never the time:
// bench/workbook-bomb.ts measures time and memory.

describeEachDialect('gap workbook import limits', (ctx) => {
  let owner: Client;
  let orgId: string;
  let base: string;

  beforeAll(async () => {
    ({ owner, orgId } = await newOrgOwner(ctx(), 'Bomb Squad Ltd'));
    base = `/api/orgs/${orgId}/gap-assessments`;
  });

  const create = async (name: string) => (await owner.post(base, { name })).body.id as string;
  /** What must not move when an import is refused: every item and the audit trail. */
  const state = async (id: string) => ({
    items: (await owner.get(`${base}/${id}`)).body.items,
    events: (await owner.get(`/api/orgs/${orgId}/audit-events?limit=500`)).body.items,
  });
  /** A row that changes 4.1 from "Not started" to "In progress", in the template's 15 columns. */
  const honestRow = (r: number) =>
    rowXml(r, ['4.1', '', '', '', '', '', 'In progress', '', '', '', '', '', '', '', '1']);

  const refused = async (id: string, bytes: Buffer, message: RegExp) => {
    const res = await upload(owner, `${base}/${id}/import`, bytes);
    expect(res.status, res.text).toBe(422);
    expect(res.body.error.code).toBe('IMPORT_REJECTED');
    expect(res.body.error.details.reason, res.text).toBe('too_large');
    expect(res.body.error.message).toMatch(message);
    expect(res.body.error.message).toMatch(
      /export it again and copy your answers into that file\. Nothing was changed\.$/,
    );
  };

  it('reads a workbook built by hand like the bombs below (inline strings, no styles): the bombs are refused for what they are, not for their shape', async () => {
    const id = await create('Hand-built');
    const res = await upload(owner, `${base}/${id}/import`, gapWorkbook(id, honestRow(2)));
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ updated: 1, items: ['4.1'] });
  });

  it('refuses 100,000 rows at the 2,001st, and changes nothing', async () => {
    const id = await create('Many rows');
    const before = await state(id);
    await refused(
      id,
      gapWorkbook(id, Buffer.concat([Buffer.from(honestRow(2)), manyRowsXml(100_000)])),
      /^The sheet "Assessment" has more than 2,000 rows with values\./,
    );
    expect(await state(id)).toEqual(before);
  });

  it('refuses a cell of more than 32,767 characters, whether its end is near or far', async () => {
    const id = await create('Huge cell');
    await refused(
      id,
      gapWorkbook(id, hugeCellXml(40_000)),
      /^Cell K2 of the sheet "Assessment" holds more than 32,767 characters, the most a spreadsheet cell can hold\./,
    );
    // 20 MB in one cell: refused while the cell is still being read, before its closing tag.
    await refused(
      id,
      gapWorkbook(id, hugeCellXml(20_000_000)),
      /^Cell K2 of the sheet "Assessment" holds more than 32,767 characters/,
    );
  });

  it('refuses a row with more than 200 filled cells', async () => {
    const id = await create('Wide row');
    await refused(
      id,
      gapWorkbook(id, rowXml(2, ['4.1', ...Array.from({ length: 300 }, (_, i) => `x${i}`)])),
      /^Row 2 of the sheet "Assessment" has more than 200 cells with a value\./,
    );
  });

  it('refuses from the zip directory alone: a part declaring 4 GB, parts declaring more than 50 MB together, too many parts', async () => {
    const id = await create('Declared sizes');
    const picture = (n: number, declaredSize: number) => ({
      name: `xl/media/image${n}.png`,
      data: Buffer.alloc(100),
      declaredSize,
    });
    await refused(
      id,
      gapWorkbook(id, honestRow(2), { extra: [picture(1, 0xfffffff0)] }),
      /^The workbook has a part \(xl\/media\/image1\.png\) that unpacks to 4096 MB; one part may unpack to at most 25 MB\./,
    );
    await refused(
      id,
      gapWorkbook(id, honestRow(2), { extra: [1, 2, 3].map((n) => picture(n, 20 * 1024 * 1024)) }),
      /^The workbook unpacks to 60 MB; at most 50 MB are accepted\./,
    );
    const many = Array.from({ length: 1500 }, (_, n) => ({
      name: `xl/media/i${n}.png`,
      data: Buffer.alloc(1),
      store: true,
    }));
    await refused(
      id,
      gapWorkbook(id, honestRow(2), { extra: many }),
      /^The workbook holds 1,506 files; at most 1,000 are accepted\./,
    );
  });

  it('answers a refused file in a few KB however much it holds: quoted texts are cut short and at most 200 problems are listed', async () => {
    const id = await create('Loud rows');
    // 1,999 rows, each with an unknown ref of 5,000 characters and a status of 5,000 more.
    const rows = Array.from({ length: 1999 }, (_, i) =>
      rowXml(i + 2, [`R${i}${'r'.repeat(5000)}`, '', '', '', '', '', `S${'s'.repeat(5000)}`]),
    );
    const res = await upload(owner, `${base}/${id}/import`, gapWorkbook(id, rows.join('')));
    expect(res.status).toBe(422);
    expect(res.body.error.details.reason).toBe('rows');
    expect(res.body.error.message).toMatch(
      /^The workbook was not imported: 1999 problems in 1999 rows; nothing was changed\. Row 2 \(R0r{38}…\), Ref: "R0r{38}…" is not a requirement/,
    );
    expect(res.body.error.details.issues).toHaveLength(200);
    expect(res.body.error.details.unlisted).toBe(1799);
    for (const i of res.body.error.details.issues) expect(i.ref.length).toBeLessThanOrEqual(41);
    expect(res.text.length).toBeLessThan(100_000);
    const status = await upload(
      owner,
      `${base}/${id}/import`,
      gapWorkbook(id, rowXml(2, ['4.1', '', '', '', '', '', `S${'s'.repeat(5000)}`])),
    );
    expect(status.body.error.details.issues[0].message).toMatch(
      /^Status "Ss{79}…" is not one of: Not started, In progress, Done$/,
    );
  });

  it('refuses a part that unpacks to more than its directory declares', async () => {
    const id = await create('Liar');
    await refused(
      id,
      gapWorkbook(id, hugeCellXml(1_000_000), { sheetDeclaredSize: 10_000 }),
      /^The workbook has a part \(xl\/worksheets\/sheet1\.xml\) that unpacks to more than the 10 KB its directory declares\./,
    );
    expect((await owner.get(`${base}/${id}`)).body.items.find((i: { ref: string }) => i.ref === '4.1').status).toBe(
      'not_started',
    );
  });
});
