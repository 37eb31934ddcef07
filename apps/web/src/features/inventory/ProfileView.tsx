import { useId, type ReactNode } from 'react';
import { Badge, DataList, Group, Paper, SimpleGrid, Stack, Table, Text, Title, type MantineColor } from '@mantine/core';
import { IconUserExclamation } from '@tabler/icons-react';
import { COMPUTE_LOCATION_LABELS, type AiSystemProfile } from '@fortytwo/domain';
import { DEFAULT_FRAMEWORK } from '../catalog/api';
import { RefChip } from '../catalog/RefChip';
import { DATA_USE_LABELS, FORM_LABELS as F, PROFILE_FIELD_LABELS as L, PROFILE_TEXT as T } from './profile-text';
import type { DataUse } from './profile-values';
import classes from './profile.module.css';

const USE_COLORS: Record<DataUse, MantineColor> = {
  training: 'blue',
  validation: 'grape',
  test: 'cyan',
  production: 'teal',
};

const NotRecorded = () => (
  <Text fz="sm" c="dimmed">
    {T.notRecorded}
  </Text>
);

/** Free text as written (line breaks kept), or "Not recorded yet". */
const Prose = ({ text }: { text: string }) =>
  text ? (
    <Text fz="sm" className={classes.prose}>
      {text}
    </Text>
  ) : (
    <NotRecorded />
  );
const cell = (text: string) =>
  text ? (
    <span className={classes.prose}>{text}</span>
  ) : (
    <Text span fz="sm" c="dimmed">
      —
    </Text>
  );

