import type { Token } from '../../../core/annotations.ts';
import { procliticReadings, rawOffsetAfter } from '../registry/proclitics.ts';
import type { Registry } from '../registry/registry.ts';
import type { Draft } from './types.ts';

// The longest stretch between a title's first word and the name (نائب رئيس الوزراء الروسي = 4 words).
const MAX_TITLE_WORDS = 7;
// Words that end a title looking back: a clause starts there, not a role.
const BREAKERS = new Set([
  'ان',
  'انه',
  'الذي',
  'التي',
  'الذين',
  'قال',
  'قالت',
  'اكد',
  'اكدت',
  'عن',
  'مع',
  'الي',
  'علي',
]);

function titleWordCut(registry: Registry, token: Token): number | undefined {
  for (const r of procliticReadings(token.norm))
    if (registry.titleWords.has(r.form.replace(/^ال/, ''))) return r.cut;
  return undefined;
}

/**
 * The title or role given in apposition right before a person's name, if any: المتحدث باسم الكرملين (before
 * دميتري بيسكوف), حاكم منطقة خابروفسك (before `، ميخائيل ديغتياريف`). Looks back from the name to the nearest
 * title word, then takes title words just before it (نائب رئيس …); stops at punctuation and clause words.
 */
export function appositionTitle(
  registry: Registry,
  text: string,
  tokens: readonly Token[],
  name: Draft,
  others: readonly Draft[],
): string | undefined {
  let end = name.tokenStart - 1;
  if (tokens[end]?.text === '،' || tokens[end]?.text === ',') end--;
  const lastTitleToken = tokens[end];
  if (lastTitleToken === undefined) return undefined;
  let head: number | undefined;
  for (let i = end; i >= 0 && end - i < MAX_TITLE_WORDS; i--) {
    const t = tokens[i]!;
    if (t.type !== 'word' || BREAKERS.has(t.norm)) break;
    if (others.some((o) => o.type === 'PER' && o.tokenStart <= i && i < o.tokenEnd)) break;
    if (titleWordCut(registry, t) !== undefined) {
      head = i;
      break;
    }
  }
  if (head === undefined) return undefined;
  while (
    head > 0 &&
    tokens[head - 1]!.type === 'word' &&
    titleWordCut(registry, tokens[head - 1]!) !== undefined
  )
    head--;
  const first = tokens[head]!;
  const start = first.start + rawOffsetAfter(first.text, titleWordCut(registry, first) ?? 0);
  return text.slice(start, lastTitleToken.end);
}
