import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { parseCsv } from '@fortytwo/domain';
import { addMember, type Client, describeEachDialect, newOrgOwner } from './harness';
import { download, unzipEntry, upload } from './files';
import { itWithLibreOffice, libreOfficePages } from './libreoffice';

type Item = {
  ref: string;
  version: number;
  status: string;
  result: string | null;
  maturity: number | null;
  justification: string;
  notes: string;
  ownerId: string | null;
  targetDate: string | null;
  evidenceLinks: string[];
  updatedAt: string;
};

const load = async (bytes: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
};
const save = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

/** The cell of a requirement's row under a header, found the way a person would: by ref and header text. */
function cellOf(ws: ExcelJS.Worksheet, ref: string, header: string): ExcelJS.Cell {
  const headers = (ws.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
  const column = headers.indexOf(header);
  if (column < 1) throw new Error(`no column "${header}"`);
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === ref) return ws.getRow(r).getCell(column);
  throw new Error(`no row for ${ref}`);
}

describeEachDialect('gap analysis exports and workbook import', (ctx) => {
  let owner: Client;
  let contributor: Client;
  let orgId: string;
  let base: string;

  beforeAll(async () => {
    ({ owner, orgId } = await newOrgOwner(ctx(), 'Export Works Ltd'));
    contributor = await addMember(ctx(), owner, orgId, 'contributor');
    base = `/api/orgs/${orgId}/gap-assessments`;
  });

  const create = async (name: string) => (await owner.post(base, { name })).body as { id: string; items: Item[] };
  const answer = async (id: string, ref: string, body: Record<string, unknown>) => {
    const item = ((await owner.get(`${base}/${id}`)).body.items as Item[]).find((i) => i.ref === ref)!;
    const res = await owner.patch(`${base}/${id}/items/${ref}`, { version: item.version, ...body });
    expect(res.status, res.text).toBe(200);
  };
  const exportXlsx = async (id: string) => {
    const res = await download(owner, `${base}/${id}/export.xlsx`);
    expect(res.status).toBe(200);
    return res.bytes;
  };
  /** A fresh export of `id`, changed by `edit`, as bytes. */
  const edited = async (id: string, edit: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void) => {
    const wb = await load(await exportXlsx(id));
    edit(wb.getWorksheet('Assessment')!, wb);
    return save(wb);
  };
  /** What must not move when an import is refused: every item and the audit trail. */
  const state = async (id: string) => {
    const { items, people } = (await owner.get(`${base}/${id}`)).body as {
      items: Item[];
      people: Record<string, unknown>;
    };
    return {
      items,
      people,
      events: (await owner.get(`/api/orgs/${orgId}/audit-events?limit=500`)).body.items.map(
        (e: { id: string }) => e.id,
      ) as string[],
    };
  };

  it('exports a workbook: frozen header, guidance then answers with dropdowns, a Scores sheet and a hidden template sheet', async () => {
    const a = await create('Workbook shape');
    await answer(a.id, '4.2', {
      result: 'partially_conformant',
      maturity: 2,
      evidenceLinks: ['https://wiki.example.com/a', 'https://wiki.example.com/b'],
    });
    const res = await download(owner, `${base}/${a.id}/export.xlsx`);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="gap-assessment-workbook-shape-\d{4}-\d{2}-\d{2}\.xlsx"$/,
    );
    const wb = await load(res.bytes);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Assessment', 'visible'],
      ['Scores', 'visible'],
      ['fortytwo', 'hidden'],
    ]);
    const ws = wb.getWorksheet('Assessment')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Ref',
      'Requirement',
      'Section',
      'Documented information',
      'What it asks',
      'What an auditor looks for',
      'Status',
      'Result',
      'Maturity (0–5)',
      'Justification',
      'Current practice notes',
      'Owner email',
      'Target date (YYYY-MM-DD)',
      'Evidence links (one per line)',
      'Version',
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.rowCount).toBe(71);
    expect(ws.getRow(2).getCell(1).value).toBe('4.1');
    expect(ws.getRow(71).getCell(1).value).toBe('A.10.4');
    const row = (ref: string) => (ws.getRow(Number(cellOf(ws, ref, 'Ref').row)).values as unknown[]).slice(1);
    expect(row('4.2').slice(0, 4)).toEqual([
      '4.2',
      'Understanding the needs and expectations of interested parties',
      '4 Context of the organization',
      'no',
    ]);
    expect(row('4.2').slice(6)).toEqual([
      'In progress',
      'Partially conformant',
      2,
      '',
      '',
      undefined,
      undefined,
      'https://wiki.example.com/a\nhttps://wiki.example.com/b',
      2,
    ]);
    expect(String(row('4.2')[4]).length).toBeGreaterThan(50); // the guidance travels with the row
    expect(cellOf(ws, '4.2', 'Result').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Conformant,Partially conformant,Nonconformant,Not applicable"'],
    });
    expect(cellOf(ws, '4.2', 'Status').dataValidation.formulae).toEqual(['"Not started,In progress,Done"']);
    expect(cellOf(ws, '4.2', 'Maturity (0–5)').dataValidation.formulae).toEqual(['"0,1,2,3,4,5"']);
    expect(cellOf(ws, '4.2', 'What it asks').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFEDEDED' } });
    expect(cellOf(ws, '4.2', 'Result').fill).not.toMatchObject({ pattern: 'solid' });
    const scores = wb.getWorksheet('Scores')!;
    const text = scores.getSheetValues().flat().map(String).join(' | ');
    expect(text).toContain('Readiness = 100 × (conformant × 1 + partially conformant × 0.5)');
    expect(text).toContain('Clause 4 | Context of the organization | 12.5');
    const meta = wb.getWorksheet('fortytwo')!;
    expect(meta.getRow(1).values).toEqual([undefined, 'template', 'fortytwo/gap-assessment-workbook']);
    expect(meta.getRow(3).values).toEqual([undefined, 'assessmentId', a.id]);
  });

  it('imports an edited workbook: exactly the edited cells change, rows matched by ref in any order, one audit event per item', async () => {
    const a = await create('Round trip');
    await answer(a.id, '4.2', { result: 'partially_conformant', maturity: 2 });
    await answer(a.id, '10.2', { result: 'conformant', notes: 'Corrective action log in the ticket system.' });
    const before = await state(a.id);
    const bytes = await edited(a.id, (ws) => {
      // People sort and delete rows: reverse the data rows, then drop the row of 10.2.
      const rows = Array.from({ length: ws.rowCount - 1 }, (_, i) =>
        (ws.getRow(i + 2).values as ExcelJS.CellValue[]).slice(1),
      );
      rows.reverse().forEach((values, i) => {
        for (let c = 0; c < 15; c++) ws.getRow(i + 2).getCell(c + 1).value = values[c] ?? null;
      });
      ws.spliceRows(Number(cellOf(ws, '10.2', 'Ref').row), 1);
      cellOf(ws, '4.1', 'Status').value = 'In progress';
      cellOf(ws, '4.1', 'Result').value = 'Conformant';
      cellOf(ws, '4.1', 'Maturity (0–5)').value = 3;
      cellOf(ws, '4.1', 'Current practice notes').value = 'Context analysis reviewed by the board every year.';
      cellOf(ws, '4.2', 'Result').value = null;
      cellOf(ws, '4.2', 'Maturity (0–5)').value = null;
      cellOf(ws, '5.2', 'Owner email').value = contributor.user!.email.toUpperCase();
      cellOf(ws, '5.2', 'Target date (YYYY-MM-DD)').value = '2027-03-31';
      cellOf(ws, '5.2', 'Evidence links (one per line)').value =
        'https://wiki.example.com/ai-policy\r\nhttps://wiki.example.com/ai-policy-approval\n';
      cellOf(ws, '6.1.2', 'Result').value = 'partially_conformant';
      cellOf(ws, 'A.2.3', 'Result').value = 'Not applicable';
      cellOf(ws, 'A.2.3', 'Justification').value = '  We have no other organizational policies yet.  ';
      cellOf(ws, 'A.3.2', 'Requirement').value = 'A title someone typed over: guidance is ignored';
    });

    const res = await upload(owner, `${base}/${a.id}/import`, bytes);
    expect(res.status, res.text).toBe(200);
    expect(res.body.updated).toBe(5);
    expect(res.body.unchanged).toBe(65);
    expect([...res.body.items].sort()).toEqual(['4.1', '4.2', '5.2', '6.1.2', 'A.2.3']);

    const expected: Record<string, Partial<Item>> = {
      '4.1': {
        status: 'in_progress',
        result: 'conformant',
        maturity: 3,
        notes: 'Context analysis reviewed by the board every year.',
      },
      '4.2': { result: null, maturity: null },
      '5.2': {
        ownerId: contributor.user!.id,
        targetDate: '2027-03-31',
        evidenceLinks: ['https://wiki.example.com/ai-policy', 'https://wiki.example.com/ai-policy-approval'],
      },
      // The file said "Not started" next to the new result: that is what the item now says.
      '6.1.2': { status: 'not_started', result: 'partially_conformant' },
      'A.2.3': { result: 'not_applicable', justification: 'We have no other organizational policies yet.' },
    };
    const after = await state(a.id);
    for (const [i, item] of after.items.entries()) {
      const was = before.items[i]!;
      const change = expected[item.ref];
      if (change)
        expect(item, item.ref).toEqual({ ...was, ...change, version: was.version + 1, updatedAt: item.updatedAt });
      else expect(item, item.ref).toEqual(was);
    }
    // The owner the workbook named is the answer's one person.
    expect(after.people).toEqual({ [contributor.user!.id]: contributor.user });
    const newEvents = after.events.length - before.events.length;
    expect(newEvents).toBe(5);
    const events = (await owner.get(`/api/orgs/${orgId}/audit-events?limit=5`)).body.items;
    expect(events.every((e: { action: string }) => e.action === 'gap_item.updated')).toBe(true);
    expect(events.find((e: { before: { ref: string } }) => e.before.ref === 'A.2.3')).toMatchObject({
      before: { result: null },
      after: { result: 'not_applicable' },
    });

    // The same file again: its rows are now older than the items but change nothing, so all is well.
    const again = await upload(owner, `${base}/${a.id}/import`, bytes);
    expect(again.status, again.text).toBe(200);
    expect(again.body).toEqual({ updated: 0, unchanged: 70, items: [] });
    expect((await state(a.id)).events).toEqual(after.events);
  });

  const BAD: {
    name: string;
    edit: (ws: ExcelJS.Worksheet) => void;
    issues: (ws: ExcelJS.Worksheet) => { ref: string | null; column: string; message: RegExp }[];
  }[] = [
    {
      name: 'an unknown ref',
      edit: (ws) => (cellOf(ws, '9.3.3', 'Ref').value = 'A.99.1'),
      issues: () => [{ ref: 'A.99.1', column: 'Ref', message: /"A\.99\.1" is not a requirement of this assessment/ }],
    },
    {
      name: 'a result that is not one of the choices',
      edit: (ws) => (cellOf(ws, '5.3', 'Result').value = 'Mostly fine'),
      issues: () => [
        {
          ref: '5.3',
          column: 'Result',
          message: /Result "Mostly fine" is not one of: Conformant, Partially conformant/,
        },
      ],
    },
    {
      name: 'not applicable on a clause requirement',
      edit: (ws) => {
        cellOf(ws, '6.1.2', 'Result').value = 'Not applicable';
        cellOf(ws, '6.1.2', 'Justification').value = 'We do not do risk.';
      },
      issues: () => [
        { ref: '6.1.2', column: 'Result', message: /6\.1\.2 is a requirement of clauses 4–10: every one applies/ },
      ],
    },
    {
      name: 'not applicable without a justification',
      edit: (ws) => (cellOf(ws, 'A.3.2', 'Result').value = 'Not applicable'),
      issues: () => [
        { ref: 'A.3.2', column: 'Result', message: /Give a justification to mark A\.3\.2 not applicable/ },
      ],
    },
    {
      name: 'a date that is not YYYY-MM-DD',
      edit: (ws) => (cellOf(ws, '7.2', 'Target date (YYYY-MM-DD)').value = '31/12/2027'),
      issues: () => [
        {
          ref: '7.2',
          column: 'Target date (YYYY-MM-DD)',
          message: /Target date must be a real date written year-month-day, such as 2027-03-31 \("31\/12\/2027"\)/,
        },
      ],
    },
    {
      name: 'a maturity out of range',
      edit: (ws) => (cellOf(ws, '7.3', 'Maturity (0–5)').value = 7),
      issues: () => [{ ref: '7.3', column: 'Maturity (0–5)', message: /must be a whole number from 0 to 5/ }],
    },
    {
      name: 'an owner who is not a member, and a link that is not a URL, and a ref twice',
      edit: (ws) => {
        cellOf(ws, '8.1', 'Owner email').value = 'stranger@example.com';
        cellOf(ws, '8.2', 'Evidence links (one per line)').value = 'https://ok.example.com\nsee the wiki';
        const dup = ws.addRow((ws.getRow(Number(cellOf(ws, '4.4', 'Ref').row)).values as ExcelJS.CellValue[]).slice(1));
        dup.getCell(8).value = 'Conformant';
      },
      issues: (ws) => [
        { ref: '8.1', column: 'Owner email', message: /stranger@example\.com is not a current member/ },
        { ref: '8.2', column: 'Evidence links (one per line)', message: /full URL.*line 2: "see the wiki"/ },
        {
          ref: '4.4',
          column: 'Ref',
          message: new RegExp(`4\\.4 appears twice \\(rows ${cellOf(ws, '4.4', 'Ref').row} and ${ws.rowCount}\\)`),
        },
      ],
    },
  ];

  for (const bad of BAD) {
    it(`rejects a workbook with ${bad.name}: 422 row by row, nothing changed`, async () => {
      const a = await create(`Bad: ${bad.name}`);
      let sheet: ExcelJS.Worksheet | undefined;
      const bytes = await edited(a.id, (ws) => {
        // A valid change in the same file must not be applied either.
        cellOf(ws, '4.1', 'Result').value = 'Conformant';
        bad.edit(ws);
        sheet = ws;
      });
      const before = await state(a.id);
      const res = await upload(owner, `${base}/${a.id}/import`, bytes);
      expect(res.status, res.text).toBe(422);
      expect(res.body.error.code).toBe('IMPORT_REJECTED');
      expect(res.body.error.message).toMatch(
        /^The workbook was not imported: \d+ problems? in \d+ rows?; nothing was changed\. Row \d+/,
      );
      const want = bad.issues(sheet!);
      expect(res.body.error.details.issues).toHaveLength(want.length);
      for (const w of want) {
        const got = res.body.error.details.issues.find(
          (i: { ref: string; column: string }) => i.ref === w.ref && i.column === w.column,
        );
        expect(got, JSON.stringify(res.body.error.details.issues)).toBeDefined();
        expect(got.message).toMatch(w.message);
        expect(got.row).toBeGreaterThan(1);
        expect(got.cell).toMatch(/^[A-O]\d+$/);
      }
      expect(await state(a.id)).toEqual(before);
    });
  }

  it('rejects a stale row (changed in Fortytwo since the export) and applies none of the file', async () => {
    const a = await create('Stale');
    const wb = await load(await exportXlsx(a.id));
    await answer(a.id, '4.3', { result: 'nonconformant', notes: 'Scope not written yet.' });
    const ws = wb.getWorksheet('Assessment')!;
    cellOf(ws, '4.3', 'Result').value = 'Conformant';
    cellOf(ws, '4.1', 'Result').value = 'Conformant';
    const before = await state(a.id);
    const res = await upload(owner, `${base}/${a.id}/import`, await save(wb));
    expect(res.status).toBe(422);
    expect(res.body.error.details.issues).toEqual([
      {
        row: cellOf(ws, '4.3', 'Ref').row,
        ref: '4.3',
        column: 'Version',
        cell: `O${cellOf(ws, '4.3', 'Ref').row}`,
        message: expect.stringMatching(
          /^Changed in Fortytwo after this file was exported \(now version 2, this row has 1\)/,
        ),
      },
    ]);
    expect(await state(a.id)).toEqual(before);
  });

  it('rejects a wrong template, another assessment’s file, a snapshot, garbage and empty files as a whole', async () => {
    const a = await create('Target');
    const other = await create('Another one');
    const url = `${base}/${a.id}/import`;
    const before = await state(a.id);
    const cases: [string, Buffer, RegExp][] = [
      [
        'no hidden sheet',
        await edited(a.id, (_ws, wb) => wb.removeWorksheet(wb.getWorksheet('fortytwo')!.id)),
        /not a Fortytwo gap assessment export/,
      ],
      [
        'a renamed column',
        await edited(a.id, (ws) => (ws.getRow(1).getCell(8).value = 'Outcome')),
        /Column H of the sheet "Assessment" should be headed "Result" but is "Outcome"/,
      ],
      ['a renamed sheet', await edited(a.id, (ws) => (ws.name = 'My answers')), /no sheet named "Assessment"/],
      [
        'another assessment',
        await exportXlsx(other.id),
        /exported from another assessment \("Another one"\), not from "Target"/,
      ],
      ['garbage', Buffer.from('this is not a workbook, just some text pretending to be one'), /not an \.xlsx workbook/],
      [
        'a broken zip',
        Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]),
        /not a readable \.xlsx workbook/,
      ],
      ['an empty file', Buffer.alloc(0), /The uploaded file is empty/],
    ];
    for (const [what, bytes, message] of cases) {
      const res = await upload(owner, url, bytes);
      expect(res.status, what).toBe(422);
      expect(res.body.error.code, what).toBe('IMPORT_REJECTED');
      expect(res.body.error.message, what).toMatch(message);
      expect(res.body.error.message, what).toMatch(/Nothing was changed\.$/);
    }
    const snap = (await owner.post(`${base}/${a.id}/snapshots`, { name: 'Frozen' })).body;
    const snapFile = await exportXlsx(snap.id);
    const res = await upload(owner, `${base}/${snap.id}/import`, snapFile);
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/"Frozen" is a snapshot/);
    expect((await state(a.id)).items).toEqual(before.items);
    expect((await state(a.id)).events).toHaveLength(before.events.length + 1); // the snapshot itself
  });

  it('answers 415, 400 and 413 for uploads that are not one .xlsx in the field "file"', async () => {
    const a = await create('Uploads');
    const url = `${base}/${a.id}/import`;
    const json = await owner.post(url, { file: 'nope' });
    expect(json.status).toBe(415);
    expect(json.body.error).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: expect.stringContaining('multipart/form-data'),
    });
    const raw = await owner.request('POST', url, 'PK..', { 'content-type': 'application/octet-stream' });
    expect(raw.status).toBe(415);
    expect(raw.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const field = await upload(owner, url, await exportXlsx(a.id), { field: 'workbook' });
    expect(field.status).toBe(400);
    expect(field.body.error.details.issues[0].path).toBe('body.file');
    const longId = await upload(owner, `${base}/${'x'.repeat(65)}/import`, await exportXlsx(a.id));
    expect(longId.status).toBe(400); // the path is still validated in the upload's scope
    expect(longId.body.error.details.issues[0].path).toBe('params.id');
    const big = await upload(owner, url, Buffer.alloc(11 * 1024 * 1024, 1));
    expect(big.status).toBe(413);
    expect(big.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('10 MB') });
    // Other routes still refuse multipart: the parser lives in the import route's scope only.
    const elsewhere = await upload(owner, base, Buffer.from('x'));
    expect(elsewhere.status).toBe(415);
  });

  it('exports the same rows as CSV, with formula cells neutralized (fullwidth signs too), and the workbook keeps them as text', async () => {
    const a = await create('CSV export');
    await answer(a.id, '4.1', {
      result: 'conformant',
      notes: '=HYPERLINK("http://evil")',
      evidenceLinks: ['https://a.example.com', 'https://b.example.com'],
      ownerId: contributor.user!.id,
    });
    await answer(a.id, '4.2', { notes: '\uFF1D1+1', justification: '\u200B\uFF20SUM(A1)' });
    const res = await owner.get(`${base}/${a.id}/export.csv`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="gap-assessment-csv-export-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const rows = parseCsv(res.text);
    expect(rows).toHaveLength(71);
    expect(rows[0]!.cells).toEqual([
      'Ref',
      'Requirement',
      'Section',
      'Documented information',
      'What it asks',
      'What an auditor looks for',
      'Status',
      'Result',
      'Maturity (0–5)',
      'Justification',
      'Current practice notes',
      'Owner email',
      'Target date (YYYY-MM-DD)',
      'Evidence links (one per line)',
      'Version',
    ]);
    const r = rows[1]!.cells;
    expect([r[0], r[6], r[7], r[10], r[11], r[13], r[14]]).toEqual([
      '4.1',
      'In progress',
      'Conformant',
      `'=HYPERLINK("http://evil")`,
      contributor.user!.email,
      'https://a.example.com\nhttps://b.example.com',
      '2',
    ]);
    expect([rows[2]!.cells[9], rows[2]!.cells[10]]).toEqual(["'\u200B\uFF20SUM(A1)", "'\uFF1D1+1"]);
    expect(rows[70]!.cells.slice(0, 2)).toEqual(['A.10.4', 'Customers']);
    // The workbook writes user text as strings: no cell of the answers sheet is a formula.
    const sheet = unzipEntry((await download(owner, `${base}/${a.id}/export.xlsx`)).bytes, 'xl/worksheets/sheet1.xml')!;
    expect(sheet).not.toMatch(/<f[ >]/);
  });

  it('produces the gap report as .docx and .pdf with the summary, the scores and the gap list', async () => {
    const a = await create('Report 2026');
    await answer(a.id, '4.1', { result: 'conformant', maturity: 4 });
    await answer(a.id, '5.2', { result: 'nonconformant', ownerId: contributor.user!.id, targetDate: '2027-02-28' });
    await owner.post(`${base}/${a.id}/actions`, { refs: ['5.2'], dueDate: '2027-01-15' });

    const docx = await download(owner, `${base}/${a.id}/report.docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docx.headers['content-disposition']).toMatch(
      /^attachment; filename="gap-report-report-2026-\d{4}-\d{2}-\d{2}\.docx"$/,
    );
    expect(docx.bytes.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    const xml = unzipEntry(docx.bytes, 'word/document.xml')!;
    const words = xml.replace(/<[^>]+>/g, ' ');
    for (const text of [
      'Gap analysis report',
      'Export Works Ltd',
      'Report 2026',
      'Overall readiness is 1.4%',
      'Readiness = 100 ×',
      'Context of the organization',
      'Third-party and customer relationships',
      'Gap list',
      '69 gaps',
      contributor.user!.name,
      '2027-02-28',
      '1 open, next due 2027-01-15',
    ]) {
      expect(words, text).toContain(text);
    }
    const list = words.slice(words.indexOf('Gap list'));
    expect(list.indexOf(' 5.2 ')).toBeLessThan(list.indexOf(' A.2.2 ')); // documented clause requirements first
    expect(list.indexOf(' A.2.2 ')).toBeLessThan(list.indexOf(' 4.2 ')); // then documented Annex A, then the rest

    // The document-control block (issue 15): id, version, owner, approver, derived-from versions, change log.
    for (const fact of [
      'Document control',
      '-GAP',
      'working assessment as last changed',
      'Not approved yet',
      'Derived from: scope',
      'Derived from: risk criteria',
      'Change log',
      'No snapshot frozen yet',
    ])
      expect(words, fact).toContain(fact);
    const snap = (await owner.post(`${base}/${a.id}/snapshots`, { name: 'Baseline Q1' })).body as { id: string };
    const frozen = unzipEntry(
      (await download(owner, `${base}/${snap.id}/report.docx`)).bytes,
      'word/document.xml',
    )!.replace(/<[^>]+>/g, ' ');
    for (const fact of ['snapshot “Baseline Q1”, frozen', 'Snapshot “Baseline Q1” frozen', owner.user!.name])
      expect(frozen, fact).toContain(fact);
    expect(frozen).not.toContain('No snapshot frozen yet');

    const pdf = await download(owner, `${base}/${a.id}/report.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.bytes.subarray(-8).toString('latin1')).toContain('%%EOF');
    expect(pdf.bytes.toString('latin1').match(/\/Type \/Page\b/g)!.length).toBeGreaterThanOrEqual(5);
  });

  it('counts documentation gaps without the not-applicable items, the same in the scores, the workbook and the report', async () => {
    const a = await create('Documentation gaps');
    const documented = (a.items as (Item & { documentation: boolean })[]).filter((i) => i.documentation);
    const clause = documented.find((i) => !i.ref.startsWith('A.'))!;
    const control = documented.find((i) => i.ref.startsWith('A.'))!;
    await answer(a.id, clause.ref, { result: 'conformant' });
    await answer(a.id, control.ref, {
      result: 'not_applicable',
      justification: 'No AI policy of our own: the group one applies.',
    });
    const expected = documented.length - 2;
    expect(expected).toBeGreaterThan(1);

    // The number the overview's "Documentation gaps" card shows.
    expect((await owner.get(`${base}/${a.id}/scores`)).body.documentationGaps).toBe(expected);

    const scores = (await load(await exportXlsx(a.id))).getWorksheet('Scores')!;
    const row = scores
      .getSheetValues()
      .find((r) => Array.isArray(r) && r[1] === 'Documented information still missing');
    expect((row as unknown[])?.[3]).toBe(expected);

    const words = unzipEntry(
      (await download(owner, `${base}/${a.id}/report.docx`)).bytes,
      'word/document.xml',
    )!.replace(/<[^>]+>/g, ' ');
    expect(words).toContain(`${expected} requirements that call for documented information are not conformant yet`);
  });

  itWithLibreOffice(
    'writes a .docx that LibreOffice opens and converts to PDF',
    async () => {
      const a = await create('LibreOffice check');
      await answer(a.id, '4.1', { result: 'partially_conformant' });
      const docx = await download(owner, `${base}/${a.id}/report.docx`);
      expect(libreOfficePages(docx.bytes, 'report.docx')).toBeGreaterThanOrEqual(4);
    },
    180_000,
  );
});
