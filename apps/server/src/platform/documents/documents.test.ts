import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { unzipEntry } from '../../../test/files';
import { renderDocx } from './docx';
import { columnShares, type ReportDocument } from './model';
import { renderPdf } from './pdf';
import { forgetSharedFaces, sharedFaces } from './pdfmake';
import { sendDocument } from './send';

const LONG =
  'This treatment depends on the supplier delivering its model card and the evaluation results for every release, reviewed by the AI governance board before deployment. '.repeat(
    4,
  );

function sample(orientation: ReportDocument['orientation'] = 'landscape'): ReportDocument {
  return {
    title: 'Risk register',
    subtitle: 'ISO/IEC 42001 · version 3 · approved',
    organizationName: 'Acme Analytics Ltd',
    generatedAt: '2025-03-14T09:30:00.000Z',
    meta: [
      ['Version', '3'],
      ['Status', 'Approved'],
      ['Approved by', 'Dana Scully'],
    ],
    orientation,
    fileName: 'risk-register-v3',
    sections: [
      {
        heading: 'Risks',
        paragraphs: ['Every risk identified for the AI systems in scope.'],
        table: {
          columns: [
            { header: 'Ref', width: 1 },
            { header: 'Risk', width: 4 },
            { header: 'Owner', width: 2 },
            { header: 'Treatment', width: 5 },
          ],
          rows: Array.from({ length: 60 }, (_, i) => [
            `R-${i + 1}`,
            `Risk number ${i + 1}\nlikelihood 3 · impact 4`,
            'Fox Mulder',
            i === 7 ? LONG : `Mitigate with control A.${(i % 9) + 2}`,
          ]),
        },
      },
      {
        heading: 'Open points',
        bullets: ['Supplier assessment is overdue.', 'Two owners have left the organization.'],
      },
      {
        heading: 'Method',
        paragraphs: ['Likelihood and impact are scored from 1 to 5.', 'The level is their product.'],
      },
    ],
  };
}

const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;

