// Shared by the JSON-lines CLIs: read stdin line by line, answer one line per input in order,
// and turn a bad line into {"id", "error"} without stopping the run.
import { createInterface } from 'node:readline';
import { isRecord } from '../../src/core/is-record';

export async function runJsonLines(handle: (input: Record<string, unknown>) => unknown | Promise<unknown>) {
  // When the reader goes away (`… | head`), stop quietly, as other command-line tools do, not with a trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let input: unknown;
    try {
      input = JSON.parse(line);
    } catch (error) {
      write({ id: null, error: `not a JSON line: ${(error as Error).message}` });
      continue;
    }
    if (!isRecord(input)) {
      write({ id: null, error: 'each line must be a JSON object' });
      continue;
    }
    const id = 'id' in input ? input.id : null;
    try {
      write(await handle(input));
    } catch (error) {
      write({ id, error: (error as Error).message || String(error) });
    }
  }
}

function write(value: unknown) {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

export function requireFlag(flag: string, usage: string) {
  if (!process.argv.includes(flag)) {
    process.stderr.write(`${usage}\n`);
    process.exit(2);
  }
}
