import type { Token } from '../../../core/annotations.ts';
import { normalizeArabic } from '../../../text/normalize.ts';
import { procliticReadings, rawOffsetAfter } from '../registry/proclitics.ts';
import type { Draft } from './types.ts';

// The guest and the visitor, in the article's own voice.
const GUEST_WORDS = new Set(['الضيف', 'الزائر'].map((w) => normalizeArabic(w)));
// Verbs and nouns of visiting: a person named within a few words of one is a visitor.
const VISIT_WORDS = new Set(
  [
    'زار',
    'يزور',
    'تزور',
    'زيارة',
    'زيارته',
    'زيارتها',
    'الزيارة',
    'وصل',
    'يصل',
    'تصل',
    'وصلت',
    'يزورها',
    'يزوره',
  ].map((w) => normalizeArabic(w)),
);
const WINDOW = 6;

function readsAs(token: Token, words: ReadonlySet<string>): number | undefined {
  for (const r of procliticReadings(token.norm)) if (words.has(r.form)) return r.cut;
  return undefined;
}

/**
 * `الضيف` / `الزائر` → the person the article has visiting: the one most often named within a few words of a
 * visit word (زار، زيارة، وصل). Without visit words, or without such a person, nothing is linked.
 */
export function guestDrafts(text: string, tokens: readonly Token[], people: readonly Draft[]): Draft[] {
  const visits: number[] = [];
  tokens.forEach((t, i) => {
    if (t.type === 'word' && readsAs(t, VISIT_WORDS) !== undefined) visits.push(i);
  });
  if (visits.length === 0) return [];
  const near = new Map<string, number>();
  for (const p of people) {
    if (p.type !== 'PER') continue;
    if (visits.some((v) => Math.abs(p.tokenStart - v) <= WINDOW)) near.set(p.key, (near.get(p.key) ?? 0) + 1);
  }
  const ranked = [...near].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (best === undefined || (second !== undefined && second[1] === best[1])) return [];
  const drafts: Draft[] = [];
  tokens.forEach((t, i) => {
    const cut = t.type === 'word' ? readsAs(t, GUEST_WORDS) : undefined;
    if (cut === undefined) return;
    const start = t.start + rawOffsetAfter(t.text, cut);
    drafts.push({
      start,
      end: t.end,
      text: text.slice(start, t.end),
      tokenStart: i,
      tokenEnd: i + 1,
      type: 'PER',
      via: 'description',
      key: best[0],
    });
  });
  return drafts;
}
