import type { PollResult } from './poll.ts';

/**
 * One log line for a poll, as `rasd watch` prints it.
 * `describePoll(result)` → `'ok 200 https://x/rss: 12 listed, 3 new, 2 stored, 1 copy; next 2026-01-01T00:15:00.000Z'`.
 */
export function describePoll(result: PollResult): string {
  const r = result.record;
  const next = `next ${r.nextPollAt}`;
  if (r.outcome === 'not-modified') return `unchanged ${r.httpStatus ?? 304} ${result.url}; ${next}`;
  if (r.outcome === 'error')
    return `error ${result.url}: ${r.error ?? 'failed'}; ${r.failures} failure${r.failures === 1 ? '' : 's'} in a row, ${next}`;
  const copies =
    result.duplicates === 0 ? '' : `, ${result.duplicates} ${result.duplicates === 1 ? 'copy' : 'copies'}`;
  const problems =
    result.problems.length === 0
      ? ''
      : `, ${result.problems.length} failed (${result.problems[0]!.input}: ${result.problems[0]!.reason}${result.problems.length > 1 ? ', …' : ''})`;
  return `ok ${r.httpStatus ?? 200} ${result.url}: ${result.listed} listed, ${r.newItems} new, ${r.ingested} stored${copies}${problems}; ${next}`;
}
