import type { MatchReason } from '../types.ts';
import { containsWords, nameWords } from './words.ts';

/**
 * The `source` condition: the outlet's name (any spelling, whole words: `الجزيرة` finds «قناة الجزيرة») or the
 * article URL's host (`aljazeera.net` also covers `www.aljazeera.net` and `mubasher.aljazeera.net`). A source
 * is not in the clean text, so the reason's span is empty.
 * `matchSource('bbc.com', {url: 'https://www.bbc.com/arabic/x'})` → `{kind: 'source', text: 'www.bbc.com'…}`.
 */
export function matchSource(
  wanted: string,
  meta: { readonly outlet?: string; readonly url?: string },
): MatchReason | undefined {
  const host = wantedHost(wanted);
  const urlHost = hostOf(meta.url);
  if (host !== undefined && urlHost !== undefined && (urlHost === host || urlHost.endsWith(`.${host}`))) {
    return { kind: 'source', start: 0, end: 0, text: urlHost, detail: 'host' };
  }
  if (meta.outlet !== undefined) {
    const outlet = meta.outlet.trim();
    const outletHost = outlet.toLowerCase().replace(/^www\./, '');
    if (
      (host !== undefined && (outletHost === host || outletHost.endsWith(`.${host}`))) ||
      containsWords(nameWords(outlet), nameWords(wanted))
    ) {
      return { kind: 'source', start: 0, end: 0, text: outlet, detail: 'outlet' };
    }
  }
  return undefined;
}

// `aljazeera.net`, `https://www.aljazeera.net/news` → `aljazeera.net`; a plain name (no dot) is no host.
function wantedHost(wanted: string): string | undefined {
  const trimmed = wanted.trim().toLowerCase();
  const host = /^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) ? hostOf(trimmed) : trimmed.split('/')[0];
  if (host === undefined || !host.includes('.')) return undefined;
  return host.replace(/^www\./, '');
}

function hostOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return new URL(url).hostname.toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}
