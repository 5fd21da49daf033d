/** Newline-delimited JSON from the engine (events, pull progress), one parsed object per line. */
import type { Readable } from 'stream';

export function onJsonLines(stream: Readable, onObject: (o: Record<string, unknown>) => void): void {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(line);
      } catch {
        stream.destroy(new Error(`unexpected answer from the engine: ${line.slice(0, 200)}`));
        return;
      }
      onObject(parsed);
    }
  });
}
