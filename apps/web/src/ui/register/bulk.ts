import { notifications } from '@mantine/notifications';
import { errorMessage } from '../QueryState';

/**
 * Runs one existing write per selected row, one after the other (each with the version it read, so
 * a row changed meanwhile is refused, not overwritten), then says what was done and what was not.
 */
export async function bulkEach<R>(
  rows: R[],
  write: (row: R) => Promise<unknown>,
  words: { done: (n: number) => string; name: (row: R) => string },
): Promise<void> {
  const failed: string[] = [];
  let done = 0;
  for (const row of rows) {
    try {
      await write(row);
      done++;
    } catch (e) {
      failed.push(`${words.name(row)}: ${errorMessage(e)}`);
    }
  }
  if (done) notifications.show({ color: 'teal', message: words.done(done), autoClose: 4000 });
  if (failed.length)
    notifications.show({
      color: 'red',
      title: `${failed.length} not changed`,
      message: failed.slice(0, 5).join('\n'),
      autoClose: 10000,
    });
}
