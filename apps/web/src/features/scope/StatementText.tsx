import { List, Stack, Text } from '@mantine/core';

/** "- Name: purpose" → the name in bold, so a reader scans the list by name. */
function Bullet({ line }: { line: string }) {
  const at = line.indexOf(': ');
  if (at <= 0) return <>{line}</>;
  return (
    <>
      <Text span fw={600} inherit>
        {line.slice(0, at)}
      </Text>
      {line.slice(at)}
    </>
  );
}

/** The composed scope statement: paragraphs split by blank lines, "- " lines as a bulleted list. */
export function StatementText({ text }: { text: string }) {
  const paragraphs = text.split(/\n{2,}/).filter((p) => p.trim());
  return (
    <Stack gap="sm" data-testid="scope-statement">
      {paragraphs.map((p, i) => {
        const lines = p.split('\n');
        const prose = lines.filter((l) => !l.startsWith('- '));
        const bullets = lines.filter((l) => l.startsWith('- ')).map((l) => l.slice(2));
        return (
          <div key={i}>
            {prose.length > 0 && <Text fz="sm">{prose.join(' ')}</Text>}
            {bullets.length > 0 && (
              <List fz="sm" spacing={4} mt={4} withPadding>
                {bullets.map((b, j) => (
                  <List.Item key={j}>
                    <Bullet line={b} />
                  </List.Item>
                ))}
              </List>
            )}
          </div>
        );
      })}
    </Stack>
  );
}
