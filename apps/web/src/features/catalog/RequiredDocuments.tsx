import { Badge, Group, Table, Text } from '@mantine/core';
import type { ReferenceList, RequiredDocument } from '../../api/types';
import { DOCUMENTATION_HELP, DOCUMENTATION_LABELS } from './labels';
import { PaneSection } from './PaneSection';
import { RefChip } from './RefChip';
import { CATALOG_TEXT as T } from './text';
import classes from './catalog.module.css';

export function DocumentWording({ wording }: { wording: RequiredDocument['wording'] }) {
  return (
    <Badge
      variant="light"
      color="grape"
      tt="none"
      size="sm"
      title={DOCUMENTATION_HELP[wording]}
      style={{ flexShrink: 0 }}
    >
      {DOCUMENTATION_LABELS[wording]}
    </Badge>
  );
}

/** The framework's list of mandatory documented information, each row with the items that ask for it. */
export function RequiredDocumentsTable({
  orgId,
  frameworkId,
  documents,
  titleOf,
}: {
  orgId: string;
  frameworkId: string;
  documents: RequiredDocument[];
  titleOf: (ref: string) => string | undefined;
}) {
  return (
    <PaneSection title={T.mandatoryDocuments} hint={T.mandatoryDocumentsHint}>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="sm" className={classes.table}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{T.document}</Table.Th>
              <Table.Th w={100}>{T.wording}</Table.Th>
              <Table.Th w={170}>{T.askedBy}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {documents.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  <Text fz="sm" fw={600}>
                    {d.title}
                  </Text>
                  <Text fz="xs" c="dimmed" mt={2}>
                    {d.description}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <DocumentWording wording={d.wording} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {[...d.clauses, ...d.controls].map((r) => (
                      <RefChip key={r} orgId={orgId} frameworkId={frameworkId} refId={r} title={titleOf(r)} />
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </PaneSection>
  );
}

/** A selectable list such as ISO 42001 Annex C, shown as a reference table. */
export function ReferenceListTable({ list }: { list: ReferenceList }) {
  return (
    <PaneSection title={list.title} hint={list.description ?? undefined}>
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing="xs" className={classes.table}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>{T.referenceTableRef}</Table.Th>
              <Table.Th w={190}>{T.referenceTableTitle}</Table.Th>
              <Table.Th>{T.referenceTableDescription}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.entries.map((e) => (
              <Table.Tr key={e.ref}>
                <Table.Td className={classes.mono} fz="xs">
                  {e.ref}
                </Table.Td>
                <Table.Td fz="sm" fw={600}>
                  {e.title}
                </Table.Td>
                <Table.Td fz="sm">{e.description}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </PaneSection>
  );
}
