import { describe, expect, it } from 'vitest';
import {
  bullets,
  doc,
  para,
  placeholder,
  placeholdersIn,
  plainText,
  renderBlocks,
  subheading,
  ZRichDoc,
  type RichDoc,
} from './rich-text';

describe('building section text', () => {
  it('makes **spans** bold and leaves no empty text between them', () => {
    expect(para('**Owner:** the CISO')).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Owner:', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' the CISO' },
      ],
    });
  });

  it('keeps an unclosed ** as typed', () => {
    expect(para('**not closed').content).toEqual([{ type: 'text', text: '**not closed' }]);
    expect(para('not opened**').content).toEqual([{ type: 'text', text: 'not opened**' }]);
  });

  it('builds bulleted lists unless asked for numbers, and level-3 sub-headings', () => {
    expect(bullets(['One'])).toEqual({
      type: 'bulletList',
      content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'One' }] }] }],
    });
    expect(bullets(['One'], true).type).toBe('orderedList');
    expect(subheading('Scope')).toEqual({
      type: 'heading',
      attrs: { level: 3 },
      content: [{ type: 'text', text: 'Scope' }],
    });
  });

  it('leaves out empty lists and missing blocks, keeping empty paragraphs and headings', () => {
    const emptyParagraph = { type: 'paragraph' as const };
    const bareHeading = { type: 'heading' as const, attrs: { level: 3 } };
    expect(doc(emptyParagraph, null, false, undefined, bareHeading, bullets([]), bullets(['a']))).toEqual({
      type: 'doc',
      content: [emptyParagraph, bareHeading, bullets(['a'])],
    });
  });

  it('writes a placeholder and finds none in a document without one', () => {
    expect(placeholder('name the owner')).toBe('[[name the owner]]');
    expect(placeholdersIn(doc(para('All filled in.')))).toEqual([]);
  });
});

const nested: RichDoc = {
  type: 'doc',
  content: [
    { type: 'paragraph' },
    {
      type: 'heading',
      attrs: { level: 3 },
      content: [
        { type: 'text', text: 'Roles ' },
        { type: 'text', text: 'and duties', marks: [{ type: 'italic' }] },
      ],
    },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [
            {
              type: 'paragraph',
              content: [
                { type: 'text', text: 'Owner', marks: [{ type: 'bold' }, { type: 'italic' }] },
                { type: 'hardBreak' },
                { type: 'text', text: 'signs off' },
              ],
            },
            { type: 'paragraph', content: [{ type: 'text', text: 'and approves' }] },
            {
              type: 'orderedList',
              content: [
                { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'first' }] }] },
                { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'second' }] }] },
              ],
            },
          ],
        },
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Reviewer' }] }] },
      ],
    },
  ],
};

describe('a stored document', () => {
  it('keeps empty paragraphs, bare headings and lists nested inside lists', () => {
    expect(ZRichDoc.parse(nested)).toEqual(nested);
    expect(
      ZRichDoc.parse({
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 2 } },
          { type: 'paragraph', content: [] },
        ],
      }),
    ).toEqual({ type: 'doc', content: [{ type: 'heading', attrs: { level: 3 } }, { type: 'paragraph' }] });
  });

  it('reads as plain text with a line per paragraph, line break and list item', () => {
    expect(plainText(nested)).toBe('\nRoles and duties\nOwner\nsigns off\nand approves\nfirst\nsecond\nReviewer');
  });

  it('renders as blocks: runs with their marks and breaks, items with their list kind, depth and number', () => {
    expect(renderBlocks(nested)).toEqual([
      { kind: 'paragraph', runs: [] },
      { kind: 'heading', text: 'Roles and duties' },
      {
        kind: 'item',
        ordered: false,
        level: 0,
        number: 1,
        runs: [{ text: 'Owner', bold: true, italic: true }, { text: '', lineBreak: true }, { text: 'signs off' }],
      },
      { kind: 'item', ordered: false, level: 0, number: 1, runs: [{ text: 'and approves' }] },
      { kind: 'item', ordered: true, level: 1, number: 1, runs: [{ text: 'first' }] },
      { kind: 'item', ordered: true, level: 1, number: 2, runs: [{ text: 'second' }] },
      { kind: 'item', ordered: false, level: 0, number: 2, runs: [{ text: 'Reviewer' }] },
    ]);
  });

  it('keeps a bulleted list inside a numbered one, three levels deep', () => {
    const item = (text: string, ...lists: RichDoc['content']) => ({
      type: 'listItem' as const,
      content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }, ...lists] as never,
    });
    const deep: RichDoc = {
      type: 'doc',
      content: [
        {
          type: 'orderedList',
          content: [
            item('one', {
              type: 'bulletList',
              content: [item('two', { type: 'bulletList', content: [item('three'), item('four')] })],
            }),
          ],
        },
      ],
    };
    expect(ZRichDoc.parse(deep)).toEqual(deep);
  });

  it('marks a run bold or italic only for its own marks', () => {
    const one = (marks: { type: 'bold' | 'italic' }[]) =>
      renderBlocks({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks }] }] });
    expect(one([{ type: 'italic' }])).toEqual([{ kind: 'paragraph', runs: [{ text: 'x', italic: true }] }]);
    expect(one([{ type: 'bold' }])).toEqual([{ kind: 'paragraph', runs: [{ text: 'x', bold: true }] }]);
  });
});
