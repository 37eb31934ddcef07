/** Where a command reads its environment and writes its output; tests pass their own. */
export type Io = {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
};

export const processIo = (): Io => ({ stdout: process.stdout, stderr: process.stderr, env: process.env });

export const println = (stream: Io['stdout'], text = '') => stream.write(`${text}\n`);
