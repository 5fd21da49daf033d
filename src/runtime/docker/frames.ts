/**
 * Docker's multiplexed stream (logs and exec of containers without a TTY): frames of an 8-byte header
 * [stream, 0, 0, 0, size as uint32 big-endian] followed by `size` bytes; stream 1 is stdout, 2 stderr.
 */
import { Transform } from 'stream';

export type StreamKind = 'stdout' | 'stderr';

export class FrameParser {
  private pending: Buffer = Buffer.alloc(0);

  constructor(private readonly onFrame: (kind: StreamKind, payload: Buffer) => void) {}

  /** Feeds bytes in any chunking; complete frames are handed on, a partial one waits for the rest. */
  push(chunk: Buffer): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    while (this.pending.length >= 8) {
      const end = 8 + this.pending.readUInt32BE(4);
      if (this.pending.length < end) return;
      this.onFrame(this.pending[0] === 2 ? 'stderr' : 'stdout', this.pending.subarray(8, end));
      this.pending = this.pending.subarray(end);
    }
  }
}

/** A stream of the frames' text, stdout and stderr merged in the order the engine sent them. */
export function mergedText(): Transform {
  let parser: FrameParser;
  const out = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      parser.push(chunk);
      done();
    },
  });
  parser = new FrameParser((_kind, payload) => out.push(payload));
  out.setEncoding('utf8');
  return out;
}
