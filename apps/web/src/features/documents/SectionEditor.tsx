import { useEffect } from 'react';
import { RichTextEditor } from '@mantine/tiptap';
import { Extension, useEditor } from '@tiptap/react';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as PmNode } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import type { RichDoc } from '@fortytwo/domain';
import classes from './documents.module.css';

// The section editor: TipTap kept to what the server stores (packages/domain/src/rich-text.ts):
// paragraphs, sub-headings (levels 3–4), bulleted and numbered lists, bold, italic, line breaks.
// Everything else StarterKit brings is switched off, so nothing typed or pasted is lost on save.

const PLACEHOLDER = /\[\[[^\]]*\]\]/g;

function placeholderDecorations(doc: PmNode): DecorationSet {
  const found: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText || !node.text) return;
    for (const m of node.text.matchAll(PLACEHOLDER))
      found.push(
        Decoration.inline(pos + m.index, pos + m.index + m[0].length, {
          class: classes.placeholder!,
          'data-placeholder': 'true',
        }),
      );
  });
  return DecorationSet.create(doc, found);
}

/** Highlights [[text]] still to write, as the text changes. */
const Placeholders = Extension.create({
  name: 'placeholders',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('placeholders'),
        state: {
          init: (_, { doc }) => placeholderDecorations(doc),
          apply: (tr, old) => (tr.docChanged ? placeholderDecorations(tr.doc) : old),
        },
        props: {
          decorations(state) {
            return this.getState(state);
          },
        },
      }),
    ];
  },
});

export const EXTENSIONS = [
  StarterKit.configure({
    heading: { levels: [3, 4] },
    blockquote: false,
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    underline: false,
    link: false,
  }),
  Placeholders,
];

export function SectionEditor({
  label,
  value,
  onChange,
  readOnly,
}: {
  label: string;
  value: RichDoc;
  onChange: (next: RichDoc) => void;
  readOnly?: boolean;
}) {
  const editor = useEditor({
    extensions: EXTENSIONS,
    content: value,
    editable: !readOnly,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: { attributes: { 'aria-label': label, 'aria-multiline': 'true', role: 'textbox' } },
    onUpdate: ({ editor: e }) => onChange(e.getJSON() as RichDoc),
  });
  // A regenerated section or a reloaded version replaces the text from outside.
  useEffect(() => {
    if (!editor) return;
    if (JSON.stringify(editor.getJSON()) !== JSON.stringify(value))
      editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);
  return (
    <RichTextEditor editor={editor} className={classes.sectionBody} variant="subtle">
      {!readOnly && (
        <RichTextEditor.Toolbar>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Bold />
            <RichTextEditor.Italic />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.H3 />
            <RichTextEditor.H4 />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.BulletList />
            <RichTextEditor.OrderedList />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Undo />
            <RichTextEditor.Redo />
          </RichTextEditor.ControlsGroup>
        </RichTextEditor.Toolbar>
      )}
      <RichTextEditor.Content />
    </RichTextEditor>
  );
}