describe('report documents', () => {
  it('renders a .docx with the title, the table header and the cells, line breaks kept', async () => {
    const docx = await renderDocx(sample());
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    const xml = unzipEntry(docx, 'word/document.xml')!;
    expect(xml).toContain('Risk register');
    expect(xml).toContain('>Treatment<');
    expect(xml).toContain('>Risk number 8<');
    expect(xml).toContain('>likelihood 3 · impact 4<');
    expect(xml).toMatch(/<w:tblHeader\/>|<w:tblHeader w:val="(true|1|on)"\/>/);
    expect(xml).toContain('<w:br/>');
    expect(xml).toContain('w:orient="landscape"');
    expect(unzipEntry(docx, 'word/footer1.xml')).toContain('NUMPAGES');
  });

  it('keeps a portrait .docx portrait', async () => {
    const xml = unzipEntry(await renderDocx(sample('portrait')), 'word/document.xml')!;
    expect(xml).not.toContain('w:orient="landscape"');
  });

  it('leaves the document unchanged while drawing it, so the .docx drawn beside the PDF reads the same', async () => {
    const doc = sample();
    const before = JSON.stringify(doc);
    const [docx] = await Promise.all([renderDocx(doc), renderPdf(doc)]);
    expect(JSON.stringify(doc)).toBe(before);
    expect(unzipEntry(docx, 'word/document.xml')).toContain('Two owners have left the organization.');
  });

  it('renders a PDF of several pages', async () => {
    const pdf = await renderPdf(sample());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBeGreaterThan(1);
  });

  it('draws the same PDF whether its fonts are parsed afresh or shared with the PDFs before it', async () => {
    // Only the creation date and the file id derived from it may differ between two renderings.
    const stable = (pdf: Buffer) =>
      pdf
        .toString('latin1')
        .replace(/\(D:\d{14}Z?\)/g, '')
        .replace(/\/ID \[[^\]]*\]/g, '');
    const other = sample('portrait');
    other.title = 'Quite another report';
    other.sections = [
      {
        heading: 'Different words',
        blocks: [
          {
            kind: 'paragraph',
            runs: [
              { text: 'Zebras quickly jinxed five wavy boxes; ', bold: true },
              { text: 'naïve café “quotes” — and 42 % italics.', italic: true },
            ],
          },
        ],
      },
    ];
    forgetSharedFaces();
    const fresh = await renderPdf(sample());
    await renderPdf(other);
    const shared = await renderPdf(sample());
    expect(sharedFaces()).toEqual(['Roboto/bold', 'Roboto/italics', 'Roboto/normal']);
    expect(stable(shared)).toBe(stable(fresh));
    forgetSharedFaces();
    const otherFresh = await renderPdf(other);
    await renderPdf(sample());
    expect(stable(await renderPdf(other))).toBe(stable(otherFresh));
  });

  it('renders a table with no rows and rows of the wrong length', async () => {
    const doc = sample('portrait');
    doc.sections = [
      { heading: 'Empty', table: { columns: [{ header: 'A', width: 1 }], rows: [] } },
      {
        heading: 'Ragged',
        table: {
          columns: [
            { header: 'A', width: 1 },
            { header: 'B', width: 0 },
          ],
          rows: [['only a'], ['a', 'b', 'extra']],
        },
      },
    ];
    expect(pageCount(await renderPdf(doc))).toBeGreaterThanOrEqual(1);
    const xml = unzipEntry(await renderDocx(doc), 'word/document.xml')!;
    expect(xml).toContain('No entries.');
    expect(xml).not.toContain('extra');
  });

  it('sends either format with its content type and a dated file name', async () => {
    const app = Fastify();
    app.get<{ Params: { format: 'docx' | 'pdf' } }>('/:format', (req, reply) =>
      sendDocument(reply, req.params.format, sample()),
    );
    const day = new Date().toISOString().slice(0, 10);
    const docx = await app.inject({ url: '/docx' });
    expect(docx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docx.headers['content-disposition']).toBe(`attachment; filename="risk-register-v3-${day}.docx"`);
    expect(docx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    const pdf = await app.inject({ url: '/pdf' });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(`attachment; filename="risk-register-v3-${day}.pdf"`);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await app.close();
  });

  it('shares the width by weight, widening a column its header word would not fit', () => {
    const table = {
      columns: [
        { header: 'Ref', width: 1 },
        { header: 'Text', width: 3 },
      ],
      rows: [],
    };
    expect(columnShares(table)).toEqual([0.25, 0.75]);
    const shares = columnShares(
      {
        ...table,
        columns: [
          { header: 'Applicable', width: 1 },
          { header: 'Text', width: 9 },
        ],
      },
      (chars) => chars / 50,
    );
    expect(shares[0]).toBeCloseTo(0.2);
    expect(shares[1]).toBeCloseTo(0.8);
  });

  const libreoffice = ['libreoffice', 'soffice'].find((cmd) => !spawnSync(cmd, ['--version']).error);
  if (!libreoffice)
    console.warn(
      'Skipping the LibreOffice check of the .docx: neither "libreoffice" nor "soffice" is on PATH (apt-get install -y libreoffice-writer-nogui)',
    );

  it.skipIf(!libreoffice)(
    'writes a .docx that LibreOffice converts to PDF',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fortytwo-doc-'));
      try {
        const file = path.join(dir, 'report.docx');
        fs.writeFileSync(file, await renderDocx(sample()));
        // Its own profile directory, so a LibreOffice already running elsewhere cannot take the job.
        const run = spawnSync(
          libreoffice!,
          [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
          { encoding: 'utf8', timeout: 120_000 },
        );
        expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
        const out = path.join(dir, 'report.pdf');
        expect(fs.existsSync(out), run.stdout).toBe(true);
        const bytes = fs.readFileSync(out);
        expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(pageCount(bytes)).toBeGreaterThan(1);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});
