import type { Token } from '../../../core/annotations.ts';
import { procliticReadings, rawOffsetAfter } from '../registry/proclitics.ts';
import type { Registry } from '../registry/registry.ts';
import { bareNorm, isTitleWord, sentenceIndexOf } from './spans.ts';
import type { Draft } from './types.ts';
import { isSpeaksFor } from './speaks-for.ts';

// A short form has at least this many letters: a lone initial is not a name.
const MIN_ALIAS_LETTERS = 3;
const TANWEEN = /[\u064B-\u064D]/;

interface AliasSource {
  readonly key: string;
  readonly tokenStart: number;
  readonly sentence: number;
}

/** First and last words of full person names (كيم جونغ أون → كيم, أون), without given names and particles. */
function aliasTable(
  registry: Registry,
  tokens: readonly Token[],
  people: readonly Draft[],
  starts: readonly number[],
) {
  const table = new Map<string, AliasSource[]>();
  for (const p of people) {
    if (p.type !== 'PER' || p.via === 'description' || p.tokenEnd - p.tokenStart < 2) continue;
    const words = [bareNorm(tokens[p.tokenStart]!), tokens[p.tokenEnd - 1]!.norm];
    for (const word of new Set(words)) {
      if (word.length < MIN_ALIAS_LETTERS || registry.nameParts.has(word)) continue;
      const list = table.get(word) ?? [];
      list.push({ key: p.key, tokenStart: p.tokenStart, sentence: sentenceIndexOf(starts, p.tokenStart) });
      table.set(word, list);
    }
  }
  return table;
}

/**
 * Family names of two words or more, the last words of full person names of three or more: داود أوغلو (أحمد
 * داود أوغلو), أبو ردينة (نبيل أبو ردينة), ولد الشيخ أحمد (إسماعيل ولد الشيخ أحمد). Keyed by their
 * normalized words, the first without proclitics; a title word does not start one (الشيخ أحمد is someone).
 */
function surnameTable(
  registry: Registry,
  tokens: readonly Token[],
  people: readonly Draft[],
  starts: readonly number[],
) {
  const table = new Map<string, AliasSource[]>();
  let longest = 0;
  // Words that are part of another kind of name here (حركة بوكو حرام) are no family name, even when the
  // model read them into a person (سحق بوكو حرام).
  const elsewhere = new Set<string>();
  for (const d of people) {
    if (d.type === 'PER') continue;
    for (let a = d.tokenStart; a < d.tokenEnd; a++)
      for (let b = a + 2; b <= d.tokenEnd; b++)
        elsewhere.add(phraseKey(bareNorm(tokens[a]!), tokens, a + 1, b));
  }
  for (const p of people) {
    const n = p.tokenEnd - p.tokenStart;
    if (p.type !== 'PER' || p.via === 'description' || n < 3) continue;
    for (let k = 2; k < n; k++) {
      const from = p.tokenEnd - k;
      if (isTitleWord(registry.titleWords, tokens[from]!)) continue;
      const key = phraseKey(bareNorm(tokens[from]!), tokens, from + 1, p.tokenEnd);
      if (elsewhere.has(key)) continue;
      const list = table.get(key) ?? [];
      list.push({ key: p.key, tokenStart: p.tokenStart, sentence: sentenceIndexOf(starts, p.tokenStart) });
      table.set(key, list);
      longest = Math.max(longest, k);
    }
  }
  return { table, longest };
}

/** A first word and the normalized tokens after it, up to `to`: the key of a phrase. */
function phraseKey(first: string, tokens: readonly Token[], from: number, to: number): string {
  return [first, ...tokens.slice(from, to).map((t) => t.norm)].join(' ');
}

/**
 * The person a short form names when several full names share it (كيم: Kim Jong Un, Kim Jong Il): a full
 * name earlier in the same sentence, else the most talked-about, else the first introduced.
 */
function choose(
  sources: readonly AliasSource[],
  at: number,
  sentence: number,
  salience: ReadonlyMap<string, number>,
): string {
  const keys = [...new Set(sources.map((s) => s.key))];
  if (keys.length === 1) return keys[0]!;
  const sameSentence = sources.filter((s) => s.sentence === sentence && s.tokenStart < at);
  if (sameSentence.length > 0)
    return sameSentence.reduce((a, b) => (b.tokenStart > a.tokenStart ? b : a)).key;
  const firstSeen = new Map<string, number>();
  for (const s of sources) firstSeen.set(s.key, Math.min(firstSeen.get(s.key) ?? Infinity, s.tokenStart));
  return keys.sort(
    (a, b) =>
      (salience.get(b) ?? 0) - (salience.get(a) ?? 0) || (firstSeen.get(a) ?? 0) - (firstSeen.get(b) ?? 0),
  )[0]!;
}

