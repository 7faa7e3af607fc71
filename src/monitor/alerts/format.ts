import type { Alert, MatchReason, Watchlist } from '../types.ts';

const MAX_REASON_TEXT = 60;

/**
 * One line per alert for `rasd watch --alerts` (stdout, grep-able): time, watchlist, title, outlet, URL (or
 * the article id) and why it matched. Line breaks and tabs in untrusted titles are flattened so an alert is
 * always one line.
 * `formatAlertLine(alert, watchlist)` → `2023-09-15T10:00:00.000Z [Peskov] الكرملين ينفي… — aawsat.com https://… | quote: «لم يتم…» (Dmitry Peskov)`.
 */
export function formatAlertLine(alert: Alert, watchlist: Pick<Watchlist, 'name'> | undefined): string {
  const where = [alert.outlet, alert.url ?? `article ${alert.articleId}`]
    .filter((p) => p !== undefined)
    .map(oneLine)
    .join(' ');
  const reasons = alert.match.reasons.map(formatReason).join('; ');
  return `${alert.createdAt} [${oneLine(watchlist?.name ?? alert.watchlistId)}] ${oneLine(alert.title ?? '(no title)')} — ${where}${reasons === '' ? '' : ` | ${reasons}`}`;
}

function formatReason(reason: MatchReason): string {
  const text = oneLine(reason.text);
  const short = text.length > MAX_REASON_TEXT ? `${text.slice(0, MAX_REASON_TEXT - 1)}…` : text;
  return `${reason.kind}: «${short}»${reason.detail === undefined ? '' : ` (${oneLine(reason.detail)})`}`;
}

// Control characters (a newline, an ANSI escape) in scraped text must not break or recolour the terminal line.
function oneLine(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
