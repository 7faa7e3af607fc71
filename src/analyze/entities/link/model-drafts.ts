import stopwords from '../../../../data/lexicon/stopwords.json' with { type: 'json' };
import type { EntityType, Token } from '../../../core/annotations.ts';
import { overlaps } from '../../../core/span.ts';
import { isNationalityAdjective } from '../registry/match.ts';
import type { Registry } from '../registry/registry.ts';
import { bareNorm, isTitleWord, nameStart } from './spans.ts';
import type { Draft, ModelMention } from './types.ts';
import { isSpeaksFor } from './speaks-for.ts';

const TANWEEN = /[\u064B-\u064D]/;
const FUNCTION_WORDS: ReadonlySet<string> = new Set(stopwords.words);

/**
 * A model name without the words of a blocked phrase at its edges (محمد صلى → محمد, before صلى الله عليه
 * وسلم); `undefined` when nothing is left or the phrase sits inside it.
 */
function outsideBlocked(
  m: ModelMention,
  tokens: readonly Token[],
  blocked: Uint8Array,
): ModelMention | undefined {
  let from = m.tokenStart;
  let to = m.tokenEnd;
  while (from < to && blocked[from] === 1) from++;
  while (to > from && blocked[to - 1] === 1) to--;
  if (from >= to) return undefined;
  for (let k = from; k < to; k++) if (blocked[k] === 1) return undefined;
  if (from === m.tokenStart && to === m.tokenEnd) return m;
  return { ...m, tokenStart: from, tokenEnd: to, start: tokens[from]!.start, end: tokens[to - 1]!.end };
}

/** The key of an entity the registry does not know: its type and normalized words without proclitics. */
export function docKey(type: string, tokens: readonly Token[], from: number, to: number): string {
  const words = tokens.slice(from, to).map((t, i) => (i === 0 ? bareNorm(t) : t.norm));
  // A one-word name written with and without the article (الفيفا، فيفا; اليونسكو، يونسكو) is one name.
  if (words.length === 1 && words[0]!.startsWith('ال') && words[0]!.length >= 5)
    words[0] = words[0]!.slice(2);
  return `doc:${type}:${words.join(' ')}`;
}

/**
 * Model mentions the registry did not already cover, with proclitics cut off the first word
 * (`لكيم` → `كيم`). A model name overlapping a registry name of the same type or a person is dropped: the
 * registry's reading wins. A name holding a registry name of another type stays (جامعة القاهرة holds القاهرة).
 * A "person" made of title words only (ولي ولي in ولي ولي العهد, the deputy crown prince) names nobody, and a
 * nationality adjective after a definite noun (الخطوط السعودية) names no place.
 */
export function modelDrafts(
  text: string,
  tokens: readonly Token[],
  model: readonly ModelMention[],
  named: readonly Draft[],
  registry: Registry,
  blockedPhrases: readonly (readonly [number, number])[] = [],
): Draft[] {
  const drafts: Draft[] = [];
  const blocked = new Uint8Array(tokens.length);
  for (const [from, to] of blockedPhrases) blocked.fill(1, from, to);
  for (const found of model) {
    const m = outsideBlocked(found, tokens, blocked);
    const first = m === undefined ? undefined : tokens[m.tokenStart];
    if (m === undefined || first === undefined || m.tokenEnd <= m.tokenStart) continue;
    // A pronoun or particle (له، ما) is no name; nor is God alone (سائلا الله أن يحفظ…, بيت الله), named in
    // prayers and formulae throughout Arabic news but never an actor in it.
    if (
      m.tokenEnd - m.tokenStart === 1 &&
      (FUNCTION_WORDS.has(bareNorm(first)) || bareNorm(first) === 'الله')
    )
      continue;
    // Tanween marks an indefinite adjective or noun (مركزاً روسياً), not a name.
    if (m.tokenEnd - m.tokenStart === 1 && TANWEEN.test(first.text)) continue;
    if (isSpeaksFor(tokens, m.tokenStart)) continue;
    const words = tokens.slice(m.tokenStart, m.tokenEnd);
    if (m.type === 'PER' && words.every((t) => isTitleWord(registry.titleWords, t))) continue;
    // The registry reads للخطوط السعودية as an adjective, not the country; a model place there is no place.
    if (words.length === 1 && isNationalityAdjective(registry, tokens, m.tokenStart)) continue;
    const start = Math.max(m.start, nameStart(first));
    const span = { start, end: m.end };
    const clash = named.some(
      (d) =>
        overlaps(d, span) &&
        (d.type === m.type ||
          d.type === 'PER' ||
          // A person's name holds no organisation (سحق بوكو حرام, "crush Boko Haram", is no one).
          (m.type === 'PER' && d.type === 'ORG') ||
          !(d.start >= start && d.end <= m.end)),
    );
    if (clash) continue;
    drafts.push({
      start,
      end: m.end,
      text: text.slice(start, m.end),
      tokenStart: m.tokenStart,
      tokenEnd: m.tokenEnd,
      type: m.type,
      via: 'model',
      key: docKey(m.type, tokens, m.tokenStart, m.tokenEnd),
    });
  }
  return drafts;
}

/**
 * One type per name in an article: the model may call the same name a club here and a thing there (ريال،
 * فيفا، بوكو حرام); every mention of it takes the type most of them have (the first one's on a tie), so
 * the name is one entity.
 */
export function oneTypePerName(drafts: readonly Draft[]): Draft[] {
  const votes = new Map<string, Map<EntityType, number>>();
  for (const d of drafts) {
    const name = nameOfKey(d.key);
    const counts = votes.get(name) ?? new Map<EntityType, number>();
    counts.set(d.type, (counts.get(d.type) ?? 0) + 1);
    votes.set(name, counts);
  }
  return drafts.map((d) => {
    const counts = votes.get(nameOfKey(d.key))!;
    if (counts.size === 1) return d;
    // Ties go to the type of the name's first mention: Map order is first-seen order.
    const top = Math.max(...counts.values());
    const best = [...counts].find(([, n]) => n === top)![0];
    return best === d.type ? d : { ...d, type: best, key: `doc:${best}:${nameOfKey(d.key)}` };
  });
}

/** `doc:ORG:ريال` → `ريال`. */
function nameOfKey(key: string): string {
  return key.slice(key.indexOf(':', 4) + 1);
}
