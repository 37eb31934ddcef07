import { Fragment, type ReactNode } from 'react';
import { List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { RichBlock, RichDoc, RichInline } from '@fortytwo/domain';
import classes from './documents.module.css';

// A version's text read-only: narrative sections from their stored JSON (never HTML), and a
// register document's frozen rendering (the same model the DOCX and PDF are made from).

function withPlaceholders(text: string): ReactNode {
  const parts = text.split(/(\[\[[^\]]*\]\])/g);
  return parts.map((p, i) =>
    p.startsWith('[[') && p.endsWith(']]') ? (
      <mark key={i} className={classes.placeholder} data-placeholder="true">
        {p}
      </mark>
    ) : (
      <Fragment key={i}>{p}</Fragment>
    ),
  );
}

function Inlines({ content }: { content?: RichInline[] }) {
  return (
    <>
      {(content ?? []).map((i, n) => {
        if (i.type === 'hardBreak') return <br key={n} />;
        let node: ReactNode = withPlaceholders(i.text);
        if (i.marks?.some((m) => m.type === 'italic')) node = <em>{node}</em>;
        if (i.marks?.some((m) => m.type === 'bold')) node = <strong>{node}</strong>;
        return <Fragment key={n}>{node}</Fragment>;
      })}
    </>
  );
}

function Block({ b }: { b: RichBlock }) {
  if (b.type === 'paragraph')
    return (
      <Text fz="sm" lh={1.6}>
        <Inlines content={b.content} />
      </Text>
    );
  if (b.type === 'heading')
    return (
      <Title order={b.attrs.level === 3 ? 4 : 5} fz="sm" mt="xs">
        <Inlines content={b.content} />
      </Title>
    );
  return (
    <List type={b.type === 'orderedList' ? 'ordered' : 'unordered'} fz="sm" spacing={2} withPadding>
      {b.content.map((item, n) => (
        <List.Item key={n}>
          {item.content.map((part, j) => (
            <Block key={j} b={part} />
          ))}
        </List.Item>
      ))}
    </List>
  );
}

export function RichText({ doc }: { doc: RichDoc }) {
  if (doc.content.length === 0)
    return (
      <Text fz="sm" c="dimmed">
        Empty.
      </Text>
    );
  return (
    <Stack gap={8} className={classes.sectionBody}>
      {doc.content.map((b, n) => (
        <Block key={n} b={b} />
      ))}
    </Stack>
  );
}

type DocRun = { text: string; bold?: boolean; italic?: boolean; lineBreak?: boolean };
type DocBlock =
  | { kind: 'paragraph'; runs: DocRun[] }
  | { kind: 'heading'; text: string }
  | { kind: 'item'; ordered: boolean; level: number; number: number; runs: DocRun[] };
type DocSection = {
  heading: string;
  blocks?: DocBlock[];
  paragraphs?: string[];
  bullets?: string[];
  table?: { columns: { header: string }[]; rows: string[][] };
};
export type RegisterRendering = { sections: DocSection[]; basis: string };

const runs = (r: DocRun[]) =>
  r.map((x, i) =>
    x.lineBreak ? (
      <br key={i} />
    ) : x.bold ? (
      <strong key={i}>{x.text}</strong>
    ) : x.italic ? (
      <em key={i}>{x.text}</em>
    ) : (
      <Fragment key={i}>{x.text}</Fragment>
    ),
  );

/** A register document as it was frozen for review: its sections, paragraphs, bullets and tables. */
export function RegisterView({ rendering }: { rendering: RegisterRendering }) {
  return (
    <Stack gap="lg">
      <Text fz="xs" c="dimmed">
        {rendering.basis}
      </Text>
      {rendering.sections.map((s, n) => (
        <Paper key={n} withBorder radius="md" p="lg" component="section">
          <Title order={2} fz="md" mb="sm">
            {s.heading}
          </Title>
          <Stack gap={6}>
            {(s.blocks ?? []).map((b, i) =>
              b.kind === 'heading' ? (
                <Title key={i} order={3} fz="sm">
                  {b.text}
                </Title>
              ) : (
                <Text key={i} fz="sm" pl={b.kind === 'item' ? 16 + b.level * 16 : 0}>
                  {b.kind === 'item' ? (b.ordered ? `${b.number}. ` : '• ') : ''}
                  {runs(b.runs)}
                </Text>
              ),
            )}
            {(s.paragraphs ?? []).map((p, i) => (
              <Text key={`p${i}`} fz="sm">
                {p}
              </Text>
            ))}
            {(s.bullets ?? []).length > 0 && (
              <List fz="sm" withPadding>
                {s.bullets!.map((b, i) => (
                  <List.Item key={i}>{b}</List.Item>
                ))}
              </List>
            )}
            {s.table && (
              <Table.ScrollContainer minWidth={640}>
                <Table withTableBorder fz="xs" verticalSpacing={4}>
                  <Table.Thead>
                    <Table.Tr>
                      {s.table.columns.map((c) => (
                        <Table.Th key={c.header}>{c.header}</Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {s.table.rows.map((r, i) => (
                      <Table.Tr key={i}>
                        {r.map((cell, j) => (
                          <Table.Td key={j} style={{ whiteSpace: 'pre-wrap', verticalAlign: 'top' }}>
                            {cell}
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
