import type { EntityType } from '../../../core/annotations.ts';

/**
 * Tag schemes. BIO marks the first word of a name (B-) and the words inside it (I-); BILOU also marks the
 * last word (L-) and one-word names (U-), which lets a linear model learn where names end.
 */
export type TagScheme = 'BIO' | 'BILOU';

export const ENTITY_TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];

/** A run of words `[start, end)` naming one entity. */
export interface TokenSpan {
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
}

/** Every tag of a scheme, O first. `tagsOf('BIO')` → `['O', 'B-PER', 'I-PER', …]`. */
export function tagsOf(scheme: TagScheme): string[] {
  const marks = scheme === 'BIO' ? ['B', 'I'] : ['B', 'I', 'L', 'U'];
  return ['O', ...ENTITY_TYPES.flatMap((type) => marks.map((mark) => `${mark}-${type}`))];
}

/**
 * True when `next` may follow `prev` (null = sentence start): no I-/L- without an open name of that type,
 * and in BILOU no open name left unclosed. `canFollow('O', 'I-PER', 'BIO')` → false.
 */
export function canFollow(prev: string | null, next: string, scheme: TagScheme): boolean {
  const open = prev !== null && (prev.startsWith('B-') || (scheme === 'BILOU' && prev.startsWith('I-')));
  const openBio = prev !== null && prev !== 'O';
  const continues = next.startsWith('I-') || next.startsWith('L-');
  if (scheme === 'BIO') return !continues || (openBio && prev.slice(2) === next.slice(2));
  if (open) return continues && prev.slice(2) === next.slice(2);
  return !continues;
}

/** True when a sentence may end after `tag` (BILOU forbids an open B- or I-). */
export function canEnd(tag: string, scheme: TagScheme): boolean {
  return scheme === 'BIO' || !(tag.startsWith('B-') || tag.startsWith('I-'));
}

/**
 * Reads the names out of a tag sequence, CoNLL-style: an I- that does not continue a name of its type
 * starts a new one. `spansOf(['B-PER', 'I-PER', 'O'])` → `[{start: 0, end: 2, type: 'PER'}]`.
 */
export function spansOf(tags: readonly string[]): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let start = -1;
  let type = '';
  const close = (end: number) => {
    if (start >= 0) spans.push({ start, end, type: type as EntityType });
    start = -1;
  };
  tags.forEach((tag, i) => {
    const mark = tag[0];
    const tagType = tag.slice(2);
    if (tag === 'O') {
      close(i);
      return;
    }
    const continues = (mark === 'I' || mark === 'L') && start >= 0 && tagType === type;
    if (!continues) {
      close(i);
      start = i;
      type = tagType;
    }
    if (mark === 'L' || mark === 'U') close(i + 1);
  });
  close(tags.length);
  return spans;
}

/** Writes names as tags of a scheme. `tagSpans([{start: 0, end: 2, type: 'PER'}], 3, 'BIO')` → `['B-PER', 'I-PER', 'O']`. */
export function tagSpans(spans: readonly TokenSpan[], length: number, scheme: TagScheme): string[] {
  const tags = new Array<string>(length).fill('O');
  for (const { start, end, type } of spans) {
    for (let i = start; i < end; i++) tags[i] = `I-${type}`;
    tags[start] = `B-${type}`;
    if (scheme === 'BILOU') {
      if (end - start === 1) tags[start] = `U-${type}`;
      else tags[end - 1] = `L-${type}`;
    }
  }
  return tags;
}
