import type { Token } from '../../core/annotations.ts';
import type { TriggerRecord } from './lexicon-file.ts';
import type { EventLexicon } from './lexicon.ts';
import { lookupKeys } from './words.ts';

/** A trigger found in the text: its tokens (through the required word, if any) and what it codes. */
export interface TriggerHit {
  readonly first: number;
  readonly last: number;
  readonly record: TriggerRecord;
  /** Written with the future prefix س (سيزور). */
  readonly future: boolean;
  /** A verbal noun with a possessive suffix (زيارته): its actor is someone named earlier. */
  readonly possessed: boolean;
}

/** How far after the trigger its required word may sit: أجرى وزير الخارجية محادثات. */
const REQUIRES_WINDOW = 4;

interface Found {
  readonly records: readonly TriggerRecord[];
  readonly future: boolean;
  readonly key: string;
}

function recordsOf(lexicon: EventLexicon, token: Token): Found | undefined {
  for (const key of lookupKeys(token)) {
    const records = lexicon.triggers.get(key);
    if (records !== undefined) return { records, future: false, key };
  }
  // The future prefix is not a clitic the tokenizer splits: سيزور، وستفرض.
  const norm = token.norm.replace(/^[وف]/, '');
  if (norm.startsWith('س') && 'يتنا'.includes(norm[1] ?? '')) {
    const records = lexicon.triggers.get(norm.slice(1));
    if (records?.some((r) => r.pos === 'verb')) return { records: records.filter((r) => r.pos === 'verb'), future: true, key: norm.slice(1) };
  }
  return undefined;
}

/**
 * The triggers in tokens [from, to): each token is looked up under its clitic-free spellings; a trigger with a
 * required word (وقّع → اتفاق) counts only when one follows closely. One hit per token: the first record that fits.
 */
export function findTriggers(lexicon: EventLexicon, tokens: readonly Token[], from: number, to: number): TriggerHit[] {
  const hits: TriggerHit[] = [];
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    if (token.type !== 'word') continue;
    const found = recordsOf(lexicon, token);
    if (found === undefined) continue;
    // With the article or a preposition on it (التعاون، للقاء), a form shared by a verb and its noun is the noun.
    const nominal = hasNounPrefix(token);
    for (const record of found.records) {
      if (nominal && record.pos === 'verb' && found.records.some((r) => r.pos === 'noun')) continue;
      const last =
        record.requires.length === 0 ? i : requiredWordAfter(tokens, i, Math.min(to, i + 1 + REQUIRES_WINDOW), record.requires);
      if (last === undefined) continue;
      // The first form of a noun record is the bare noun; the others carry a pronoun suffix.
      const possessed = record.pos === 'noun' && found.key !== record.forms[0];
      hits.push({ first: i, last, record, future: found.future, possessed });
      break;
    }
  }
  return hits;
}

function hasNounPrefix(token: Token): boolean {
  if (token.parts?.some((p) => p.role === 'article' || p.role === 'preposition')) return true;
  return /^(?:[وف]?(?:ال|لل|بال))/.test(token.norm);
}

function requiredWordAfter(tokens: readonly Token[], from: number, to: number, requires: readonly string[]): number | undefined {
  for (let j = from + 1; j < to; j++) {
    const keys = lookupKeys(tokens[j]!);
    if (tokens[j]!.norm.startsWith('ك')) keys.push(tokens[j]!.norm.slice(1));
    if (keys.some((k) => requires.includes(k))) return j;
    if (tokens[j]!.type === 'punct' && tokens[j]!.text !== '«' && tokens[j]!.text !== '»') return undefined;
  }
  return undefined;
}
