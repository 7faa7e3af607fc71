import type { ByteCounter } from './types.ts';

interface Counts {
  readonly items: number;
}

/**
 * A one-line progress display for a terminal: items, rate, share of input bytes read and ETA. Silent when
 * the stream is not a terminal (pipes, CI, logs), so scripted runs stay clean. Redraws at most 10×/s.
 * `const p = createProgress(process.stderr, counter, totalBytes); p.update(summary); p.done();`
 */
export function createProgress(stream: NodeJS.WriteStream, counter: ByteCounter, totalBytes: number | undefined) {
  const enabled = stream.isTTY === true;
  const started = Date.now();
  let last = 0;
  let items = 0;
  const draw = () => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? items / seconds : 0;
    let tail = '';
    if (totalBytes !== undefined && totalBytes > 0) {
      const share = Math.min(1, counter.read / totalBytes);
      const eta = share > 0 ? (seconds * (1 - share)) / share : undefined;
      tail = ` ${bar(share)} ${(share * 100).toFixed(0)}%${eta === undefined ? '' : ` ETA ${clock(eta)}`}`;
    }
    stream.write(`\r\x1b[K${items} items  ${rate.toFixed(1)}/s${tail}`);
  };
  return {
    update(counts: Counts): void {
      items = counts.items;
      if (!enabled || Date.now() - last < 100) return;
      last = Date.now();
      draw();
    },
    done(): void {
      if (!enabled) return;
      draw();
      stream.write('\n');
    },
  };
}

function bar(share: number, width = 24): string {
  const full = Math.round(share * width);
  return `[${'#'.repeat(full)}${'.'.repeat(width - full)}]`;
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
