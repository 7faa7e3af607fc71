import type { Token } from '../../../core/annotations.ts';
import type { Span } from '../../../core/span.ts';
import { procliticReadings, rawOffsetAfter } from './proclitics.ts';
import type { Registry, VariantEntry } from './registry.ts';

/** A stretch of the text that names one or more registry actors. */
export interface RegistryMatch extends Span {
  readonly text: string;
  /** Token range `[tokenStart, tokenEnd)`. */
  readonly tokenStart: number;
  readonly tokenEnd: number;
  /** The actors the words may name; more than one when a variant is shared (عمان). */
  readonly actorIds: readonly string[];
  /** True when found inside a longer match (المحيط الهادي inside الأسطول الروسي في المحيط الهادي). */
  readonly nested: boolean;
}

const NAME_TOKEN_TYPES = new Set(['word', 'number', 'latin']);
// Tanween marks an indefinite noun or adjective (مركزاً روسياً), never a name as written.
const TANWEEN = /[\u064B-\u064D]/;

interface Candidate {
  readonly entry: VariantEntry;
  readonly cut: number;
}

/** The longest variant starting at token `i`, reading its first word with or without proclitics. */
function longestAt(registry: Registry, tokens: readonly Token[], i: number): Candidate | undefined {
  const first = tokens[i];
  if (first === undefined || !NAME_TOKEN_TYPES.has(first.type) || TANWEEN.test(first.text)) return undefined;
  let best: Candidate | undefined;
  for (const reading of procliticReadings(first.norm)) {
    for (const entry of registry.variants.get(reading.form) ?? []) {
      if (best !== undefined && entry.words.length <= best.entry.words.length) break;
      if (followsAt(entry.words, tokens, i)) {
        best = { entry, cut: reading.cut };
        break;
      }
    }
  }
  return best;
}

function followsAt(words: readonly string[], tokens: readonly Token[], i: number): boolean {
  for (let k = 1; k < words.length; k++) {
    const token = tokens[i + k];
    if (
      token === undefined ||
      token.norm !== words[k] ||
      !NAME_TOKEN_TYPES.has(token.type) ||
      TANWEEN.test(token.text)
    ) {
      return false;
    }
  }
  return true;
}

function toMatch(
  text: string,
  tokens: readonly Token[],
  i: number,
  c: Candidate,
  nested: boolean,
): RegistryMatch {
  const first = tokens[i]!;
  const last = tokens[i + c.entry.words.length - 1]!;
  const start = first.start + rawOffsetAfter(first.text, c.cut);
  return {
    start,
    end: last.end,
    text: text.slice(start, last.end),
    tokenStart: i,
    tokenEnd: i + c.entry.words.length,
    actorIds: c.entry.actorIds ?? [],
    nested,
  };
}

/**
 * Finds registry names in tokenized text, longest first, left to right; proclitics are read off the first
 * word and left out of the span (`وموسكو` → `موسكو`). Places inside a longer organisation or thing name are
 * reported too, marked `nested`. `matchRegistry(reg, text, tokenize('قال الكرملين'))` → one match, الكرملين.
 */
export function matchRegistry(registry: Registry, text: string, tokens: readonly Token[]): RegistryMatch[] {
  return scanRegistry(registry, text, tokens).matches;
}

/**
 * One pass over the text: the registry's names (as `matchRegistry`) and the token ranges `[from, to)` of its
 * blocked phrases, phrases holding a name-like word that name nothing (صلاة المغرب, the sunset prayer; حفظه
 * الله, a blessing).
 */
export function scanRegistry(
  registry: Registry,
  text: string,
  tokens: readonly Token[],
): { matches: RegistryMatch[]; blocked: [number, number][] } {
  const matches: RegistryMatch[] = [];
  const blocked: [number, number][] = [];
  let i = 0;
  while (i < tokens.length) {
    const found = longestAt(registry, tokens, i);
    if (found === undefined) {
      i++;
      continue;
    }
    const length = found.entry.words.length;
    if (found.entry.actorIds === null) blocked.push([i, i + length]);
    else if (!isAdjective(registry, tokens, i, found)) {
      const match = toMatch(text, tokens, i, found, false);
      matches.push(match);
      if (length >= 3) matches.push(...nestedPlaces(registry, text, tokens, match));
    }
    i += length;
  }
  return { matches, blocked };
}

/**
 * True for a one-word name that is also a nationality adjective agreeing with a definite noun before it:
 * `للطفلة السعودية` (the Saudi girl), not the country; `تنديد السعودية` names the country.
 */
function isAdjective(registry: Registry, tokens: readonly Token[], i: number, found: Candidate): boolean {
  if (found.cut > 0) return false;
  if (found.entry.words.length === 1)
    return isNationalityAdjective(registry, tokens, i, found.entry.words[0]!);
  // الخارجية الأمريكية is the State Department, but السياسة الخارجية الأمريكية is US foreign policy.
  return ADJECTIVAL_HEADS.has(found.entry.words[0]!) && followsDefiniteNoun(tokens, i);
}

// Institution names that open with an adjective standing for its noun (الخارجية = وزارة الخارجية).
const ADJECTIVAL_HEADS = new Set(['الخارجيه', 'الداخليه', 'البحريه']);

function followsDefiniteNoun(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  if (before === undefined || before.type !== 'word') return false;
  return procliticReadings(before.norm).some((r) => r.form.startsWith('ال') && r.form.length > 3);
}

/**
 * True when `form`, the whole of token i with no proclitic, is a nationality adjective (السعودية) agreeing
 * with a definite noun before it (للخطوط السعودية, Saudi Airlines): no place is named there.
 */
export function isNationalityAdjective(
  registry: Registry,
  tokens: readonly Token[],
  i: number,
  form: string = tokens[i]?.norm ?? '',
): boolean {
  return registry.demonyms.has(form) && followsDefiniteNoun(tokens, i);
}

/** Place names inside a long name of another type: the ocean in a fleet's name, the city in a university's. */
function nestedPlaces(
  registry: Registry,
  text: string,
  tokens: readonly Token[],
  outer: RegistryMatch,
): RegistryMatch[] {
  const outerTypes = outer.actorIds.map((id) => registry.actors.get(id)?.type);
  if (outerTypes.includes('LOC') || outerTypes.includes('PER')) return [];
  const inner: RegistryMatch[] = [];
  for (let i = outer.tokenStart + 1; i < outer.tokenEnd; i++) {
    const found = longestAt(registry, tokens, i);
    if (found === undefined || found.entry.actorIds === null) continue;
    if (i + found.entry.words.length > outer.tokenEnd) continue;
    if (!found.entry.actorIds.every((id) => registry.actors.get(id)?.type === 'LOC')) continue;
    inner.push(toMatch(text, tokens, i, found, true));
    i += found.entry.words.length - 1;
  }
  return inner;
}