function Section({
  title,
  hint,
  refId,
  orgId,
  testId,
  children,
}: {
  title: string;
  hint: string;
  refId?: string;
  orgId: string;
  testId: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={id} data-testid={testId}>
      <Group gap="xs" mb={2}>
        <Title order={2} fz="md" id={id}>
          {title}
        </Title>
        {refId && <RefChip orgId={orgId} frameworkId={DEFAULT_FRAMEWORK} refId={refId} />}
      </Group>
      <Text fz="sm" c="dimmed" mb="md">
        {hint}
      </Text>
      {children}
    </Paper>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

function Datasets({ rows }: { rows: AiSystemProfile['dataResources'] }) {
  if (rows.length === 0) return <NotRecorded />;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table className={classes.table} verticalSpacing="sm" layout="fixed" data-testid="profile-datasets">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="20%">{T.columnDataset}</Table.Th>
            <Table.Th w="17%">{T.columnUses}</Table.Th>
            <Table.Th w={130}>{T.columnPersonal}</Table.Th>
            <Table.Th>{T.columnLabelling}</Table.Th>
            <Table.Th>{T.columnRetention}</Table.Th>
            <Table.Th w="24%">{T.columnQuality}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((d, i) => (
            <Table.Tr key={`${i}-${d.name}`}>
              <Table.Td>
                <Text fz="sm" fw={600}>
                  {d.name}
                </Text>
                {d.origin && (
                  <Text fz="xs" c="dimmed">
                    {d.origin}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {d.uses.length ? (
                  <Group gap={4}>
                    {d.uses.map((u) => (
                      <Badge key={u} size="sm" variant="light" color={USE_COLORS[u]} tt="none">
                        {DATA_USE_LABELS[u]}
                      </Badge>
                    ))}
                  </Group>
                ) : (
                  cell('')
                )}
              </Table.Td>
              <Table.Td>
                {d.personalData ? (
                  <Badge
                    size="sm"
                    variant="light"
                    color="orange"
                    tt="none"
                    leftSection={<IconUserExclamation size={12} />}
                  >
                    {T.personalYes}
                  </Badge>
                ) : (
                  <Text span fz="sm" c="dimmed">
                    {T.personalNo}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{cell(d.labelling)}</Table.Td>
              <Table.Td>{cell(d.retention)}</Table.Td>
              <Table.Td>
                {d.quality || d.knownBias ? (
                  <Stack gap={4}>
                    {d.quality && (
                      <Text fz="sm" className={classes.prose}>
                        <Text span fw={600} fz="sm">
                          {T.qualityLabel}:
                        </Text>{' '}
                        {d.quality}
                      </Text>
                    )}
                    {d.knownBias && (
                      <Text fz="sm" className={classes.prose}>
                        <Text span fw={600} fz="sm">
                          {T.biasLabel}:
                        </Text>{' '}
                        {d.knownBias}
                      </Text>
                    )}
                  </Stack>
                ) : (
                  cell('')
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Pairs({ rows, head, testId }: { rows: { a: string; b: string }[]; head: [string, string]; testId: string }) {
  if (rows.length === 0) return <NotRecorded />;
  return (
    <Table className={classes.table} verticalSpacing="xs" layout="fixed" data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="40%">{head[0]}</Table.Th>
          <Table.Th>{head[1]}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r, i) => (
          <Table.Tr key={`${i}-${r.a}`}>
            <Table.Td fw={600}>{r.a}</Table.Td>
            <Table.Td>{cell(r.b)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A saved profile, section by section, in the order of control group A.4 and then use. */
export function ProfileView({ orgId, profile: p }: { orgId: string; profile: AiSystemProfile }) {
  return (
    <Stack gap="lg">
      <Section orgId={orgId} title={T.sectionData} hint={T.sectionDataHint} refId="A.4.3" testId="profile-data">
        <Datasets rows={p.dataResources} />
      </Section>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section
          orgId={orgId}
          title={T.sectionTooling}
          hint={T.sectionToolingHint}
          refId="A.4.4"
          testId="profile-tooling"
        >
          <Pairs
            rows={p.tooling.map((t) => ({ a: t.name, b: t.purpose }))}
            head={[T.columnTool, T.columnPurpose]}
            testId="profile-tools"
          />
        </Section>
        <Section orgId={orgId} title={T.sectionPeople} hint={T.sectionPeopleHint} refId="A.4.6" testId="profile-people">
          <Pairs
            rows={p.humanResources.map((h) => ({ a: h.role, b: h.skills }))}
            head={[T.columnRole, T.columnSkills]}
            testId="profile-roles"
          />
        </Section>
      </SimpleGrid>
      <Section
        orgId={orgId}
        title={T.sectionCompute}
        hint={T.sectionComputeHint}
        refId="A.4.5"
        testId="profile-compute"
      >
        <DataList withDivider labelWidth={200} gap="md">
          <Item label={F.computeLocation}>
            {p.compute.location ? (
              <Badge variant="default" tt="none" fw={600}>
                {COMPUTE_LOCATION_LABELS[p.compute.location]}
              </Badge>
            ) : (
              <NotRecorded />
            )}
          </Item>
          <Item label={F.computeDetails}>
            <Prose text={p.compute.details} />
          </Item>
          <Item label={F.environmentalNotes}>
            <Prose text={p.compute.environmentalNotes} />
          </Item>
        </DataList>
      </Section>
      <Section orgId={orgId} title={T.sectionUse} hint={T.sectionUseHint} testId="profile-use">
        <DataList withDivider labelWidth={200} gap="md">
          <Item label={L.intendedUse}>
            <Prose text={p.intendedUse} />
          </Item>
          <Item label={L.foreseeableMisuse}>
            <Prose text={p.foreseeableMisuse} />
          </Item>
        </DataList>
      </Section>
      <Section orgId={orgId} title={T.sectionAffected} hint={T.sectionAffectedHint} testId="profile-affected">
        <DataList withDivider labelWidth={200} gap="md">
          <Item label={L.affectedGroups}>
            {p.affectedGroups.length ? (
              <Group gap={6}>
                {p.affectedGroups.map((g) => (
                  <Badge key={g} variant="default" tt="none" fw={500}>
                    {g}
                  </Badge>
                ))}
              </Group>
            ) : (
              <NotRecorded />
            )}
          </Item>
          <Item label={L.humanOversight}>
            <Prose text={p.humanOversight} />
          </Item>
        </DataList>
      </Section>
    </Stack>
  );
}
