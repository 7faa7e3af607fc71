import type { Token } from '../../../core/annotations.ts';
import { procliticReadings, rawOffsetAfter } from '../registry/proclitics.ts';
import type { Registry, TitleEntry } from '../registry/registry.ts';
import { everHeld, holdsRole, roleHolders } from '../registry/roles.ts';
import { isTitleWord } from './spans.ts';
import type { Draft } from './types.ts';

interface Description {
  readonly start: number;
  readonly end: number;
  readonly tokenStart: number;
  readonly tokenEnd: number;
  readonly title: TitleEntry;
  readonly country: string;
}

/** A title phrase followed by a nationality adjective at token `i`: الرئيس الروسي، الزعيم الكوري الشمالي. */
function descriptionAt(registry: Registry, tokens: readonly Token[], i: number): Description | undefined {
  const first = tokens[i]!;
  for (const reading of procliticReadings(first.norm)) {
    for (const title of registry.titles.get(reading.form) ?? []) {
      const afterTitle = i + title.words.length;
      if (!title.words.every((w, k) => k === 0 || tokens[i + k]?.norm === w)) continue;
      for (let n = registry.maxDemonymWords; n >= 1; n--) {
        const words = tokens.slice(afterTitle, afterTitle + n);
        if (words.length < n || words.some((t) => t.type !== 'word')) continue;
        const country = registry.demonyms.get(words.map((t) => t.norm).join(' '));
        if (country === undefined) continue;
        return {
          start: first.start + rawOffsetAfter(first.text, reading.cut),
          end: words.at(-1)!.end,
          tokenStart: i,
          tokenEnd: afterTitle + n,
          title,
          country,
        };
      }
    }
  }
  return undefined;
}

/** True when the word before is itself a title (نائب رئيس الوزراء): the phrase is then part of another title. */
function insideLongerTitle(registry: Registry, tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  return before !== undefined && isTitleWord(registry.titleWords, before);
}

/** The person a description names: the name in apposition, the one such office holder of the article, or of the registry. */
function resolve(
  registry: Registry,
  d: Description,
  tokens: readonly Token[],
  named: readonly Draft[],
  date?: string,
): string | undefined {
  let next = d.tokenEnd;
  if (tokens[next]?.text === '،' || tokens[next]?.text === ',') next++;
  const apposed = named.find((m) => m.tokenStart === next && m.type === 'PER');
  if (apposed !== undefined) return apposed.key;
  const keys = d.title.title.accepts;
  const people = [
    ...new Set(named.filter((m) => m.type === 'PER' && m.key.startsWith('actor:')).map((m) => m.key)),
  ];
  const holding = people.filter((id) => holdsRole(registry, id, keys, d.country, date));
  if (holding.length === 1) return holding[0];
  if (holding.length === 0) {
    const former = people.filter((id) => everHeld(registry, id, keys, d.country));
    if (former.length === 1) return former[0];
  }
  const holders = roleHolders(registry, keys, d.country, date);
  return holders.length === 1 ? holders[0] : undefined;
}

/**
 * Mentions by description: a title with a nationality adjective names the office holder when the article
 * or the registry leaves one candidate (الرئيس الروسي → Putin; الزعيم الكوري الشمالي → the leader in office,
 * not a former one). Unresolved descriptions are not mentions.
 */
export function descriptionDrafts(
  registry: Registry,
  text: string,
  tokens: readonly Token[],
  named: readonly Draft[],
  date?: string,
): Draft[] {
  const drafts: Draft[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.type !== 'word') continue;
    const d = descriptionAt(registry, tokens, i);
    if (d === undefined || insideLongerTitle(registry, tokens, i)) continue;
    const key = resolve(registry, d, tokens, named, date);
    if (key !== undefined) {
      drafts.push({ ...d, text: text.slice(d.start, d.end), type: 'PER', via: 'description', key });
    }
    i = d.tokenEnd - 1;
  }
  return drafts;
}