/**
 * Short and clitic forms of full names mentioned in the article (كيم، لكيم، لكيشيدا) as coreference mentions.
 * Words already inside another mention are left alone; a model name that starts with a registry person's short
 * form, and a one-word model person that is any full name's short form, are replaced by the coreference
 * reading. Returns the new mentions and the model names they replace.
 */
export function aliasDrafts(
  registry: Registry,
  text: string,
  tokens: readonly Token[],
  starts: readonly number[],
  drafts: readonly Draft[],
): { added: Draft[]; replaced: Set<Draft> } {
  // Registry names are sure; a model name starting with one of their short forms is that short form, glued
  // to a word the model took along (كيم بينما) or alone (كيم): it becomes a coreference, not a new person.
  const sure = aliasTable(
    registry,
    tokens,
    drafts.filter((d) => d.via === 'registry'),
    starts,
  );
  const replaced = new Set(
    drafts.filter((d) => d.via === 'model' && d.type === 'PER' && sure.has(bareNorm(tokens[d.tokenStart]!))),
  );
  // A model person that is another person's family name of two words or more (داود أوغلو after أحمد داود
  // أوغلو) is that person again.
  const surnames = surnameTable(registry, tokens, drafts, starts);
  for (const d of drafts)
    if (
      d.via === 'model' &&
      d.type === 'PER' &&
      d.tokenEnd - d.tokenStart >= 2 &&
      surnames.table.has(phraseKey(bareNorm(tokens[d.tokenStart]!), tokens, d.tokenStart + 1, d.tokenEnd))
    )
      replaced.add(d);
  const table = aliasTable(
    registry,
    tokens,
    drafts.filter((d) => !replaced.has(d)),
    starts,
  );
  // A one-word model person that is the first or last word of a full name in the article (طرابيشي after
  // جورج طرابيشي) is that person again, not a second one.
  for (const d of drafts)
    if (
      d.via === 'model' &&
      d.type === 'PER' &&
      d.tokenEnd - d.tokenStart === 1 &&
      table.has(bareNorm(tokens[d.tokenStart]!))
    )
      replaced.add(d);
  const salience = new Map<string, number>();
  for (const d of drafts) salience.set(d.key, (salience.get(d.key) ?? 0) + 1);
  const covered = new Uint8Array(tokens.length);
  for (const d of drafts) if (!replaced.has(d)) covered.fill(1, d.tokenStart, d.tokenEnd);
  const added: Draft[] = [];
  const coreference = (i: number, end: number, cut: number, key: string): void => {
    const start = tokens[i]!.start + rawOffsetAfter(tokens[i]!.text, cut);
    added.push({
      start,
      end: tokens[end - 1]!.end,
      text: text.slice(start, tokens[end - 1]!.end),
      tokenStart: i,
      tokenEnd: end,
      type: 'PER',
      via: 'coreference',
      key,
    });
    covered.fill(1, i, end);
  };
  tokens.forEach((t, i) => {
    if (covered[i] === 1 || t.type !== 'word' || TANWEEN.test(t.text) || isSpeaksFor(tokens, i)) return;
    // Family names of several words first, longest first (لداود أوغلو).
    for (let k = Math.min(surnames.longest, tokens.length - i); k >= 2; k--) {
      if (covered.subarray(i, i + k).some((c) => c === 1)) continue;
      for (const reading of procliticReadings(t.norm)) {
        const sources = surnames.table.get(phraseKey(reading.form, tokens, i + 1, i + k));
        if (sources === undefined) continue;
        coreference(i, i + k, reading.cut, choose(sources, i, sentenceIndexOf(starts, i), salience));
        return;
      }
    }
    for (const reading of procliticReadings(t.norm)) {
      const sources = table.get(reading.form);
      if (sources === undefined) continue;
      coreference(i, i + 1, reading.cut, choose(sources, i, sentenceIndexOf(starts, i), salience));
      return;
    }
  });
  return { added, replaced };
}
