import { RasdError } from '../../core/errors.ts';

const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Shortest interval accepted: polling a source more often than this is abuse, not monitoring. */
export const MIN_INTERVAL_MS = 1000;

/**
 * A polling interval written as a number and a unit (s, m, h, d), in milliseconds. Throws an `E_USAGE`
 * RasdError for anything else, so a typo never polls a site every millisecond.
 * `parseInterval('15m')` → `900000`; `parseInterval('1.5h')` → `5400000`.
 */
export function parseInterval(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([smhd])\s*$/i.exec(text);
  const ms = match === null ? Number.NaN : Number(match[1]) * UNIT_MS[match[2]!.toLowerCase()]!;
  if (!Number.isFinite(ms) || ms < MIN_INTERVAL_MS) {
    throw new RasdError(
      'E_USAGE',
      `bad interval ${JSON.stringify(text)}: expected a number and a unit (s, m, h, d), at least 1s — e.g. 30s, 15m, 1h, 1d`,
    );
  }
  return Math.round(ms);
}
