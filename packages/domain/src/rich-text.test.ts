import { describe, expect, it } from 'vitest';
import { bullets, doc, para, placeholdersIn, plainText, renderBlocks, subheading, ZRichDoc } from './rich-text';

describe("section text (the editor's JSON)", () => {
  it("keeps what a controlled document needs and drops the editor's own attributes", () => {
    const fromEditor = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2, textAlign: 'left' }, content: [{ type: 'text', text: 'Scope' }] },
        {
          type: 'paragraph',
          attrs: { textAlign: 'left' },
          content: [
            { type: 'text', text: 'Applies to ' },
            { type: 'text', text: 'all', marks: [{ type: 'bold' }] },
            { type: 'hardBreak' },
          ],
        },
        {
          type: 'orderedList',
          attrs: { start: 1 },
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] }],
        },
      ],
    };
    expect(ZRichDoc.parse(fromEditor)).toEqual({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Scope' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Applies to ' },
            { type: 'text', text: 'all', marks: [{ type: 'bold' }] },
            { type: 'hardBreak' },
          ],
        },
        {
          type: 'orderedList',
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] }],
        },
      ],
    });
  });

  it('refuses markup it does not know: images, links, raw HTML, code', () => {
    for (const block of [
      { type: 'image', attrs: { src: 'x' } },
      { type: 'codeBlock', content: [] },
      { type: 'html', text: '<script>' },
    ])
      expect(ZRichDoc.safeParse({ type: 'doc', content: [block] }).success).toBe(false);
    expect(
      ZRichDoc.safeParse({
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }],
          },
        ],
      }).success,
    ).toBe(false);
    expect(ZRichDoc.safeParse('<p>hi</p>').success).toBe(false);
  });

  it('refuses lists nested deeper than four levels', () => {
    let list: unknown = { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] };
    for (let i = 0; i < 5; i++)
      list = { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }, list] }] };
    expect(ZRichDoc.safeParse({ type: 'doc', content: [list] }).success).toBe(false);
  });

  it('builds text with bold spans, finds placeholders, and gives the renderers numbered items', () => {
    const d = doc(subheading('Uses'), para('We **never** do [[this]].'), bullets(['a', 'b'], true), bullets([]));
    expect(plainText(d)).toBe('Uses\nWe never do [[this]].\na\nb');
    expect(placeholdersIn(d)).toEqual(['[[this]]']);
    expect(renderBlocks(d)).toEqual([
      { kind: 'heading', text: 'Uses' },
      { kind: 'paragraph', runs: [{ text: 'We ' }, { text: 'never', bold: true }, { text: ' do [[this]].' }] },
      { kind: 'item', ordered: true, level: 0, number: 1, runs: [{ text: 'a' }] },
      { kind: 'item', ordered: true, level: 0, number: 2, runs: [{ text: 'b' }] },
    ]);
  });
});
